package io.autobot.optimizer.management.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.management.report.Counters;
import io.autobot.optimizer.management.system.SystemSample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdvisorTest {

    private final RuntimeSettings settings = RuntimeSettings.defaults();
    private final Advisor advisor = new Advisor(settings);

    static SystemSample system(double cpu, double memoryPercent, double heapPercent) {
        return new SystemSample(0, cpu, 0.01, 100, 100 - memoryPercent, 10, heapPercent, 100, 2);
    }

    static Figures figures(Counters total, double cpu, double memory, double utilization, long evictions) {
        return new Figures(total, Map.of("search", total), system(cpu, memory, 10), utilization, evictions);
    }

    /** {@code lookups} cache lookups with the given hit rate, each miss taking {@code missMillis}. */
    static Counters lookups(int lookups, double hitRate, long missMillis) {
        long hits = Math.round(lookups * hitRate);
        long misses = lookups - hits;
        long nanos = misses * missMillis * 1_000_000;
        return new Counters(lookups, hits, hits, misses, 0, 0, nanos, nanos);
    }

    private static io.autobot.optimizer.agent.call.MethodMeta parallelMethod(String name, String verdict) {
        io.autobot.optimizer.agent.call.MethodSignature signature = new io.autobot.optimizer.agent.call.MethodSignature(
                "demo.Service", name, "(Ljava/util/List;)Ljava/util/List;", List.of("java.util.List"),
                List.of("items"), "java.util.List", true);
        io.autobot.optimizer.agent.call.MethodMeta method = new io.autobot.optimizer.agent.engine.MethodRegistry()
                .register(AdvisorTest.class.getClassLoader(), signature,
                        new io.autobot.optimizer.agent.call.MethodSpec("search", null, null, null, null, null), "f");
        method.stats().policies().verdict("parallel", () -> verdict);
        return method;
    }

    @Test
    void splitsThatDoNotPayAskForFewerWorkersNamingTheMethodAndItsFigures() {
        settings.set(Setting.MAX_WORKERS, 8);
        List<Recommendation> advice = advisor.workers(List.of(
                parallelMethod("fast", "not split, it does not pay: 0.300 ms per element split against 0.100 ms whole"),
                parallelMethod("slow", "split, it pays: 0.100 ms per element split against 0.300 ms whole")), 0.2);

        assertThat(advice).singleElement().satisfies(recommendation -> {
            assertThat(recommendation.text()).isEqualTo("Reduce OPTIMIZATION_MAX_WORKERS from 8 to 4: splitting does not"
                    + " pay for Service.fast (0.300 ms per element split against 0.100 ms whole)");
            assertThat(recommendation.setting()).isEqualTo(Setting.MAX_WORKERS);
            assertThat(recommendation.value()).isEqualTo("4");
        });
    }

    @Test
    void aSaturatedCpuWithMoreWorkersThanCoresAsksForAsManyWorkersAsCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        settings.set(Setting.MAX_WORKERS, 4 * cores);
        List<Recommendation> advice = advisor.workers(List.of(), 0.95);

        assertThat(advice).singleElement().satisfies(recommendation -> assertThat(recommendation.text())
                .startsWith("Reduce OPTIMIZATION_MAX_WORKERS from " + 4 * cores + " to " + 2 * cores
                        + ": the CPU is 95% busy"));
        assertThat(advisor.workers(List.of(), 0.5)).as("a CPU with room").isEmpty();
    }

    @Test
    void healthyFiguresNeedNoAdvice() {
        assertThat(advisor.advise(figures(lookups(1000, 0.9, 1), 0.2, 40, 0.5, 0))).isEmpty();
    }

    @Test
    void aLowHitRateWithAFullCacheAsksForALargerCacheNamingTheFigures() {
        List<Recommendation> advice = advisor.advise(figures(lookups(1000, 0.2, 1), 0.2, 40, 1.0, 300));
        assertThat(advice).first().satisfies(first -> {
            assertThat(first.setting()).isEqualTo(Setting.CACHE_SIZE);
            assertThat(first.value()).isEqualTo("2000");
            assertThat(first.text()).contains("hit rate is 0.20", "below 0.5", "300 evictions");
        });
    }

    @Test
    void aLowHitRateWithRoomLeftPointsAtTheCacheKeys() {
        List<Recommendation> advice = advisor.advise(figures(lookups(1000, 0.1, 1), 0.2, 40, 0.3, 0));
        assertThat(advice).singleElement().satisfies(only -> {
            assertThat(only.actionable()).isFalse();
            assertThat(only.text()).contains("Check the cache keys of search (hit rate 0.10)");
        });
        settings.set("cache", "memory");
        assertThat(advisor.advise(figures(lookups(1000, 0.1, 1), 0.2, 40, 0.3, 0)))
                .anyMatch(r -> r.setting() == Setting.CACHE_STRATEGY && r.value().equals("hybrid"));
    }

    @Test
    void tooFewLookupsSayNothingAboutTheHitRate() {
        assertThat(advisor.advise(figures(lookups(50, 0.0, 1), 0.2, 40, 1.0, 10))).isEmpty();
    }

    @Test
    void highMemoryAsksForASmallerCacheOrTheDiskStrategy() {
        List<Recommendation> advice = advisor.advise(figures(lookups(1000, 0.9, 1), 0.2, 93, 0.8, 0));
        assertThat(advice).anyMatch(r -> r.setting() == Setting.CACHE_SIZE && r.value().equals("500")
                && r.text().contains("memory usage is 93.0%"));
        assertThat(advice).anyMatch(r -> r.text().contains("disk cache strategy"));
    }

    @Test
    void slowOperationsOnAnIdleCpuAskForMoreParallelism() {
        List<Recommendation> advice = advisor.advise(figures(lookups(10, 0.0, 12_000), 0.1, 40, 0.1, 0));
        assertThat(advice).anyMatch(r -> r.setting() == Setting.LEVEL && r.value().equals("aggressive")
                && r.text().contains("search takes 12.000 s per call") && r.text().contains("10% busy"));
        assertThat(advice).anyMatch(r -> r.setting() == Setting.MAX_WORKERS);
    }

    @Test
    void slowOperationsOnABusyCpuAskForTheFastestTierNotMoreThreads() {
        List<Recommendation> advice = advisor.advise(figures(lookups(10, 0.0, 12_000), 0.9, 40, 0.1, 0));
        assertThat(advice).singleElement().satisfies(only ->
                assertThat(only.text()).contains("memory cache strategy", "90% busy"));
    }

    @Test
    void rateLimitErrorsAskForThrottlingThenALowerRateAndALongerBatchWait() {
        Counters errors = new Counters(20, 0, 0, 0, 20, 20, 1000, 0);
        settings.set("throttling", "false");
        assertThat(advisor.advise(figures(errors, 0.1, 40, 0.1, 0)))
                .anyMatch(r -> r.setting() == Setting.REQUEST_THROTTLING && r.text().contains("20 calls failed"));
        settings.set("throttling", "true");
        List<Recommendation> advice = advisor.advise(figures(errors, 0.1, 40, 0.1, 0));
        assertThat(advice).anyMatch(r -> r.setting() == Setting.MAX_REQUESTS_PER_SECOND && r.value().equals("50"));
        assertThat(advice).anyMatch(r -> r.setting() == Setting.MAX_BATCH_WAIT_TIME && r.value().equals("2s"));
    }
}
