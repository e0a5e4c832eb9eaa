package io.autobot.optimizer.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSignature;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.engine.Engine;
import io.autobot.optimizer.management.system.SystemSampler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JSON export's document keeps the keys and order it always had (tools render from it); only
 * its counts are whole numbers now.
 */
class ExportDocumentTest {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    private final Engine engine = TestEngines.engine();
    private final MethodMeta method = engine.register(null, new MethodSignature("com.example.Catalog", "price",
            "(Ljava/lang/String;)Ljava/lang/Object;", List.of("java.lang.String"), List.of("sku"), "java.lang.Object",
            true), new MethodSpec("pricing", new MethodSpec.Cached(""), null, null, null, null), "f00d");
    private final ManagementPlane plane = new ManagementPlane(engine, new SystemSampler(thread,
            () -> Duration.ofSeconds(1), () -> { throw new IllegalStateException("no probe in this test"); }));

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentKeepsItsKeysInOrderWithCountsAsLongs() {
        method.stats().recordCall(2_000_000, false);
        method.stats().recordFastHit();
        Map<String, Object> document = plane.exportDocument();
        assertThat(List.copyOf(document.keySet())).isEqualTo(List.of("agent", "version", "generated_at", "settings",
                "summary", "operations", "cache_statistics", "system", "recommendations", "active_alerts", "last_hour"));
        Map<String, Object> summary = (Map<String, Object>) document.get("summary");
        assertThat(List.copyOf(summary.keySet())).isEqualTo(List.of("avg_execution_time", "overall_cache_hit_rate",
                "avg_memory_usage", "avg_cpu_usage", "throughput", "optimization_effectiveness", "time_saved",
                "p50_execution_time", "p95_execution_time", "p99_execution_time", "total_calls", "cache_hits",
                "cache_misses", "errors", "rate_limit_errors", "verified", "mismatches", "not_cacheable",
                "avg_process_cpu_usage", "avg_heap_usage", "operations", "period"));
        assertThat(summary.get("total_calls")).isEqualTo(2L);
        assertThat(summary.get("operations")).isEqualTo(1L);

        Map<String, Object> pricing = (Map<String, Object>) ((Map<String, Object>) document.get("operations"))
                .get("pricing");
        assertThat(List.copyOf(pricing.keySet())).as("no time_saved_by_* before a policy measured one")
                .isEqualTo(List.of("avg_execution_time", "p50_execution_time", "p95_execution_time",
                        "p99_execution_time", "cache_hit_rate", "throughput", "optimization_effectiveness",
                        "time_saved", "calls", "cache_hits", "cache_misses", "errors", "rate_limit_errors", "verified",
                        "mismatches", "not_cacheable", "methods"));
        assertThat(pricing).containsEntry("calls", 2L).containsEntry("methods", 1L);

        Map<String, Object> cache = (Map<String, Object>) document.get("cache_statistics");
        assertThat(List.copyOf(cache.keySet())).as("no disk tier open").isEqualTo(List.of("memory_cache",
                "single_flight"));
        assertThat((Map<String, Object>) cache.get("memory_cache")).containsEntry("bytes_on_disk", -1L)
                .containsEntry("evictions", 0L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPolicysSavingAppearsOnceItWasMeasured() {
        method.stats().policies().saved("disk", 1_500_000_000L);
        Map<String, Object> pricing = (Map<String, Object>) ((Map<String, Object>) plane.exportDocument()
                .get("operations")).get("pricing");
        assertThat(pricing).containsEntry("time_saved_by_disk", 1.5).doesNotContainKey("time_saved_by_parallel");
    }
}
