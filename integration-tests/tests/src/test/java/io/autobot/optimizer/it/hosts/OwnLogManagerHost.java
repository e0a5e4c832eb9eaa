package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import java.util.logging.LogManager;

/**
 * A host that picks its own {@code java.util.logging} log manager in its first line, as application
 * servers and logging bridges do: it must get it, the agent having created none before.
 */
public class OwnLogManagerHost {

    /** The host's own log manager. */
    public static class HostLogManager extends LogManager {
    }

    private static int runs;

    @Cached
    static String hello(String name) {
        runs++;
        return "hello " + name;
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.manager", HostLogManager.class.getName());
        boolean correct = hello("world").equals("hello world") && hello("world").equals("hello world");
        HostOutput.print("manager", LogManager.getLogManager().getClass().getName());
        HostOutput.print("correct", correct);
        HostOutput.print("runs", runs);
    }
}
