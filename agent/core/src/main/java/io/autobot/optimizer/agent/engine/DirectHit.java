package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.cache.ArgumentKeys;
import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.bootstrap.Dispatcher;
import io.autobot.optimizer.bootstrap.HitHandle;

/**
 * The hit handle of a method that qualifies for the hit by its one argument (see
 * {@code cache.ArgumentKeys}): a cached method of one argument whose key holds no receiver object,
 * served from the memory tier while caching it is on and no hit of it is verified. The bridge
 * calls it by the method's id, so a hit reads only what this holds: the gate, the argument's
 * class, the method's index, the memory tier's entry (by the stored key, by identity), the
 * method's count, and whether the value was stored as one to copy.
 *
 * <p>It holds the index and the tier of one registration of the method: {@link BridgeHandles}
 * makes a new one, or takes it away, whenever what it holds or what it assumes changes. Loaded
 * only when the bridge in the boot loader has {@link HitHandle} (see {@link BridgeHandles#SUPPORTED}).
 */
final class DirectHit extends HitHandle {

    private final MemoryTier memory;
    private final ArgumentKeys keys;
    private final MethodMeta method;
    private final FailOpen failOpen;

    DirectHit(ArgumentKeys keys, MethodMeta method, FailOpen failOpen) {
        this.memory = keys.tier();
        this.keys = keys;
        this.method = method;
        this.failOpen = failOpen;
    }

    /**
     * Publishes a handle for the method on behalf of the engine, replacing any.
     *
     * @return whether the bridge took it (the engine is the installed handler)
     */
    static boolean publish(Engine owner, ArgumentKeys keys, MethodMeta method, FailOpen failOpen) {
        return Dispatcher.publishHit(owner, method.id(), new DirectHit(keys, method, failOpen));
    }

    /**
     * What the engine's own hit by the argument answers ({@code Engine.hit1}): the value, counted
     * once as the method's hit, or null, having changed and counted nothing, while a thread has a
     * pending bypass or a deep stack of bodies ({@link HitGate}), or the call is not indexed.
     */
    @Override
    public Object hit(Object self, Object arg0) {
        if (!HitGate.open()) {
            return null;
        }
        try {
            return memory.directHit(keys, self, arg0);
        } catch (Throwable internal) {
            return failed(internal);
        }
    }

    /** As the engine's failed hit: reported, and the call runs as the plain method (the bypass makes {@code enter} let it). */
    private Object failed(Throwable internal) {
        try {
            failOpen.report("cache lookup", method, internal);
        } catch (Throwable ignored) {
            // the bypass below is what matters
        }
        try {
            CallState.current().bypass(method.id());
        } catch (Throwable ignored) {
            // the bridge asks the engine next, which fails open on its own
        }
        return null;
    }

    MethodMeta method() {
        return method;
    }

    ArgumentKeys keys() {
        return keys;
    }
}
