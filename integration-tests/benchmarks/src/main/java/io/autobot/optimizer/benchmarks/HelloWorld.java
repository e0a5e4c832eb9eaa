package io.autobot.optimizer.benchmarks;

import io.autobot.optimizer.annotations.Cached;

/** A hello-world host with one annotated method: what {@link StartupTime} starts. */
public final class HelloWorld {

    private HelloWorld() {
    }

    @Cached
    static String greet(String name) {
        return "hello " + name;
    }

    public static void main(String[] args) {
        System.out.println(greet("world") + " " + greet("world"));
    }
}
