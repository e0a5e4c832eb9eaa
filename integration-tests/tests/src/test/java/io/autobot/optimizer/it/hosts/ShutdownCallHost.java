package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;

/** Its only cached call is made by a shutdown hook of its own: the first miss comes while the JVM exits. */
public class ShutdownCallHost {

    @Cached
    static String summary(String run) {
        return "summary-of-" + run;
    }

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("hook=" + summary("run"))));
        System.out.println("main=done");
    }
}
