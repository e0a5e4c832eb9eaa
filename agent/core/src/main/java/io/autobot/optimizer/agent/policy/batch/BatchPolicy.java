package io.autobot.optimizer.agent.policy.batch;

import io.autobot.optimizer.agent.call.CallerFailure;
import io.autobot.optimizer.agent.call.Chain;
import io.autobot.optimizer.agent.call.Invocation;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.Policy;
import io.autobot.optimizer.agent.call.PolicyLedger;
import io.autobot.optimizer.agent.config.OperationProfiles;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.jfr.FlightEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces concurrent single calls into one call of the batch method. No thread of its own: the
 * call that fills a batch runs it; otherwise the batch's first caller runs it when the wait time
 * is over. Calls on different receivers never share a batch unless the batch method is static.
 * A caller interrupted while it waits sends its batch at once (the interrupt is set again after).
 *
 * <p>Each caller gets its element of the result list; an element that is an exception the single
 * method cannot return is thrown to its caller alone. When the batch method throws, every caller
 * of the batch gets that exception, unless it failed because the sending thread was interrupted:
 * then the sender alone gets it, and every other caller runs its own call. A result that is not a
 * list of the right size is an internal failure: every caller of the batch then runs its own call. While {@code BATCH_PROCESSING} is
 * off or the level is {@code basic}, calls run one by one; so they do while batching does not pay
 * ({@link BatchPayoff}). The time each caller waited for its batch to be sent is the time the
 * policy added, in the method's {@link PolicyLedger}.
 */
final class BatchPolicy implements Policy {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    /** The policy's name in the method's {@link PolicyLedger}. */
    static final String POLICY = "batch";

