/**
 * The scenario presets (large_repository_analysis, real_time_validation, batch_processing,
 * api_heavy_workload) and the settings each applies.
 */
package io.autobot.optimizer.management.scenario;
