package io.autobot.optimizer.management;

import io.autobot.optimizer.agent.cache.TierStatistics;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.spi.AgentContext;
import io.autobot.optimizer.agent.spi.AgentExtension;
import io.autobot.optimizer.agent.redis.RedisLink;
import io.autobot.optimizer.management.fleet.FleetControl;
import io.autobot.optimizer.management.fleet.Heartbeat;
import io.autobot.optimizer.management.jmx.Beans;
import io.autobot.optimizer.management.jmx.CacheBean;
import io.autobot.optimizer.management.jmx.OperationBean;
import io.autobot.optimizer.management.jmx.OptimizerBean;
import io.autobot.optimizer.management.jmx.PlatformServerWatch;
import io.autobot.optimizer.management.jmx.SystemBean;
import io.autobot.optimizer.management.metrics.MetricsBinding;
import io.autobot.optimizer.management.system.SystemSampler;
import io.autobot.optimizer.protocol.fleet.Heartbeats;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the management plane with the agent: the {@code type=Optimizer} and {@code type=System}
 * beans, then, on the management thread, a bean per operation and cache tier as they appear, the
 * Micrometer meters, alerts and auto-tuning. {@link #stop()} (detach) unregisters every bean and
 * ends the thread.
 *
 * <p>The beans join the platform MBean server when something first asks for it (a JMX client,
 * the CLI, the in-process API, the host), on that thread, before it gets it
 * ({@link PlatformServerWatch}); an attached agent registers them at once. Alerts, auto-tuning
 * and the meters in the host's own Micrometer registry run either way.
 *
 * <p>For an agent started for discovery only, just the {@code type=Optimizer} bean, whose discovery
 * operations the CLI calls: no system bean, no per-operation beans, no Micrometer, no tick, no fleet.
 */
public final class ManagementExtension implements AgentExtension {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final Beans beans = new Beans();
    private final Set<String> operationBeans = ConcurrentHashMap.newKeySet();
    private final Set<String> cacheBeans = ConcurrentHashMap.newKeySet();
    private ManagementThread thread;
    private ManagementPlane plane;
    private OptimizerBean optimizer;
    private volatile MetricsBinding metrics;
    private volatile boolean tickFailed;
    private FleetControl fleet;
    private volatile Heartbeat heartbeat;
    private volatile PlatformServerWatch watch;

    @Override
    public String name() {
        return "management";
    }

    @Override
    public void start(AgentContext runtime) throws JMException {
        try {
            startPlane(runtime);
        } catch (JMException | RuntimeException | LinkageError e) {
            stop(); // leave no bean or thread behind; the engine goes on without the management plane
            throw e;
        }
    }

    private void startPlane(AgentContext runtime) throws JMException {
        thread = new ManagementThread();
        SystemSampler sampler = new SystemSampler(thread, () -> runtime.settings().get(Setting.SAMPLE_INTERVAL),
                SystemSampler.defaultFactory());
        plane = new ManagementPlane(runtime.engine(), sampler);
        plane.discovery(runtime.discovery());
        optimizer = new OptimizerBean(plane);
        plane.optimizer(optimizer);
        runtime.settings().addListener(optimizer);
        if (runtime.discoveryOnly()) {
            beans.attach(ManagementFactory.getPlatformMBeanServer()); // the CLI that started it connects next
            beans.register(optimizer, optimizer.objectName());
            return;
        }
        io.autobot.optimizer.agent.cache.CachingPolicy.addMismatchListener(plane.mismatches);
        beans.register(optimizer, optimizer.objectName());
        SystemBean system = new SystemBean(sampler, thread::cpuNanos);
        beans.register(system, system.objectName());
        discover();
        thread.execute(this::startMetrics);
        thread.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        startFleet(runtime);
        if (runtime.attached()) {
            serverCreated(ManagementFactory.getPlatformMBeanServer()); // the CLI that attached connects next
        } else {
            watch = PlatformServerWatch.start(runtime.instrumentation(), this::serverCreated);
        }
    }

    /**
     * The platform MBean server exists (or the agent was attached): the beans waiting for it are
     * registered, with the operations and tiers seen so far and the meters' JMX view, on the thread
     * that asked for the server, before it gets it.
     */
    private void serverCreated(MBeanServer server) {
        beans.attach(server);
        try {
            discover();
        } catch (JMException | RuntimeException e) {
            LOG.warn("the agent's operation beans could not be registered: {}", e.toString());
        }
        MetricsBinding binding = metrics;
        if (binding != null) {
            binding.bindNew(operationBeans);
        }
    }

    /** With a Redis URL: the heartbeat, and the fleet's changes applied through the Optimizer bean. */
    private void startFleet(AgentContext runtime) {
        RedisLink link = runtime.redis();
        if (link == null) {
            return;
        }
        fleet = new FleetControl(link);
        plane.fleet(fleet);
        fleet.start(optimizer);
        thread.scheduleWithFixedDelay(() -> beat(link, runtime), 0, Heartbeats.INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void beat(RedisLink link, AgentContext runtime) {
        try {
            Heartbeat current = heartbeat;
            if (current == null) {
                current = new Heartbeat(link, runtime.settings(), plane::total); // finds the host name here
                heartbeat = current;
            }
            current.beat();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("the heartbeat could not be written: {}", e.toString());
        }
    }

    private void startMetrics() {
        try {
            metrics = new MetricsBinding(plane.engine().cache(), plane.reports().operations(), beans::server);
            metrics.bindNew(operationBeans);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("the Micrometer metrics could not start and are off; the MXBeans work: {}", e.toString());
        }
    }

    private void tick() {
        try {
            PlatformServerWatch watching = watch;
            if (watching != null) {
                watching.poll();
            }
            discover();
            MetricsBinding binding = metrics;
            if (binding != null) {
                binding.bindNew(operationBeans);
            }
            plane.tick();
        } catch (RuntimeException | JMException e) {
            if (!tickFailed) {
                tickFailed = true; // once: a tick runs every second
                LOG.warn("the management tick failed; it keeps running: {}", e.toString());
                LOG.debug("management tick failure", e);
            }
        }
    }

    /** Registers a bean for each operation and cache tier that appeared. */
    private synchronized void discover() throws JMException {
        for (String operation : plane.reports().operations().byName().keySet()) {
            if (!operationBeans.contains(operation)) {
                OperationBean bean = new OperationBean(operation, plane.engine(), plane.reports());
                beans.register(bean, bean.objectName());
                operationBeans.add(operation);
            }
        }
        for (TierStatistics tier : plane.engine().cache().statistics()) {
            if (cacheBeans.add(tier.tier())) {
                CacheBean bean = new CacheBean(tier.tier(), plane.engine().cache());
                beans.register(bean, bean.objectName());
            }
        }
    }

    @Override
    public void stop() {
        PlatformServerWatch watching = watch;
        if (watching != null) {
            watching.stop();
        }
        if (fleet != null) {
            fleet.stop();
        }
        Heartbeat current = heartbeat;
        if (current != null) {
            current.remove();
        }
        if (plane != null) {
            plane.settings().removeListener(optimizer);
            io.autobot.optimizer.agent.cache.CachingPolicy.removeMismatchListener(plane.mismatches);
        }
        if (thread != null) {
            thread.stop();
        }
        MetricsBinding binding = metrics;
        if (binding != null) {
            binding.close();
        }
        beans.unregisterAll();
        if (plane != null) {
            plane.sampler().close();
        }
    }
}
