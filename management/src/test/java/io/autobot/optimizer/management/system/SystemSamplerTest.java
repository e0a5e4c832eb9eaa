package io.autobot.optimizer.management.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.management.system.oshi.OshiProbe;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SystemSamplerTest {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    /** The jars the agent nests, taken from the test class path. */
    private static List<URL> oshiClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(location(OshiProbe.class));
        urls.add(location(oshi.SystemInfo.class));
        urls.add(location(com.sun.jna.Native.class));
        urls.add(location(com.sun.jna.platform.linux.LibC.class));
        urls.add(location(org.slf4j.LoggerFactory.class));
        return urls;
    }

    @Test
    void oshiRunsInItsOwnClassLoaderBehindAJdkInterface() throws Exception {
        try (OshiLoader loader = OshiLoader.fromUrls(oshiClassPath())) {
            assertThat(loader.probe().getClass().getClassLoader()).isSameAs(loader.classLoader());
            Class<?> isolated = Class.forName("oshi.SystemInfo", false, loader.classLoader());
            assertThat(isolated).isNotSameAs(oshi.SystemInfo.class);
            Thread.sleep(400); // past OSHI's 300 ms memo of the CPU ticks: a load was measured
            Map<String, Double> figures = loader.probe().get();
            assertThat(figures.get(OshiProbe.MEMORY_TOTAL)).isPositive();
            assertThat(figures.get(OshiProbe.PROCESSORS)).isPositive();
            assertThat(figures.get(OshiProbe.SYSTEM_CPU)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void samplesLazilyAndMeasuresItsOwnCost() throws Exception {
        SystemSampler sampler = new SystemSampler(thread, () -> Duration.ofSeconds(1), () -> {
            try {
                OshiLoader loader = OshiLoader.fromUrls(oshiClassPath());
                return new SystemSampler.Probe(loader.probe(), "oshi", loader);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(sampler.started()).isFalse();
        assertThat(sampler.latest().memoryTotal()).isNaN();
        sampler.ensureStarted();
        waitFor(() -> sampler.sampleCount() >= 2);
        assertThat(sampler.status()).isEqualTo("oshi");
        assertThat(sampler.latest().memoryUsagePercent()).isBetween(0.0, 100.0);
        assertThat(sampler.latest().heapUsagePercent()).isBetween(0.0, 100.0);
        assertThat(sampler.averageSampleMicros()).isPositive();
        sampler.close();
    }

    @Test
    void aFirstReadCanWaitForTheFirstSample() {
        SystemSampler sampler = new SystemSampler(thread, () -> Duration.ofSeconds(1),
                () -> new SystemSampler.Probe(new JdkProbe(), "jdk", () -> { }));
        assertThat(sampler.latest().memoryTotal()).isNaN();
        sampler.awaitFirstSample(Duration.ofSeconds(5));
        assertThat(sampler.sampleCount()).isEqualTo(1);
        assertThat(sampler.average().memoryUsagePercent()).isBetween(0.0, 100.0);
        sampler.close();
    }

    @Test
    @Timeout(120) // only a waiter the failure did not release reaches this: a hang, not a duration
    void waitingForTheFirstSampleEndsWhenNoProbeCanRead() {
        SystemSampler sampler = new SystemSampler(thread, () -> Duration.ofSeconds(1), () -> {
            throw new UnsatisfiedLinkError("no native library for this platform");
        });
        sampler.awaitFirstSample(Duration.ofDays(1));
        assertThat(sampler.status()).startsWith("unavailable");
    }

    @Test
    void whenNoProbeCanReadThePlatformTheFiguresAreNaNAndNothingFails() throws Exception {
        SystemSampler sampler = new SystemSampler(thread, () -> Duration.ofSeconds(1), () -> {
            throw new UnsatisfiedLinkError("no native library for this platform");
        });
        sampler.ensureStarted();
        waitFor(() -> sampler.status().startsWith("unavailable"));
        assertThat(sampler.latest().systemCpu()).isNaN();
        assertThat(sampler.average().memoryUsagePercent()).isNaN();
        assertThat(sampler.latest().heapUsed()).isPositive(); // the JDK's own figure still holds
    }

    @Test
    void theJdkFallbackReadsWhatTheJdkKnows() {
        Map<String, Double> figures = new JdkProbe().get();
        assertThat(figures.get(OshiProbe.PROCESSORS)).isPositive();
        assertThat(figures.get(OshiProbe.MEMORY_TOTAL)).isPositive();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition within 20 s").isTrue();
    }
}
