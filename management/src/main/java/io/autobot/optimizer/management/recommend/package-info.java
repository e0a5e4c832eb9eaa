/**
 * Recommendations: rules over measured figures, each naming the figure that triggered it and,
 * where the fix is a setting, the change that auto-tuning can apply.
 */
package io.autobot.optimizer.management.recommend;
