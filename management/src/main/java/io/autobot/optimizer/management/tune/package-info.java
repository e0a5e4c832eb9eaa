/**
 * Auto-tuning: applies the recommendations that carry a setting change, on an interval, when
 * the autotune setting is on.
 */
package io.autobot.optimizer.management.tune;
