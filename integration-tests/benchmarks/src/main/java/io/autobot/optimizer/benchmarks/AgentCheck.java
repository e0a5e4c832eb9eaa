package io.autobot.optimizer.benchmarks;

import io.autobot.optimizer.api.AutoBot;

/** Benchmarks of the agent refuse to run without it, rather than measure the plain method. */
final class AgentCheck {

    private AgentCheck() {
    }

    static void requireAgent() {
        if (System.getProperty("io.autobot.optimizer.started") == null) {
            throw new IllegalStateException("run with -jvmArgsAppend -javaagent:agent/dist/target/autobot-agent.jar"
                    + " (attached: " + AutoBot.isAttached() + ")");
        }
    }
}
