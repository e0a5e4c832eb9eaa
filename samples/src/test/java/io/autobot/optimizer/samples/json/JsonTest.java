package io.autobot.optimizer.samples.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesAndReadsBackNestedValues() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "a \"quoted\"\nline\t\u0001");
        value.put("count", 3);
        value.put("ratio", 0.25);
        value.put("whole", 2.0);
        value.put("flags", List.of(true, false));
        value.put("nothing", null);
        value.put("empty", Map.of());
        value.put("none", List.of());

        for (String text : List.of(Json.write(value), Json.writeCompact(value))) {
            Map<?, ?> read = (Map<?, ?>) Json.parse(text);
            assertThat(read.get("name")).isEqualTo("a \"quoted\"\nline\t\u0001");
            assertThat(read.get("count")).isEqualTo(3.0);
            assertThat(read.get("ratio")).isEqualTo(0.25);
            assertThat(read.get("flags")).isEqualTo(List.of(true, false));
            assertThat(read.containsKey("nothing")).isTrue();
            assertThat(read.get("nothing")).isNull();
            assertThat(read.get("empty")).isEqualTo(Map.of());
            assertThat(read.get("none")).isEqualTo(List.of());
        }
        assertThat(Json.writeCompact(value)).contains("\"whole\":2,").doesNotContain("\n");
    }

    @Test
    void rejectsWhatIsNotJson() {
        for (String text : Arrays.asList("{", "{\"a\" 1}", "[1,]", "tru", "\"open", "{} x", "{a:1}")) {
            assertThatThrownBy(() -> Json.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid JSON at offset");
        }
    }

    @Test
    void readsUnicodeEscapesAndNumbers() {
        assertThat(Json.parse("[\"\\u00e9\", -1.5e2, 0]")).isEqualTo(List.of("é", -150.0, 0.0));
    }
}
