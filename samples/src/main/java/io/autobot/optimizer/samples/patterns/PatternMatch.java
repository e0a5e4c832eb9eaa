package io.autobot.optimizer.samples.patterns;

import java.io.Serializable;

/**
 * The outcome of checking one component against one integration pattern.
 *
 * @param component the component's qualified name (or its file, when the file does not parse)
 * @param pattern the pattern's name
 * @param matched whether every rule of the pattern held
 * @param failedRule the first rule that did not hold (checking stops there), or null when matched
 */
public record PatternMatch(String component, String pattern, boolean matched, String failedRule)
        implements Serializable {
}
