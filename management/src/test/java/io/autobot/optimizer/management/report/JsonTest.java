package io.autobot.optimizer.management.report;

import static org.assertj.core.api.Assertions.assertThat;

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
}