    /**
     * Resolved batch methods, kept by the class that declares them (a handle references its
     * class): the agent keeps nothing that would stop that class from being unloaded.
     */
    private static final ClassValue<Map<String, BatchTarget>> TARGETS = new ClassValue<>() {
        @Override
        protected Map<String, BatchTarget> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /**
     * Set while this thread runs a batch method. A batch method is often a loop over the single
     * method; its single calls must run as they are, or each would open a batch of its own whose
     * sending calls the batch method again, without end.
     */
    private static final ThreadLocal<Boolean> SENDING = new ThreadLocal<>();

    private final RuntimeSettings settings;
    private final OperationProfiles profiles;
    private final String operation;
    private final String methodName;
    private final String via;
    private final String viaDescriptor;
    private final int size;
    private final Duration maxWait;
    private final Map<Object, Batch> open = new IdentityHashMap<>();
    private final Object staticGroup = new Object();
    private final BatchPayoff payoff = new BatchPayoff();
    private final PolicyLedger ledger;
    private volatile boolean disabled;

    /**
     * @param viaDescriptor the batch method's descriptor, or null when it is looked up at first call
     * @param size the declared batch size, 0 for the profile's {@code batch_size} or {@code BATCH_SIZE}
     * @param maxWait the declared wait, or null for {@code MAX_BATCH_WAIT_TIME}
     */
    BatchPolicy(RuntimeSettings settings, MethodMeta method, String via, String viaDescriptor, int size,
            Duration maxWait) {
        this.settings = settings;
        this.profiles = settings.profiles();
        this.operation = method.spec().operation();
        this.methodName = method.qualifiedName();
        this.via = via;
        this.viaDescriptor = viaDescriptor;
        this.size = size;
        this.maxWait = maxWait;
        this.ledger = method.stats().policies();
        ledger.verdict(POLICY, payoff::verdict);
    }

    @Override
    public Object apply(Invocation invocation, Chain next) throws Throwable {
        if (disabled || !settings.batchingActive() || SENDING.get() != null) {
            return next.call(invocation);
        }
        BatchTarget batchTarget = target(invocation);
        if (batchTarget == null) {
            return next.call(invocation);
        }
        Object receiver = batchTarget.isStatic() ? staticGroup : invocation.self();
        int limit = batchSize(); // read before joining a batch: nothing may fail between joining and waiting
        long waitNanos = maxWaitNanos();
        long joined = System.nanoTime();
        Batch batch;
        int index = 0;
        boolean full = false;
        synchronized (open) {
            batch = open.get(receiver);
            int target = batch == null ? payoff.opensBatch(waitNanos, limit) : 0;
            if (target > 0) {
                batch = new Batch(invocation.self(), joined + waitNanos, target);
                open.put(receiver, batch);
            }
            if (batch != null) {
                index = batch.add(invocation.args()[0]);
                full = batch.full();
                if (full) {
                    open.remove(receiver);
                }
            }
        }
        if (batch == null) {
            return alone(invocation, next);
        }
        if (full) {
            sendClosed(batchTarget, batch, index, false);
        } else {
            awaitTurn(batchTarget, receiver, batch, index);
        }
        if (batch.sentAfter(joined)) {
            ledger.saved(POLICY, joined - batch.sentAt()); // the wait for the batch to be sent: time added
        }
        if (batch.runsOwnCall(index)) {
            return next.call(invocation); // the batch failed for its sender's own reason, which is not this caller's
        }
        return outcome(batchTarget, batch, index);
    }

    /** Runs the plain call, batching having stepped aside; its time tells when to try batching again. */
    private Object alone(Invocation invocation, Chain next) throws Throwable {
        long start = System.nanoTime();
        try {
            return next.call(invocation);
        } finally {
            payoff.ranAlone(System.nanoTime() - start);
        }
    }

    /**
     * Waits for the batch; at the deadline (or when interrupted) whichever caller closes it first
     * sends it. Every caller keeps the deadline, so no batch depends on one caller getting there.
     */
    private void awaitTurn(BatchTarget batchTarget, Object receiver, Batch batch, int index) {
        boolean interrupted = false;
        try {
            batch.awaitUntilDeadline();
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (!batch.isDone() && close(receiver, batch)) {
            sendClosed(batchTarget, batch, index, !interrupted);
        }
        if (batch.awaitUninterruptibly() || interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes the batch out of the open ones; false when another caller already did. */
    private boolean close(Object receiver, Batch batch) {
        synchronized (open) {
            if (open.get(receiver) != batch) {
                return false;
            }
            open.remove(receiver);
            return true;
        }
    }

    /**
     * Sends a batch this caller closed. Whatever fails on the way, the batch ends: its other
     * callers then run their own plain calls instead of waiting for a batch nobody sends.
     *
     * @param sender this caller's position in the batch
     * @param byWaitTime whether its wait time sent it (not its filling, nor an interrupt)
     */
    private void sendClosed(BatchTarget batchTarget, Batch batch, int sender, boolean byWaitTime) {
        try {
            send(batchTarget, batch, sender, byWaitTime);
        } finally {
            batch.endIfOpen();
        }
    }

    /**
     * Calls the batch method on this thread and completes the batch for all its callers. A failure
     * caused by this thread's interrupt is this caller's alone ({@link SenderInterrupt}): without
     * the agent, only its own call would have seen the interrupt, so the other callers run theirs.
     */
    private void send(BatchTarget batchTarget, Batch batch, int sender, boolean byWaitTime) {
        List<Object> arguments = new ArrayList<>(batch.arguments);
        Object returned;
        Boolean outer = SENDING.get();
        SENDING.set(Boolean.TRUE);
        Object event = FlightEvents.batchBegins();
        batch.markSent();
        if (payoff.sent(arguments.size(), byWaitTime)) {
            LOG.info("{}: @Batched: {}", methodName, payoff.verdict());
        }
        try {
            returned = batchTarget.invoke(batch.receiver, arguments);
            FlightEvents.batch(event, operation, via, arguments.size());
        } catch (Throwable thrown) {
            if (SenderInterrupt.caused(thrown)) {
                batch.failSenderOnly(sender, new CallerFailure(thrown));
            } else {
                batch.fail(new CallerFailure(thrown));
            }
            return;
        } finally {
            if (outer == null) {
                SENDING.remove(); // leave no thread-local behind on the host's thread
            }
        }
        if (batchTarget.voidSingle()) {
            batch.complete(null);
        } else if (returned instanceof List && ((List<?>) returned).size() == arguments.size()) {
            batch.complete(((List<?>) returned).toArray());
        } else {
            batch.fail(new IllegalStateException("@Batched(via = \"" + via + "\") returned "
                    + (returned instanceof List ? ((List<?>) returned).size() + " results" : String.valueOf(returned == null
                            ? "null" : returned.getClass().getName())) + " for " + arguments.size() + " calls"));
        }
    }

    private Object outcome(BatchTarget batchTarget, Batch batch, int index) throws Throwable {
        Throwable failure = batch.failure();
        if (failure != null) {
            throw failure;
        }
        Object element = batch.result(index);
        if (batchTarget.voidSingle()) {
            return null;
        }
        if (batchTarget.returnsThrown(element)) {
            throw new CallerFailure((Throwable) element);
        }
        if (!batchTarget.fits(element)) {
            throw new IllegalStateException("@Batched(via = \"" + via + "\") returned "
                    + (element == null ? "null" : "a " + element.getClass().getName()) + " where "
                    + batchTarget.resultTypeName() + " was expected");
        }
        return element;
    }

    private BatchTarget target(Invocation invocation) {
        Map<String, BatchTarget> targets = TARGETS.get(invocation.declaringType());
        String key = invocation.method().methodName() + invocation.method().descriptor() + "->" + via;
        BatchTarget resolved = targets.get(key);
        if (resolved == null) {
            synchronized (this) {
                resolved = targets.get(key);
                if (resolved == null && !disabled) {
                    try {
                        resolved = BatchTarget.resolve(invocation, via, viaDescriptor);
                        targets.put(key, resolved);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        disabled = true;
                        LOG.warn("{}: @Batched(via = \"{}\") cannot be used ({}); the method runs unbatched",
                                invocation.method().qualifiedName(), via, e.getMessage());
                    }
                }
            }
        }
        return resolved;
    }

    private int batchSize() {
        if (size > 0) {
            return size;
        }
        Integer profileSize = operation == null ? null : profiles.get(operation).batchSize();
        return profileSize != null ? profileSize : settings.batchSize();
    }

    private long maxWaitNanos() {
        return (maxWait != null ? maxWait : settings.maxBatchWaitTime()).toNanos();
    }
}
