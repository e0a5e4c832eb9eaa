package io.autobot.optimizer.agent.spi;

import io.autobot.optimizer.agent.config.AgentConfig;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.discovery.Discovery;
import io.autobot.optimizer.agent.engine.Engine;
import io.autobot.optimizer.agent.instrument.Instrumenter;
import io.autobot.optimizer.agent.redis.RedisLink;
import java.lang.instrument.Instrumentation;

/** What the running agent gives an {@link AgentExtension}: its configuration, engine and instrumentation. */
public interface AgentContext {

    AgentConfig config();

    Engine engine();

    /** The live settings. */
    RuntimeSettings settings();

    Instrumentation instrumentation();

    Instrumenter instrumenter();

    /** Whether the agent was attached to a running JVM rather than started with it. */
    boolean attached();

    /**
     * Whether the agent runs for discovery windows only ({@code discover} attached it): nothing is
     * instrumented, and an extension starts only what a window needs.
     */
    default boolean discoveryOnly() {
        return false;
    }

    /** Discovery windows in this JVM (docs/discovery.md); null when the agent offers none. */
    default Discovery discovery() {
        return null;
    }

    /** The link to the fleet's Redis; null when {@code AUTOBOT_REDIS_URL} is not set. */
    default RedisLink redis() {
        return null;
    }
}
