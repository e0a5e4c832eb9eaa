package io.autobot.optimizer.bootstrap;

import jdk.internal.vm.annotation.DontInline;

/**
 * The static facade the temporary observing advice of discovery calls: a {@code volatile}
 * {@link ProbeHandler}, {@link ProbeHandler#NOOP} unless a discovery window is open. Neither method
 * ever throws, so nothing observed can change what the host's method returns or throws.
 */
public final class Probe {

    private static volatile ProbeHandler handler = ProbeHandler.NOOP;

    private Probe() {
    }

    /** Asked on every call of an observed method: left to the JIT to inline, it costs a counter. */
    public static boolean observes(int probeId) {
        try {
            return handler.observes(probeId);
        } catch (Throwable ignored) {
            return false;
        }
    }

    @DontInline
    public static Object enter(int probeId, Object self, Object[] args) {
        try {
            return handler.enter(probeId, self, args);
        } catch (Throwable ignored) {
            return null;
        }
    }

    @DontInline
    public static void exit(int probeId, Object token, Object returned, Throwable thrown) {
        if (token == null) {
            return;
        }
        try {
            handler.exit(probeId, token, returned, thrown);
        } catch (Throwable ignored) {
            // the body's outcome reaches the caller unchanged
        }
    }

    public static void install(ProbeHandler newHandler) {
        handler = newHandler == null ? ProbeHandler.NOOP : newHandler;
    }

    public static void reset() {
        handler = ProbeHandler.NOOP;
    }
}
