package io.autobot.optimizer.agent.jfr;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's flight-recorder events, emitted from the places where the work happens. Each event
 * that has a duration is begun by a {@code ...Begins()} method, which returns an opaque token, or
 * null while no recording runs, and ended by the method that names the outcome, which commits it
 * when the recording's settings ask for it (enabled, over the threshold). While no recording runs
 * a token costs one volatile read: no event class is loaded and nothing is allocated, so the cache
 * hit path stays allocation-free (which is why the outcome methods take what they describe, such
 * as the strategy, and make its text only for an event that is written). The JVM's recorder is found once, at start ({@link #start});
 * without it (JFR disabled, or a runtime without the jdk.jfr module) every method does nothing.
 * Nothing here throws to its caller: an event that cannot be written is dropped.
 */
public final class FlightEvents {

    /** The prefix of every event name. */
    public static final String PREFIX = "io.autobot.optimizer.";
    /** The category every event is shown under. */
    public static final String CATEGORY = "AutoBot Optimizer";
    /** The name of every event (names, not classes: reading them loads no event class). */
    public static final List<String> EVENT_NAMES = List.of(PREFIX + "CacheHit", PREFIX + "CacheMiss",
            PREFIX + "CacheStore", PREFIX + "Split", PREFIX + "Batch", PREFIX + "ThrottleWait", PREFIX + "Timeout",
            PREFIX + "VerificationMismatch", PREFIX + "SettingChange");

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static volatile boolean available;

    private FlightEvents() {
    }

    /**
     * Finds the JVM's recorder and follows the setting changes of the running agent; once per
     * JVM. A JVM without the recorder leaves the events off.
     */
    public static void start(RuntimeSettings settings) {
        if (STARTED.compareAndSet(false, true)) {
            try {
                Recordings.watch();
                available = true;
            } catch (LinkageError | RuntimeException absent) {
                LOG.debug("flight recorder events are off: {}", absent.toString());
            }
        }
        settings.addListener((setting, oldValue, newValue) -> settingChanged(setting, oldValue, newValue));
    }

    private static boolean recording() {
        return available && Recordings.running();
    }

    /** A cache lookup begins; null while no recording runs. */
    public static Object lookupBegins() {
        return recording() ? begin(Lookup::new) : null;
    }

