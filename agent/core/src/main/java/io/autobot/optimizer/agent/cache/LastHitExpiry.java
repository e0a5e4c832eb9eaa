package io.autobot.optimizer.agent.cache;

import java.lang.ref.WeakReference;
import java.time.Duration;

/**
 * The expiry of a tier's last hit on this thread, so that promoting the hit to memory needs no
 * second read of the tier. The key is held weakly: a thread-local must not keep a caller's
 * arguments (or their class loader) alive.
 */
public final class LastHitExpiry {

    private final ThreadLocal<Entry> last = new ThreadLocal<>();

    private record Entry(WeakReference<CallKey> key, long expiresAt) {
    }

    /** Notes that {@code key} was just read from the tier, with its expiry in epoch milliseconds. */
    public void hit(CallKey key, long expiresAtMillis) {
        last.set(new Entry(new WeakReference<>(key), expiresAtMillis));
    }

    /** The time left of this thread's last hit if it was {@code key} (once), else null. */
    public Duration remaining(CallKey key) {
        Entry entry = last.get();
        if (entry == null || entry.key().get() != key) {
            return null;
        }
        last.remove();
        long left = entry.expiresAt() - System.currentTimeMillis();
        return left > 0 ? Duration.ofMillis(left) : null;
    }
}
