/**
 * The performance report and cache statistics built from the engine's counters and the system
 * samples, the one-minute timeline, and the export of the report to a file in the export
 * directory.
 */
package io.autobot.optimizer.management.report;
