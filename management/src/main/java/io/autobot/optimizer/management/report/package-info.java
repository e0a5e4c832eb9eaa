/**
 * The performance report and cache statistics built from the engine's counters and the system
 * samples, the one-minute timeline and the hour's per-minute history, and the export of the report
 * to a file in the export directory, as JSON or as the HTML page of the same document.
 */
package io.autobot.optimizer.management.report;
