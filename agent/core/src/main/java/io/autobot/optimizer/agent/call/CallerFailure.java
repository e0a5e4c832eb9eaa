package io.autobot.optimizer.agent.call;

/**
 * Carries a throwable that must reach the caller exactly as it is: what the method's body threw,
 * or a policy's own verdict (a timeout, an exhausted rate limit). Anything else thrown inside the
 * agent is an internal failure, after which the plain method runs. No stack trace is filled in:
 * the carried throwable has the one that matters.
 */
public final class CallerFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CallerFailure(Throwable failure) {
        super(null, failure, false, false);
    }

    /** The throwable for the caller. */
    public Throwable failure() {
        return getCause();
    }
}
