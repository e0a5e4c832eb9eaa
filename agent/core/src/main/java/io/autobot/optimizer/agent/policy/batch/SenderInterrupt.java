package io.autobot.optimizer.agent.policy.batch;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;

/**
 * Whether a batch method failed because the thread sending the batch was interrupted: a failure
 * of that thread's own, not of the batch. The interrupt is what the host did to the sender's call
 * (a cancelled task, a timeout's watchdog); the batch's other callers had nothing of the kind.
 */
final class SenderInterrupt {

    private SenderInterrupt() {
    }

    /**
     * @param thrown what the batch method threw, on the sending thread (asked on that thread)
     * @return whether the sending thread is interrupted, or {@code thrown} (or one of its causes) is
     *     what an interrupt makes blocking code throw: an {@link InterruptedException}, a
     *     {@link ClosedByInterruptException}, or an {@link InterruptedIOException} other than a
     *     socket's timeout
     */
    static boolean caused(Throwable thrown) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof ClosedByInterruptException
                    || cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }
}
