package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.cache.ArgumentKeys;
import io.autobot.optimizer.agent.cache.CachingPolicy;
import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.bootstrap.CallHandler;
import io.autobot.optimizer.bootstrap.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the engine's hit handles in the bridge ({@link DirectHit}): publishes one for a method that
 * qualifies for the hit by its one argument and takes it away from one that does not, whenever
 * what a handle holds or assumes may have changed (the method registered, or registered again; a
 * setting that bears on caching changed; verification stopped caching the method; the cache
 * cleared). A method without a handle is served by the engine's own path, which is always right:
 * when in doubt, a handle is taken away.
 *
 * <p>Only the engine installed in the bridge publishes (the bridge checks), and installing or
 * resetting the bridge drops every handle. A bridge in the boot loader from an agent built before
 * the handles (an earlier attach of an older jar) has none of this: then nothing is published and
 * {@link DirectHit} is never loaded.
 */
final class BridgeHandles {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    /** Whether the bridge in the boot loader has the table of hit handles. */
    static final boolean SUPPORTED = bridgeHasHandles();

    private final Engine owner;
    private final FailOpen failOpen;

    BridgeHandles(Engine owner, FailOpen failOpen) {
        this.owner = owner;
        this.failOpen = failOpen;
    }

    private static boolean bridgeHasHandles() {
        try {
            Class<?> handle = Class.forName("io.autobot.optimizer.bootstrap.HitHandle", false,
                    Dispatcher.class.getClassLoader());
            Dispatcher.class.getMethod("publishHit", CallHandler.class, int.class, handle);
            Dispatcher.class.getMethod("hitHandle", int.class);
            return true;
        } catch (ClassNotFoundException | NoSuchMethodException | SecurityException | LinkageError older) {
            return false;
        }
    }

    /**
     * Publishes the method's handle when it qualifies now, else takes any away. Serialized, so the
     * last refresh of a method publishes what its route holds last.
     */
    synchronized void refresh(Route route) {
        if (!SUPPORTED || route == null) {
            return;
        }
        MethodMeta method = route.method();
        try {
            Pipeline pipeline = route.pipeline();
            CachingPolicy caching = pipeline == null ? null : pipeline.caching();
            ArgumentKeys keys = caching == null ? null : caching.argumentKeys();
            if (keys == null || caching.disabled() || caching.verifyFraction() > 0) {
                Dispatcher.publishHit(owner, method.id(), null);
            } else {
                DirectHit.publish(owner, keys, method, failOpen);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("{}: its hit handle could not be published: {}", method.qualifiedName(), e.toString());
            try {
                Dispatcher.publishHit(owner, method.id(), null);
            } catch (RuntimeException | LinkageError ignored) {
                // the bridge has no handle of it, or is not this engine's: its hits take the engine's path
            }
        }
    }

    /** {@link #refresh} of every registered method. */
    synchronized void refreshAll(MethodRegistry registry) {
        if (!SUPPORTED) {
            return;
        }
        for (Route route : registry.routes()) {
            refresh(route);
        }
    }
}
