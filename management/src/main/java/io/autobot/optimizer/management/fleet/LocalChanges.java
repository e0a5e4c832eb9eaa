package io.autobot.optimizer.management.fleet;

/**
 * The changes a fleet message may make, as a JMX client makes them in this JVM: the Optimizer bean
 * implements it, so a change from the fleet is validated and announced exactly as a local one.
 * Each method throws {@link IllegalArgumentException} for a value that is not accepted.
 */
public interface LocalChanges {

    /** Writes a writable attribute of the Optimizer bean from its text, as the CLI's {@code set} does. */
    void setAttribute(String attribute, String value);

    /** Applies a scenario preset. */
    String applyScenario(String scenario);

    /** Empties every cache tier. */
    void clearCache();
}
