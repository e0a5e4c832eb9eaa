package io.autobot.optimizer.management.recommend;

import io.autobot.optimizer.agent.config.Setting;

/**
 * One piece of advice, naming the figure that triggered it. Advice that changes a setting carries
 * the change, which auto-tuning may apply; the rest (check the cache keys, use the disk strategy
 * when memory is short) is for a person.
 *
 * @param rule the rule's name: {@code cache}, {@code memory}, {@code slow} or {@code rate_limit}
 * @param text the advice as shown to users
 * @param figure the value of the figure that triggered it
 * @param higherIsBetter whether a higher figure means the advice worked
 * @param setting the setting to change, or null for advice only
 * @param value the new value as text, or null
 */
public record Recommendation(String rule, String text, double figure, boolean higherIsBetter, Setting<?> setting,
        String value) {

    public boolean actionable() {
        return setting != null;
    }

    @Override
    public String toString() {
        return text;
    }
}
