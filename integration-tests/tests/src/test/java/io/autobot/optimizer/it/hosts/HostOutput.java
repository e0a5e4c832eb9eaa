package io.autobot.optimizer.it.hosts;

/** The {@code key=value} lines hosts print for their ITs, and the check that every result was right. */
final class HostOutput {

    private static boolean allCorrect = true;

    private HostOutput() {
    }

    static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    static void check(boolean condition, String what) {
        if (!condition) {
            allCorrect = false;
            new AssertionError("wrong: " + what).printStackTrace();
        }
    }

    static void printCorrect() {
        print("correct", allCorrect);
    }
}
