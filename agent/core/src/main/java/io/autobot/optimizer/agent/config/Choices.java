package io.autobot.optimizer.agent.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parsing of the lower-case enum vocabularies (levels, strategies). */
final class Choices {

    private Choices() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("expected one of " + accepted(type));
    }

    static <E extends Enum<E>> String accepted(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
