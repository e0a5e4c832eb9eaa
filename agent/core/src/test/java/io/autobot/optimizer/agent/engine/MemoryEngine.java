package io.autobot.optimizer.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import java.util.List;

/** An engine at the default settings over a memory tier alone: what the hit-path tests call into. */
final class MemoryEngine {

    /** A plain {@code @Cached} method's spec. */
    static final MethodSpec CACHED = new MethodSpec(null, new MethodSpec.Cached(""), null, null, null, null);

    final RuntimeSettings settings = RuntimeSettings.defaults();
    final MemoryTier memory = new MemoryTier(10_000);
    final Engine engine;

    MemoryEngine() {
        FailOpen failOpen = new FailOpen();
        engine = new Engine(settings, new ResultCache(memory, CacheStrategy.MEMORY, null, failOpen), List.of(), failOpen);
    }

    /**
     * The counts after one miss and one hit by the argument: the method's (a fast hit, two calls)
     * and the memory tier's, each counted once.
     */
    void assertOneMissThenOneHitByTheArgument(MethodMeta method) {
        assertThat(method.stats().directHitsTotal()).as("served by the argument").isEqualTo(1);
        assertThat(method.stats().hits()).isEqualTo(1);
        assertThat(method.stats().fastHits()).isEqualTo(1);
        assertThat(method.stats().calls()).isEqualTo(2);
        assertThat(method.stats().misses()).isEqualTo(1);
        assertThat(memory.statistics().hits()).isEqualTo(1);
        assertThat(memory.statistics().misses()).isEqualTo(1);
    }
}
