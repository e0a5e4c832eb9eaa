package io.autobot.optimizer.bootstrap;

/**
 * A cached method's own answer to a plain cache hit, which the agent publishes in the bridge
 * ({@link Dispatcher#publishHit}) for a method whose hit needs nothing but the call itself. The
 * bridge calls it by the method's id, before the installed {@link CallHandler}, so such a hit goes
 * through no table of the agent's: the handle holds what the hit reads. JDK types only, because
 * this class lives on the bootstrap class path.
 */
public abstract class HitHandle {

    protected HitHandle() {
    }

    /**
     * A call of a method of one argument (a primitive boxed), as {@link CallHandler#hit1}.
     *
     * @return the stored value ({@link Dispatcher#NULL} for null), or {@code null} when the call is
     *     not a plain hit this handle can answer: the bridge then asks the {@link CallHandler}, which
     *     decides as if the handle had not been asked. It must not count a miss or change anything
     *     when it returns {@code null}, and it must not throw.
     */
    public abstract Object hit(Object self, Object arg0);
}
