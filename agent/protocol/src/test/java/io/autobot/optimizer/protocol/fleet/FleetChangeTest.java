package io.autobot.optimizer.protocol.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FleetChangeTest {

    @Test
    void everyKindReadsBackAsWritten() {
        for (FleetChange change : new FleetChange[] {FleetChange.set("a1", "OptimizationLevel", "aggressive"),
            FleetChange.scenario("a1", "batch_processing"), FleetChange.clear("a1")}) {
            assertThat(FleetChange.parse(change.text())).isEqualTo(change);
        }
        assertThat(FleetChange.set("a1", "BatchSize", "20").text())
                .isEqualTo("autobot-fleet/1\ta1\tset\tBatchSize\t20");
    }

    @Test
    void anythingElseIsRejectedWithOneLineSayingWhat() {
        assertThatThrownBy(() -> FleetChange.parse("hello")).hasMessageStartingWith("not a fleet change");
        assertThatThrownBy(() -> FleetChange.parse("autobot-fleet/1\ta1\tdrop\tall"))
                .hasMessageContaining("unknown kind");
        assertThatThrownBy(() -> FleetChange.parse("autobot-fleet/1\ta1\tset\tOptimizationLevel"))
                .hasMessageContaining("unknown kind or arguments");
        assertThatThrownBy(() -> FleetChange.parse("autobot-fleet/1\t\tclear")).hasMessageContaining("arguments");
        assertThatThrownBy(() -> FleetChange.parse("x".repeat(5000))).hasMessageContaining("more than");
        assertThatThrownBy(() -> FleetChange.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FleetChange.parse("autobot-fleet/1\ta1\tclear\n")).hasMessageNotContaining("\n");
    }

    @Test
    void aFieldCannotCarryASeparator() {
        assertThatThrownBy(() -> FleetChange.set("a1", "OptimizationLevel", "basic\tclear"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPasswordIsNeverShown() {
        assertThat(RedisUrls.redacted("redis://app:s3cret@host:6379/0")).isEqualTo("redis://app:***@host:6379/0");
        assertThat(RedisUrls.redacted("rediss://s3cret@host")).isEqualTo("rediss://***@host");
        assertThat(RedisUrls.redacted("redis://host:6379")).isEqualTo("redis://host:6379");
    }
}
