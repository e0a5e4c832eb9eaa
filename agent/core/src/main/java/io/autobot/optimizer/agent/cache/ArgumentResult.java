package io.autobot.optimizer.agent.cache;

/**
 * What is stored for a result that was one of its call's arguments (the very object, as in
 * {@code return text;} when nothing needed changing): "argument i". A hit serves the caller's own
 * argument i, as the plain method would, never the object of the call that stored it.
 */
public final class ArgumentResult {

    private static final ArgumentResult[] SMALL = new ArgumentResult[16];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new ArgumentResult(i);
        }
    }

    private final int index;

    private ArgumentResult(int index) {
        this.index = index;
    }

    /** The stored form of "argument {@code index}". */
    public static ArgumentResult of(int index) {
        return index < SMALL.length ? SMALL[index] : new ArgumentResult(index);
    }

    /** The argument's position, from 0. */
    public int index() {
        return index;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArgumentResult that && that.index == index;
    }

    @Override
    public int hashCode() {
        return index;
    }

    @Override
    public String toString() {
        return "argument " + index;
    }
}
