package io.autobot.optimizer.management.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.redis.RedisLink;
import io.autobot.optimizer.protocol.fleet.FleetChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a received change does here; the Redis side is FleetControlIT's (a real redis-server). */
class FleetControlTest {

    /** Records the changes, refusing what the Optimizer bean refuses: an unknown attribute or level. */
    static final class Recorder implements LocalChanges {
        final List<String> applied = new ArrayList<>();

        @Override
        public void setAttribute(String attribute, String value) {
            if (!attribute.equals("OptimizationLevel") || !List.of("basic", "aggressive").contains(value)) {
                throw new IllegalArgumentException(attribute + "='" + value + "' is not accepted");
            }
            applied.add(attribute + "=" + value);
        }

        @Override
        public String applyScenario(String scenario) {
            applied.add("scenario " + scenario);
            return "";
        }

        @Override
        public void clearCache() {
            applied.add("clear");
        }
    }

    // nothing listens on port 1: the link stays down, which is all this test needs of it
    private final RedisLink link = RedisLink.open("redis://127.0.0.1:1", Duration.ofMillis(5));
    private final FleetControl fleet = new FleetControl(link);
    private final Recorder local = new Recorder();

    @AfterEach
    void close() {
        link.close();
    }

    @Test
    void anotherAgentsChangesAreAppliedItsOwnAreNot() {
        fleet.start(local);
        fleet.received(FleetChange.set("other", "OptimizationLevel", "aggressive").text());
        fleet.received(FleetChange.clear("other").text());
        fleet.received(FleetChange.scenario("other", "batch_processing").text());
        fleet.received(fleet.set("OptimizationLevel", "basic").text()); // its own: applied when it was sent
        assertThat(local.applied).containsExactly("OptimizationLevel=aggressive", "clear", "scenario batch_processing");
    }

    @Test
    void whatIsNotAcceptedIsIgnoredAndTheNextChangeStillApplies() {
        fleet.start(local);
        fleet.received("garbage");
        fleet.received(FleetChange.set("other", "OptimizationLevel", "turbo").text());
        fleet.received(FleetChange.set("other", "NoSuchThing", "1").text());
        fleet.received(FleetChange.set("other", "OptimizationLevel", "basic").text());
        assertThat(local.applied).containsExactly("OptimizationLevel=basic");
    }

    @Test
    void afterStopNothingIsApplied() {
        fleet.start(local);
        fleet.stop();
        fleet.received(FleetChange.clear("other").text());
        assertThat(local.applied).isEmpty();
    }

    @Test
    void publishingWhileRedisIsDownSaysTheChangeHoldsHereOnly() {
        fleet.start(local);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fleet.publish(fleet.clear()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("this JVM only")
                .hasMessageContaining("redis://127.0.0.1:1");
        assertThat(fleet.members()).isEmpty();
    }
}
