package io.autobot.optimizer.agent.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesWriterTest {

    private static DiscoveryRow row(String method, String verdict, String policy) {
        return new DiscoveryRow(method, 10, 0.1, 100, 5000, 0.5, 1000, verdict, policy, "evidence of " + method);
    }

    @Test
    void writesARulePerSuggestedPolicyWithItsEvidenceAndListsTheOthers() {
        DiscoveryReport report = new DiscoveryReport("d1", "done", 30, 300, 20, true, Map.of(), List.of(
                row("com.acme.A.price(int)", "cache", "cached(ttl=10m)"),
                row("com.acme.A.all(java.util.List)", "cache, verify first", "cached(ttl=10m, verify=0.05) parallel"),
                row("com.acme.A.fetch(java.lang.String)", "not cacheable: different results for equal arguments (3 of 3)",
                        "rate-limited"),
                row("com.acme.A.tick(int)", "not cacheable: different results for equal arguments (9 of 9)", "")),
                List.of());
        String rules = RulesWriter.write(report, "process 42");
        assertThat(rules).contains("# cache: evidence of com.acme.A.price(int)\ncom.acme.A.price(int)    cached(ttl=10m)")
                .contains("com.acme.A.all(java.util.List)    cached(ttl=10m, verify=0.05) parallel    # cache, verify first")
                .contains("com.acme.A.fetch(java.lang.String)    rate-limited    # not cacheable")
                .contains("#   com.acme.A.tick(int): not cacheable: different results")
                .doesNotContain("com.acme.A.tick(int)    ");
    }
}
