package io.autobot.optimizer.management;

import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.engine.Engine;
import java.util.List;

/** A real engine with default settings and a memory cache, for the management plane's unit tests. */
public final class TestEngines {

    private TestEngines() {
    }

    public static Engine engine() {
        RuntimeSettings settings = RuntimeSettings.defaults();
        FailOpen failOpen = new FailOpen();
        return new Engine(settings, new ResultCache(new MemoryTier(settings.effectiveCacheSize()),
                settings.cacheStrategy(), null, failOpen), List.of(), failOpen);
    }
}
