package io.autobot.optimizer.benchmarks;

/**
 * A hello-world host without any selected method: what {@link StartupTime} starts beside
 * {@link HelloWorld}, to show what the agent costs a host it has nothing to do in.
 */
public final class PlainHelloWorld {

    private PlainHelloWorld() {
    }

    static String greet(String name) {
        return "hello " + name;
    }

    public static void main(String[] args) {
        System.out.println(greet("world") + " " + greet("world"));
    }
}
