package io.autobot.optimizer.agent.redis;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM's one link to Redis. Every command runs on the link's own threads and the caller waits
 * for it at most the latency bound ({@code AUTOBOT_REDIS_TIMEOUT}); after that, or when Redis
 * fails, the caller gets its fallback and goes on locally. A failure marks the link down: one
 * warning (the first outage of the run; later ones at INFO), no command is sent while it is down,
 * and a probe reconnects with backoff (100 ms doubling to 5 s). Writes may be sent without waiting
 * ({@link #send}). The client library is loaded by name, on the link's thread, when it opens.
 */
public final class RedisLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final RedisUrl url;
    private final long boundNanos;
    private final ThreadPoolExecutor commands;
    private final ScheduledExecutorService probe;
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private volatile RedisClient client;
    private volatile boolean up;
    private volatile boolean closed;
    private volatile long backoffMillis = FIRST_BACKOFF_MILLIS;
    private final java.util.concurrent.CountDownLatch firstAttempt = new java.util.concurrent.CountDownLatch(1);
    private final Thread flushAtExit = new Thread(this::flush, "autobot-redis-shutdown");

    private RedisLink(RedisUrl url, Duration bound) {
        this.url = url;
        this.boundNanos = bound.toNanos();
        this.commands = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024),
                daemon("autobot-redis"), new ThreadPoolExecutor.AbortPolicy());
        this.commands.allowCoreThreadTimeOut(true);
        this.probe = Executors.newSingleThreadScheduledExecutor(daemon("autobot-redis-connect"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Opens a link and starts connecting in the background; returns at once.
     *
     * @throws IllegalArgumentException when the URL is not accepted (the message names the setting)
     */
    public static RedisLink open(String urlText, Duration bound) {
        RedisUrl url = RedisUrl.parse(urlText);
        RedisLink link = new RedisLink(url, bound);
        link.probe.execute(link::connect);
        try {
            Runtime.getRuntime().addShutdownHook(link.flushAtExit);
        } catch (IllegalStateException shuttingDown) {
            // nothing queued will be sent then
        }
        return link;
    }

    /** The URL, without its password. */
    public RedisUrl url() {
        return url;
    }

    /** How long a call waits for Redis ({@code AUTOBOT_REDIS_TIMEOUT}). */
    public Duration bound() {
        return Duration.ofNanos(boundNanos);
    }

    /** Whether commands are sent now (connected and not failing). */
    public boolean up() {
        return up;
    }

    /** Waits until the link is up or the time has passed; whether it is up. For tests and start-up. */
    public boolean awaitUp(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (!up && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return up;
            }
        }
        return up;
    }

    /**
     * Waits (at most {@code wait}) for the first connection attempt to end, so that the first calls
     * of a JVM that just started find what the fleet stored; whether the link is up.
     */
    public boolean awaitFirstAttempt(Duration wait) {
        if (firstAttempt.getCount() > 0) {
            try {
                firstAttempt.await(wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return up;
    }

    private void connect() {
        try {
            connectOnce();
        } finally {
            firstAttempt.countDown();
        }
    }

    private void connectOnce() {
        if (closed) {
            return;
        }
        try {
            RedisClient current = client;
            if (current == null) {
                current = (RedisClient) Class.forName("io.autobot.optimizer.agent.redis.JedisClient", true,
                        RedisLink.class.getClassLoader()).getDeclaredConstructor(RedisUrl.class).newInstance(url);
                client = current;
            }
            current.ping();
            backoffMillis = FIRST_BACKOFF_MILLIS;
            up = true;
            LOG.info("connected to Redis at {}", url);
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warn("the Redis client cannot be loaded ({}); the fleet features are off and results come from the"
                    + " local tiers", e.toString());
        } catch (RuntimeException e) {
            down(e);
        }
    }

    private void down(Throwable cause) {
        failures.increment();
        synchronized (this) {
            boolean wasUp = up;
            up = false;
            if (closed) {
                return;
            }
            String reason = describe(cause);
            if (WARNED.compareAndSet(false, true)) {
                LOG.warn("Redis at {} cannot be used ({}); results come from the local tiers and fleet limits fall"
                        + " back to a local share until it is back (retrying with backoff)", url, reason);
            } else if (wasUp) {
                LOG.info("Redis at {} cannot be used ({}); going on locally, retrying with backoff", url, reason);
            }
            if (!probing) {
                probing = true;
                long delay = backoffMillis;
                backoffMillis = Math.min(MAX_BACKOFF_MILLIS, delay * 2);
                probe.schedule(this::reprobe, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    private volatile boolean probing;

    private void reprobe() {
        probing = false;
        connect();
    }

    /**
     * Logs a fault of Redis that a user of the link noticed (a late answer): a warning when it is
     * the run's first about Redis, shared with the link's own outage warning, else at INFO.
     */
    public static void warnOnce(String format, Object... arguments) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn(format, arguments);
        } else {
            LOG.info(format, arguments);
        }
    }

    /** What failed, by type and message; the client's messages name the server, never the password. */
    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * Runs a command and waits for it at most the latency bound.
     *
     * @return its answer, or {@code fallback} when the link is down, the bound passed or the command failed
     */
    public <T> T call(Function<RedisClient, T> command, T fallback) {
        return call(command, fallback, boundNanos);
    }

    /** {@link #call(Function, Object)} with a bound of its own (clearing, listing the fleet). */
    public <T> T call(Function<RedisClient, T> command, T fallback, Duration bound) {
        return call(command, fallback, bound.toNanos());
    }

    private <T> T call(Function<RedisClient, T> command, T fallback, long nanos) {
        RedisClient current = client;
        if (!up || current == null) {
            skipped.increment();
            return fallback;
        }
        Future<T> answer;
        try {
            answer = commands.submit(() -> run(current, command));
        } catch (RejectedExecutionException busy) {
            skipped.increment();
            return fallback;
        }
        try {
            return answer.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            timeouts.increment(); // the command goes on; its answer is dropped
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        } catch (ExecutionException e) {
            return fallback; // reported by run()
        }
    }

    private <T> T run(RedisClient current, Function<RedisClient, T> command) {
        try {
            return command.apply(current);
        } catch (RuntimeException | LinkageError e) {
            down(e);
            throw e;
        }
    }

    /** Sends a command without waiting for it (a write); dropped when the link is down or busy. */
    public void send(Consumer<RedisClient> command) {
        RedisClient current = client;
        if (!up || current == null) {
            skipped.increment();
            return;
        }
        try {
            commands.execute(() -> {
                try {
                    command.accept(current);
                } catch (RuntimeException | LinkageError e) {
                    down(e);
                }
            });
        } catch (RejectedExecutionException busy) {
            skipped.increment();
        }
    }

    /**
     * Listens to a channel on a thread of its own for as long as the link is open, subscribing
     * again (with backoff) after a failure.
     */
    public void listen(String channel, java.util.function.BiConsumer<String, String> onMessage) {
        Thread listener = new Thread(() -> {
            long backoff = FIRST_BACKOFF_MILLIS;
            while (!closed) {
                RedisClient current = client;
                if (current != null && up) {
                    try {
                        current.subscribe(channel, onMessage);
                        backoff = FIRST_BACKOFF_MILLIS;
                    } catch (RuntimeException | LinkageError e) {
                        if (!closed) {
                            down(e);
                        }
                    }
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }, "autobot-redis-listener");
        listener.setDaemon(true);
        listener.start();
    }

    /** Commands that waited longer than the bound. */
    public long timeouts() {
        return timeouts.sum();
    }

    /** Commands that failed. */
    public long failures() {
        return failures.sum();
    }

    /** Commands not sent because the link was down or busy. */
    public long skipped() {
        return skipped.sum();
    }

    /** Sends what is queued, waiting at most 2 s. */
    private void flush() {
        commands.shutdown();
        try {
            commands.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(flushAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        flush();
        closed = true;
        up = false;
        probe.shutdownNow();
        RedisClient current = client;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                // closing
            }
        }
    }
}
