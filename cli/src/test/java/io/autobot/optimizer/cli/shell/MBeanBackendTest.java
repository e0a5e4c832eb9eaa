package io.autobot.optimizer.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.api.AgentNotAttachedException;
import io.autobot.optimizer.api.AutoBot;
import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MBeanBackendTest {

    /** The part of the contract's Optimizer MXBean the tests need; CacheSize is left out on purpose. */
    public interface OptimizerMXBean {
        String getOptimizationLevel();

        void setOptimizationLevel(String level);

        int getMaxWorkers();

        void setMaxWorkers(int workers);

        boolean isParallelEnabled();

        void setParallelEnabled(boolean enabled);

        double getMaxRequestsPerSecond();

        void setMaxRequestsPerSecond(double rate);

        Report getPerformanceReport();

        String[] getRecommendations();

        void clearCache();

        void applyScenario(String scenario);

        String exportPerformanceData(String file);

        String exportPerformanceData(String file, String format);
    }

    /** Becomes CompositeData, as the agent's report: named figures, and a table of them by operation. */
    public static final class Report {
        public long getTotalCalls() {
            return 5;
        }

        public double getHitRate() {
            return 0.5;
        }

        public Figures getSummary() {
            return new Figures(6_320_816_128L, 0.25, null);
        }

        public java.util.Map<String, Figures> getOperations() {
            return java.util.Map.of("Svc.op", new Figures(4, 0.5, 1.5));
        }
    }

    /** One composite of named figures; a figure without a value is null over JMX. */
    public record Figures(long calls, double cache_hit_rate, Double time_saved_by_disk) {
    }

    public static final class Optimizer implements OptimizerMXBean {
        String level = "moderate";
        int workers = 4;
        boolean parallel = true;
        double rate = 100;
        int cleared;

        @Override
        public String getOptimizationLevel() {
            return level;
        }

        @Override
        public void setOptimizationLevel(String level) {
            if (!List.of("basic", "moderate", "aggressive").contains(level)) {
                throw new IllegalArgumentException("OPTIMIZATION_LEVEL='" + level + "' is not accepted");
            }
            this.level = level;
        }

        @Override
        public int getMaxWorkers() {
            return workers;
        }

        @Override
        public void setMaxWorkers(int workers) {
            this.workers = workers;
        }

        @Override
        public boolean isParallelEnabled() {
            return parallel;
        }

        @Override
        public void setParallelEnabled(boolean enabled) {
            this.parallel = enabled;
        }

        @Override
        public double getMaxRequestsPerSecond() {
            return rate;
        }

        @Override
        public void setMaxRequestsPerSecond(double rate) {
            this.rate = rate;
        }

        @Override
        public Report getPerformanceReport() {
            return new Report();
        }

        @Override
        public String[] getRecommendations() {
            return new String[] {"first", "second"};
        }

        @Override
        public void clearCache() {
            cleared++;
        }

        @Override
        public void applyScenario(String scenario) {
            throw new IllegalArgumentException("unknown scenario '" + scenario + "'");
        }

        @Override
        public String exportPerformanceData(String file) {
            return "/tmp/" + file;
        }

        @Override
        public String exportPerformanceData(String file, String format) {
            return "/tmp/" + file + " as " + format;
        }
    }

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final Optimizer bean = new Optimizer();
    private final MBeanBackend backend = MBeanBackend.inProcess();

    @BeforeEach
    void register() throws Exception {
        server.registerMBean(bean, new ObjectName(AutoBot.OPTIMIZER_BEAN));
    }

    @AfterEach
    void unregister() throws Exception {
        if (server.isRegistered(new ObjectName(AutoBot.OPTIMIZER_BEAN))) {
            server.unregisterMBean(new ObjectName(AutoBot.OPTIMIZER_BEAN));
        }
    }

    @Test
    void readsTheSettingsTheBeanHasInContractOrder() {
        assertThat(backend.attached()).isTrue();
        assertThat(backend.settings()).containsExactly(
                java.util.Map.entry("OptimizationLevel", "moderate"),
                java.util.Map.entry("MaxWorkers", 4),
                java.util.Map.entry("ParallelEnabled", true),
                java.util.Map.entry("MaxRequestsPerSecond", 100.0));
    }

    @Test
    void convertsTextToTheAttributesType() {
        backend.set("MaxWorkers", "8");
        backend.set("ParallelEnabled", "off");
        backend.set("MaxRequestsPerSecond", "12.5");
        backend.set("OptimizationLevel", "aggressive");
        assertThat(bean.workers).isEqualTo(8);
        assertThat(bean.parallel).isFalse();
        assertThat(bean.rate).isEqualTo(12.5);
        assertThat(bean.level).isEqualTo("aggressive");
    }

    @Test
    void reportsInvalidValuesOnOneLine() {
        assertThatThrownBy(() -> backend.set("MaxWorkers", "many"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OPTIMIZATION_MAX_WORKERS='many' is not accepted: expected a whole number from 1 to 1024");
        assertThatThrownBy(() -> backend.set("OptimizationLevel", "turbo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OPTIMIZATION_LEVEL='turbo' is not accepted: expected one of basic, moderate, aggressive");
        assertThatThrownBy(() -> backend.set("CacheSize", "5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the agent in this JVM has no writable attribute CacheSize");
        assertThatThrownBy(() -> backend.applyScenario("nope")).hasMessage("unknown scenario 'nope'");
    }

    @Test
    void turnsOpenDataIntoMapsAndLists() {
        assertThat(backend.performanceReport()).containsEntry("totalCalls", 5L).containsEntry("hitRate", 0.5);
        // composites become maps of their named items, counts stay Long, a figure without a value is left out
        assertThat(backend.performanceReport().get("summary")).isEqualTo(
                java.util.Map.of("calls", 6_320_816_128L, "cache_hit_rate", 0.25));
        assertThat(backend.performanceReport().get("operations")).isEqualTo(java.util.Map.of("Svc.op",
                java.util.Map.of("calls", 4L, "cache_hit_rate", 0.5, "time_saved_by_disk", 1.5)));
        assertThat(backend.recommendations()).containsExactly("first", "second");
        backend.clearCache();
        assertThat(bean.cleared).isEqualTo(1);
        assertThat(backend.exportPerformanceData("x.json", null)).isEqualTo("/tmp/x.json as null");
        assertThat(backend.exportPerformanceData("x.html", "html")).isEqualTo("/tmp/x.html as html");
        assertThat(backend.cacheStatistics()).isEmpty(); // the bean has none: an empty map, not a failure
    }

    @Test
    void saysWhenTheAgentIsNotThere() throws Exception {
        unregister();
        assertThat(backend.attached()).isFalse();
        assertThatThrownBy(backend::settings).isInstanceOf(AgentNotAttachedException.class)
                .hasMessageContaining("-javaagent");
    }
}
