package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;

/** The smallest host: one annotated method, called twice. Used for start-up and class-loading checks. */
public class HelloHost {

    private static int runs;

    @Cached
    static String hello(String name) {
        runs++;
        return "hello " + name;
    }

    public static void main(String[] args) {
        boolean correct = hello("world").equals("hello world") && hello("world").equals("hello world");
        System.out.println("correct=" + correct);
        System.out.println("runs=" + runs);
    }
}
