package io.autobot.optimizer.agent.config;

import io.autobot.optimizer.protocol.settings.Values;
import java.time.Duration;

/**
 * Parses the duration strings of the annotations and settings: {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 2h}, {@code 1d}, ISO-8601 ({@code PT2H}), or a plain number of seconds
 * ({@code 1.5}, as {@code MAX_BATCH_WAIT_TIME} takes it).
 */
public final class Durations {

    /** What {@link #parse} accepts, for error messages. */
    public static final String ACCEPTED = Values.DURATION_ACCEPTED;

    private Durations() {
    }

    /**
     * Parses a non-negative duration (the one parser, {@link Values#parseDuration}).
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    public static Duration parse(String text) {
        return Values.parseDuration(text);
    }

    /** Formats a duration the way {@link #parse} reads it back, in the largest exact unit. */
    public static String format(Duration duration) {
        return Values.formatDuration(duration);
    }
}
