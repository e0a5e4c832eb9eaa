package io.autobot.optimizer.bootstrap;

/**
 * What the temporary observing advice of discovery calls. JDK types only: it lives on the bootstrap
 * class path. Implemented by the agent's discovery session; {@link #NOOP} when none runs.
 */
public interface ProbeHandler {

    /** Observes nothing. */
    ProbeHandler NOOP = new ProbeHandler() {
        @Override
        public boolean observes(int probeId) {
            return false;
        }

        @Override
        public Object enter(int probeId, Object self, Object[] args) {
            return null;
        }

        @Override
        public void exit(int probeId, Object token, Object returned, Throwable thrown) {
        }
    };

    /**
     * Called on every entry to an observed method: whether this call is observed. Only then does
     * the advice build the argument array and call {@link #enter}, so a call left out costs a
     * counter and no allocation.
     */
    boolean observes(int probeId);

    /**
     * Called on entry to an observed call, before its body.
     *
     * @return a token handed back to {@link #exit} for this call, or null to skip observing it
     */
    Object enter(int probeId, Object self, Object[] args);

    /** Called when the observed call ended; must not throw. */
    void exit(int probeId, Object token, Object returned, Throwable thrown);
}
