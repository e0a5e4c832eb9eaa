package io.autobot.optimizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNestedValues() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("pid", 12L);
        map.put("rate", 2.5);
        map.put("on", true);
        map.put("none", null);
        map.put("list", List.of("a", 1));
        map.put("nested", Map.of("k", "v"));
        assertThat(Json.write(map)).isEqualTo(
                "{\"pid\":12,\"rate\":2.5,\"on\":true,\"none\":null,\"list\":[\"a\",1],\"nested\":{\"k\":\"v\"}}");
    }

    @Test
    void escapesStringsAndDropsNonFiniteNumbers() {
        assertThat(Json.write(Arrays.asList("q\"b\\n\n\t\u0001", Double.NaN, Double.POSITIVE_INFINITY)))
                .isEqualTo("[\"q\\\"b\\\\n\\n\\t\\u0001\",null,null]");
    }
}
