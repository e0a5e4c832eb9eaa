package io.autobot.optimizer.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoverTest {

    private static Map<String, Object> answer(String policy) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("method", "com.acme.Prices.quote(int)");
        row.put("calls", 120L);
        row.put("share", 0.4);
        row.put("meanCostMicros", 2500.0);
        row.put("repeatRate", 0.9);
        row.put("savedMillisPerMinute", 5400.0);
        row.put("verdict", "cache");
        row.put("policy", policy);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("seconds", 30L);
        answer.put("samples", 300L);
        answer.put("observedSeconds", 20.0);
        answer.put("restored", true);
        answer.put("rows", List.of(row));
        return answer;
    }

    private static String print(Map<String, Object> answer) {
        StringWriter text = new StringWriter();
        Discover.print(new PrintWriter(text, true), answer);
        return text.toString();
    }

    @Test
    void namesTheAttachCommandThatAppliesTheRulesWritten() {
        Map<String, Object> answer = answer("cached(ttl=10m) parallel");
        answer.put("rulesFile", "/tmp/app.rules");
        answer.put("next", Discover.next(4242L, "/tmp/app.rules"));
        assertThat(print(answer)).contains("cached(ttl=10m) parallel")
                .contains("Rules written to /tmp/app.rules")
                .contains("java -jar autobot-agent.jar attach 4242 rules=/tmp/app.rules verify=0.01");
    }

    @Test
    void withoutARulesFileTellsHowToWriteOne() {
        assertThat(print(answer("rate-limited"))).contains("run discover again with --rules-out <file>")
                .contains("attach <pid> rules=<file> verify=0.01");
        assertThat(print(answer(""))).doesNotContain("--rules-out");
    }

    @Test
    void quotesAPathWithSpaces() {
        assertThat(Discover.next(7L, "/tmp/my rules.txt")).endsWith("rules=\"/tmp/my rules.txt\" verify=0.01");
    }
}