    /**
     * A cache lookup ended: a hit of {@code tier} when {@code value} is not null, else a miss.
     *
     * @return {@code value}
     */
    public static Object looked(Object lookup, MethodMeta method, String tier, CacheStrategy strategy, Object value) {
        if (lookup instanceof Lookup events) {
            try {
                if (value != null) {
                    commitHit(events.hit, method, tier);
                } else {
                    commitMiss(events.miss, method, strategy);
                }
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
        return value;
    }

    private static void commitHit(CacheHitEvent event, MethodMeta method, String tier) {
        event.end();
        if (event.shouldCommit()) {
            event.operation = method.operation();
            event.method = method.qualifiedName();
            event.tier = tier;
            event.commit();
        }
    }

    private static void commitMiss(CacheMissEvent event, MethodMeta method, CacheStrategy strategy) {
        event.end();
        if (event.shouldCommit()) {
            event.operation = method.operation();
            event.method = method.qualifiedName();
            event.strategy = strategy.id();
            event.commit();
        }
    }

    /** A result is about to be written to the cache; null while no recording runs. */
    public static Object storeBegins() {
        return recording() ? begin(CacheStoreEvent::new) : null;
    }

    /** The result of a body that took {@code loadNanos} was written under {@code strategy}. */
    public static void stored(Object store, MethodMeta method, CacheStrategy strategy, long loadNanos) {
        if (store instanceof CacheStoreEvent event) {
            try {
                event.end();
                if (event.shouldCommit()) {
                    event.operation = method.operation();
                    event.method = method.qualifiedName();
                    event.strategy = strategy.id();
                    event.loadTime = loadNanos;
                    event.commit();
                }
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
    }

    /** A call is about to be split; null while no recording runs. */
    public static Object splitBegins() {
        return recording() ? begin(SplitEvent::new) : null;
    }

    /** The split call of {@code elements} elements in {@code chunks} chunks ended. */
    public static void split(Object split, MethodMeta method, int elements, int chunks) {
        if (split instanceof SplitEvent event) {
            try {
                event.end();
                if (event.shouldCommit()) {
                    event.operation = method.operation();
                    event.method = method.qualifiedName();
                    event.elements = elements;
                    event.chunks = chunks;
                    event.commit();
                }
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
    }

    /** A batch is about to be sent; null while no recording runs. */
    public static Object batchBegins() {
        return recording() ? begin(BatchEvent::new) : null;
    }

    /** The batch method {@code via} answered {@code size} single calls of {@code operation}. */
    public static void batch(Object batch, String operation, String via, int size) {
        if (batch instanceof BatchEvent event) {
            try {
                event.end();
                if (event.shouldCommit()) {
                    event.operation = operation;
                    event.via = via;
                    event.size = size;
                    event.commit();
                }
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
    }

    /** A call begins to wait for a permit; null while no recording runs. */
    public static Object waitBegins() {
        return recording() ? begin(ThrottleWaitEvent::new) : null;
    }

    /** The wait for a permit of {@code limiter} ended, with a permit or without. */
    public static void waited(Object wait, MethodMeta method, String limiter, boolean granted) {
        if (wait instanceof ThrottleWaitEvent event) {
            try {
                event.end();
                if (event.shouldCommit()) {
                    event.operation = method.operation();
                    event.method = method.qualifiedName();
                    event.limiter = limiter;
                    event.granted = granted;
                    event.commit();
                }
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
    }

    /** A call with a time limit begins; null while no recording runs. */
    public static Object limitedCallBegins() {
        return recording() ? begin(TimeoutEvent::new) : null;
    }

    /** The call begun with {@link #limitedCallBegins} ran out of its {@code limitNanos}. */
    public static void timedOut(Object call, MethodMeta method, long limitNanos, boolean adaptive) {
        if (call instanceof TimeoutEvent event) {
            try {
                event.end();
                if (event.shouldCommit()) {
                    event.operation = method.operation();
                    event.method = method.qualifiedName();
                    event.limit = limitNanos;
                    event.adaptive = adaptive;
                    event.commit();
                }
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
    }

    /** Verification found a cached result that differs from the body's; {@code description} names classes only. */
    public static void mismatch(MethodMeta method, String description) {
        if (!recording()) {
            return;
        }
        try {
            VerificationMismatchEvent event = new VerificationMismatchEvent();
            if (event.shouldCommit()) {
                event.operation = method.operation();
                event.method = method.qualifiedName();
                event.description = description;
                event.commit();
            }
        } catch (RuntimeException | LinkageError e) {
            failed(e);
        }
    }

    private static void settingChanged(Setting<?> setting, Object oldValue, Object newValue) {
        if (!recording()) {
            return;
        }
        try {
            SettingChangeEvent event = new SettingChangeEvent();
            if (event.shouldCommit()) {
                event.setting = setting.environmentVariable();
                event.attribute = setting.definition().attribute();
                event.oldValue = format(setting, oldValue);
                event.newValue = format(setting, newValue);
                event.commit();
            }
        } catch (RuntimeException | LinkageError e) {
            failed(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> String format(Setting<T> setting, Object value) {
        return value == null ? null : setting.format((T) value);
    }

    /** Creates and begins an event; null when that fails (the event is then dropped). */
    private static <E> E begin(java.util.function.Supplier<E> event) {
        try {
            E created = event.get();
            if (created instanceof jdk.jfr.Event jfrEvent) {
                jfrEvent.begin();
            }
            return created;
        } catch (RuntimeException | LinkageError e) {
            failed(e);
            return null;
        }
    }

    private static void failed(Throwable e) {
        if (FAILED.compareAndSet(false, true)) {
            LOG.debug("a flight recorder event could not be written and was dropped (said once): {}", e.toString());
        }
    }
}
