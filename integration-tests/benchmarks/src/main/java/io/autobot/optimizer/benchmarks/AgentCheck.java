package io.autobot.optimizer.benchmarks;

import io.autobot.optimizer.api.AutoBot;

/** Benchmarks of the agent refuse to run without it, rather than measure the plain method. */
final class AgentCheck {

    private AgentCheck() {
    }

    static void requireAgent() {
        // waits while the agent's beans are still being registered (they follow premain on a thread of their own)
        if (!AutoBot.isAttached()) {
            throw new IllegalStateException("run with -jvmArgsAppend -javaagent:agent/dist/target/autobot-agent.jar");
        }
    }
}
