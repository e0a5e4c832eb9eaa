package io.autobot.optimizer.management.alert;

/**
 * A threshold that was crossed, or that is back within bounds.
 *
 * @param name {@code execution_time}, {@code cache_hit_rate}, {@code memory} or {@code cpu}
 * @param raised true when the threshold was crossed, false when the figure came back
 * @param figure the report key of the figure
 * @param value the figure's value
 * @param threshold the threshold in force
 * @param message the alert as people read it
 */
public record Alert(String name, boolean raised, String figure, double value, double threshold, String message) {

    /** The JMX notification type: {@code io.autobot.optimizer.alert.<name>[.cleared]}. */
    public String notificationType() {
        return "io.autobot.optimizer.alert." + name + (raised ? "" : ".cleared");
    }
}
