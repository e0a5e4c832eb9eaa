package io.autobot.optimizer.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNestedValuesWithUnmeasuredFiguresAsNull() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("avg", 0.25);
        map.put("calls", 3.0);
        map.put("cpu", Double.NaN);
        map.put("text", "a \"quoted\"\nline\u0001");
        map.put("list", List.of(true, 7L));
        map.put("empty", Map.of());
        String json = Json.write(map);
        assertThat(json).contains("\"avg\": 0.25").contains("\"calls\": 3").contains("\"cpu\": null")
                .contains("\"a \\\"quoted\\\"\\nline\\u0001\"").contains("true,").contains("\"empty\": {}");
    }

    @Test
    void writesOneLineForTheCli() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("pid", 12L);
        map.put("rate", 2.5);
        map.put("on", true);
        map.put("none", null);
        map.put("list", List.of("a", 1));
        map.put("nested", Map.of("k", "v"));
        assertThat(Json.compact(map)).isEqualTo(
                "{\"pid\":12,\"rate\":2.5,\"on\":true,\"none\":null,\"list\":[\"a\",1],\"nested\":{\"k\":\"v\"}}");
    }

    @Test
    void escapesStringsAndDropsNonFiniteNumbers() {
        assertThat(Json.compact(Arrays.asList("q\"b\\n\n\t\u0001", Double.NaN, Double.POSITIVE_INFINITY)))
                .isEqualTo("[\"q\\\"b\\\\n\\n\\t\\u0001\",null,null]");
    }

    @Test
    void keepsTheIndentedShapeOfNestedAndEmptyValues() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("report", Map.of("calls", 2L));
        map.put("none", List.of());
        map.put("empty", Map.of());
        map.put("array", new Object[] {1.5f, java.time.Duration.ofSeconds(2)});
        assertThat(Json.write(map)).isEqualTo("{\n  \"report\": {\n    \"calls\": 2\n  },\n  \"none\": [],\n"
                + "  \"empty\": {},\n  \"array\": [\n    1.5,\n    \"PT2S\"\n  ]\n}\n");
    }

    @Test
    void indentsForFiles() {
        assertThat(Json.write(Map.of("k", List.of(1L, 2L)))).isEqualTo("{\n  \"k\": [\n    1,\n    2\n  ]\n}\n");
    }
}
