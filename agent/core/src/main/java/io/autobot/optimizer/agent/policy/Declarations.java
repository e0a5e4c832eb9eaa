package io.autobot.optimizer.agent.policy;

import io.autobot.optimizer.agent.config.Durations;
import java.time.Duration;

/**
 * Reads the raw values of a declaration (an annotation attribute, a rule) and says what is wrong
 * with them in the words the user wrote: {@code @Timeout(value = "2x") is not accepted: ...}.
 */
public final class Declarations {

    private Declarations() {
    }

    /**
     * Parses a duration attribute.
     *
     * @param attribute how the user wrote it, such as {@code @Timeout(value = ...)}
     * @throws IllegalArgumentException naming the attribute, the value and what is accepted
     */
    public static Duration duration(String attribute, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw rejected(attribute, "\"" + text + "\"", Durations.ACCEPTED);
        }
    }

    /** A positive duration attribute. */
    public static Duration positiveDuration(String attribute, String text) {
        Duration value = duration(attribute, text);
        if (value.isZero()) {
            throw rejected(attribute, "\"" + text + "\"", "a duration greater than zero");
        }
        return value;
    }

    public static IllegalArgumentException rejected(String attribute, Object value, String accepted) {
        return new IllegalArgumentException(attribute.replace("...", String.valueOf(value))
                + " is not accepted: expected " + accepted);
    }
}
