package io.autobot.optimizer.agent.cache;

/**
 * Stands in keys for the receivers of one stateless class (see {@link Receivers}): one per class,
 * equal only to itself. It keeps the class's name, not the class, so that a stored entry never
 * keeps a class (and its class loader) alive.
 */
public final class StatelessReceiver {

    private final String className;

    StatelessReceiver(String className) {
        this.className = className;
    }

    /** The name of the class, which stands for it on disk. */
    public String className() {
        return className;
    }

    @Override
    public String toString() {
        return "StatelessReceiver[" + className + "]";
    }
}
