package io.autobot.optimizer.management.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSignature;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.engine.Engine;
import io.autobot.optimizer.management.TestEngines;
import io.autobot.optimizer.management.metrics.micrometer.MeterRegistrar;
import io.autobot.optimizer.management.report.Operations;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The meters show what the engine counted, in seconds, and nothing it did not measure. */
class MetricsBindingTest {

    private final Engine engine = TestEngines.engine();
    private final MethodMeta method = engine.register(null, new MethodSignature("com.example.Catalog", "price",
            "(Ljava/lang/String;)Ljava/lang/Object;", List.of("java.lang.String"), List.of("sku"), "java.lang.Object",
            true), new MethodSpec("pricing", new MethodSpec.Cached(""), null, null, null, null), "f00d");

    private void calls() {
        method.stats().recordCall(2_000_000, false);
        method.stats().recordCall(2_000_000, false);
        method.stats().recordCall(1_000_000, true);
        method.stats().recordFastHit();
        method.stats().recordFastHit();
        method.stats().recordFastHit();
        method.stats().recordThrottleWait(5_000_000);
    }

    @Test
    void withoutTheHostsMicrometerTheJmxViewShowsCountsAndSecondsAndNoEmptyDistribution() throws Exception {
        calls();
        try (MetricsBinding binding = new MetricsBinding(engine.cache(), new Operations(engine),
                ManagementFactory::getPlatformMBeanServer)) {
            binding.bindNew(Set.of("pricing"));
            assertThat(binding.target()).isEqualTo("jmx");
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> names = server.queryNames(new ObjectName(MetricsBinding.DOMAIN + ":*"), null);
            List<String> attributes = new ArrayList<>();
            for (ObjectName name : names) {
                for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                    attributes.add(attribute.getName());
                }
            }
            assertThat(attributes).as("no timer with percentiles, max and min it never measured")
                    .doesNotContain("Max", "Min", "75thPercentile", "999thPercentile");
            assertThat(value(server, names, "autobotCallsSum", "success")).isCloseTo(0.004, within(1e-9));
            assertThat(value(server, names, "autobotCallsCount", "success")).isEqualTo(2.0);
            assertThat(value(server, names, "autobotCallsCount", "error")).isEqualTo(1.0);
            assertThat(value(server, names, "autobotCallsCached", "pricing")).isEqualTo(3.0);
            assertThat(value(server, names, "autobotRatelimitWaitsSum", "pricing")).isCloseTo(0.005, within(1e-9));
            assertThat(value(server, names, "autobotCallsPercentile", "0.99")).as("seconds, not milliseconds")
                    .isBetween(0.0018, 0.0022);
        }
        assertThat(ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName(MetricsBinding.DOMAIN + ":*"), null)).isEmpty();
    }

    @Test
    void theJmxViewWaitsForThePlatformServerAndNeverMakesIt() throws Exception {
        calls();
        AtomicReference<MBeanServer> platform = new AtomicReference<>();
        try (MetricsBinding binding = new MetricsBinding(engine.cache(), new Operations(engine), platform::get)) {
            binding.bindNew(Set.of("pricing"));
            assertThat(binding.target()).isEqualTo("jmx");
            MBeanServer server = MBeanServerFactory.newMBeanServer(); // stands in for the platform server, made later
            ObjectName meters = new ObjectName(MetricsBinding.DOMAIN + ":*");
            assertThat(server.queryNames(meters, null)).isEmpty();

            platform.set(server);
            binding.bindNew(Set.of("pricing"));
            Set<ObjectName> names = server.queryNames(meters, null);
            assertThat(value(server, names, "autobotCallsCount", "success")).as("bound once the server exists")
                    .isEqualTo(2.0);
        }
    }

    private static double value(MBeanServer server, Set<ObjectName> names, String meter, String tag) throws Exception {
        for (ObjectName name : names) {
            String text = name.toString();
            if (text.contains(meter + ".") && text.contains(tag)) {
                // a gauge shows its Value; a counter (Dropwizard's meter) its Count
                String attribute = name.getKeyProperty("type").equals("gauges") ? "Value" : "Count";
                return ((Number) server.getAttribute(name, attribute)).doubleValue();
            }
        }
        throw new AssertionError(meter + " tagged " + tag + " is not among " + names);
    }

    @Test
    void onARegistryThatShowsFunctionTimersATimerIsOneMeterInSecondsAndCloseRemovesIt() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MeterRegistrar registrar = new MeterRegistrar(registry, true);
        registrar.timer("autobot.calls", new String[] {"operation", "pricing", "outcome", "success"}, "calls",
                () -> 4, () -> 0.25);
        registrar.counter("cache.gets", new String[] {"cache", "memory", "result", "hit"}, "hits", null, () -> 9);
        FunctionTimer timer = registry.get("autobot.calls").tags("outcome", "success").functionTimer();
        assertThat(timer.count()).isEqualTo(4.0);
        assertThat(timer.totalTime(TimeUnit.SECONDS)).isEqualTo(0.25);
        assertThat(registry.get("cache.gets").tag("result", "hit").functionCounter().count()).isEqualTo(9.0);
        registrar.close();
        assertThat(registry.getMeters()).isEmpty();
    }
}
