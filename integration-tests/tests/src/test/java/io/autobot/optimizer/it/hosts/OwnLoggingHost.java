package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * A host that sets up logging the way frameworks do: Logback from its own configuration file
 * (which also names the agent's logger), java.util.logging reset and routed into SLF4J. It makes
 * the agent warn (an argument whose hashCode throws) and logs through both APIs before and after.
 */
public class OwnLoggingHost {

    static final AtomicInteger RUNS = new AtomicInteger();

    @Cached
    static int doubled(FailOpenHost.NoHash arg) {
        RUNS.incrementAndGet();
        return arg.value * 2;
    }

    @Cached
    static int tripled(int x) {
        RUNS.incrementAndGet();
        return x * 3;
    }

    public static void main(String[] args) {
        LogManager.getLogManager().reset();
        SLF4JBridgeHandler.install();
        Logger log = LoggerFactory.getLogger("host.app");
        log.info("host started");
        java.util.logging.Logger.getLogger("host.jul").warning("host jul line");

        boolean correct = true;
        for (int i = 0; i < 3; i++) {
            correct &= doubled(new FailOpenHost.NoHash(21)) == 42; // the agent cannot hash it: it warns once
            correct &= tripled(5) == 15;
        }
        log.info("host done");
        System.out.println("provider=" + LoggerFactory.getILoggerFactory().getClass().getName());
        System.out.println("correct=" + correct);
        System.out.println("runs=" + RUNS.get());
    }
}
