package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.check;
import static io.autobot.optimizer.it.hosts.HostOutput.print;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.RateLimited;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * A host with Micrometer, as a Spring Boot application has it: a registry added to the global
 * one. It makes calls of each kind, waits until the agent's meters are in its registry, and
 * prints what its own registry shows of them.
 */
public class MicrometerHost {

    private static int squareRuns;

    @Cached
    static int square(int x) {
        squareRuns++;
        return x * x;
    }

    @Cached
    static int failing(int x) {
        throw new IllegalArgumentException("no result for " + x);
    }

    @RateLimited(perSecond = 2, maxWait = "10s")
    static int throttled(int x) {
        return x;
    }

    public static void main(String[] args) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);

        check(square(3) == 9 && square(3) == 9 && square(3) == 9, "square");
        print("square.runs", squareRuns);
        try {
            failing(1);
            check(false, "failing returned");
        } catch (IllegalArgumentException expected) {
            // the body's own exception, as without the agent
        }
        for (int i = 0; i < 3; i++) {
            check(throttled(i) == i, "throttled");
        }

        // the agent looks for new operations once a second: wait for the last one's meters
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (registry.find("autobot.ratelimit.waits").tag("operation", "MicrometerHost.throttled").functionTimer() == null
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        FunctionTimer success = registry.get("autobot.calls").tags("operation", "MicrometerHost.square",
                "outcome", "success").functionTimer();
        print("calls.success.count", (long) success.count());
        print("calls.success.unit", success.baseTimeUnit());
        print("calls.success.time.positive", success.totalTime(success.baseTimeUnit()) > 0);
        FunctionTimer error = registry.get("autobot.calls").tags("operation", "MicrometerHost.failing",
                "outcome", "error").functionTimer();
        print("calls.error.count", (long) error.count());
        print("calls.cached", (long) registry.get("autobot.calls.cached").tag("operation", "MicrometerHost.square")
                .functionCounter().count());
        TimeGauge median = registry.get("autobot.calls.percentile").tags("operation", "MicrometerHost.square",
                "phi", "0.5").timeGauge();
        print("percentile.positive", median.value() > 0);
        FunctionTimer waits = registry.get("autobot.ratelimit.waits").tag("operation", "MicrometerHost.throttled")
                .functionTimer();
        print("ratelimit.waits", (long) waits.count());
        print("ratelimit.time.positive", waits.totalTime(waits.baseTimeUnit()) > 0);
        FunctionCounter hits = registry.get("cache.gets").tags("cache", "memory", "result", "hit").functionCounter();
        FunctionCounter misses = registry.get("cache.gets").tags("cache", "memory", "result", "miss").functionCounter();
        print("cache.hits", (long) hits.count());
        print("cache.misses", (long) misses.count());
        Gauge size = registry.get("cache.size").tag("cache", "memory").gauge();
        print("cache.size", (long) size.value());
        print("cache.evictions.present", registry.find("cache.evictions").tag("cache", "memory").functionCounter() != null);
        print("meter.class", hits.getClass().getName());
        print("meter.loader", hits.getClass().getClassLoader() == Meter.class.getClassLoader());
        print("jmx.view", ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("io.autobot.optimizer.metrics:*"), null).size());
        HostOutput.printCorrect();
    }
}
