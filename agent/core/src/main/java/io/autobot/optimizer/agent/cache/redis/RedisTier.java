package io.autobot.optimizer.agent.cache.redis;

import io.autobot.optimizer.agent.cache.CacheTier;
import io.autobot.optimizer.agent.cache.CallKey;
import io.autobot.optimizer.agent.cache.LastHitExpiry;
import io.autobot.optimizer.agent.cache.TierStatistics;
import io.autobot.optimizer.agent.cache.disk.SharedEntries;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.redis.KeyDigest;
import io.autobot.optimizer.agent.redis.RedisLink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Results shared by the fleet in Redis. An entry is stored under
 * {@code autobot:c:<method>:<sha-256 of the disk key>}, where the disk key is the disk tier's
 * (stable id with the class fingerprint, then the call's bytes): a recompiled class has other keys,
 * so it never reads the old class's entries. The value holds the disk key itself and the disk
 * tier's record (expiry, checksum, serialized result); a read confirms the key, the checksum, the
 * expiry and that the call it was written by equals the calling one, and decodes admitting only the
 * classes the fleet wrote for the method ({@code autobot:a:<stable id hash>}, a set filled by the
 * writers). Redis expires entries with their TTL as well. Writes are sent without waiting; reads
 * wait at most the link's latency bound and are a miss after it.
 */
public final class RedisTier implements CacheTier {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    /** The prefix of every key the agent keeps in Redis. */
    public static final String NAMESPACE = "autobot:";
    private static final String ENTRIES = NAMESPACE + "c:";
    private static final String ALLOWED = NAMESPACE + "a:";
    private static final long ALLOW_REFRESH_NANOS = 1_000_000_000L;
    private static final Duration CLEAR_BOUND = Duration.ofSeconds(10);
    /** How long the first lookups of a JVM wait for its first connection to Redis. */
    private static final Duration FIRST_CONNECT = Duration.ofSeconds(2);

    private final RedisLink link;
    private final Supplier<? extends Collection<MethodMeta>> methods;
    private final ConcurrentHashMap<MethodMeta, Shared> shared = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder loadNanos = new LongAdder();
    private final AtomicBoolean warnedRejected = new AtomicBoolean();
    private final LastHitExpiry lastHit = new LastHitExpiry();


    /** A method's entry format and what this JVM knows of its allow-list in Redis. */
    private static final class Shared {
        final SharedEntries.Method entries;
        final byte[] allowKey;
        final String entryPrefix;
        final Set<String> published = ConcurrentHashMap.newKeySet();
        volatile long allowLoadedAt = Long.MIN_VALUE;

        Shared(MethodMeta meta) {
            this.entries = SharedEntries.method(meta);
            this.allowKey = (ALLOWED + KeyDigest.sha256(entries.stableId().getBytes(StandardCharsets.UTF_8), 32))
                    .getBytes(StandardCharsets.UTF_8);
            this.entryPrefix = ENTRIES + KeyDigest.sha256(entries.methodPrefix(), 16) + ":";
        }
    }

    /**
     * @param link the JVM's link to Redis
     * @param methods the instrumented methods, for clearing the entries of some of them
     */
    public RedisTier(RedisLink link, Supplier<? extends Collection<MethodMeta>> methods) {
        this.link = link;
        this.methods = methods;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public boolean ready() {
        return link.up();
    }

    @Override
    public Object get(CallKey key) {
        Shared method = shared(key.method());
        if (method.entries.refusal() != null || !link.awaitFirstAttempt(FIRST_CONNECT)) {
            return null;
        }
        byte[] storeKey = lookupKey(method, key);
        if (storeKey == null) {
            return null;
        }
        byte[] redisKey = redisKey(method, storeKey);
        byte[] stored = link.call(client -> client.get(redisKey), null);
        Object value = stored == null ? null : decode(method, key, storeKey, redisKey, stored);
        if (value == null) {
            misses.increment();
        } else {
            hits.increment();
        }
        return value;
    }

    private Object decode(Shared method, CallKey key, byte[] storeKey, byte[] redisKey, byte[] stored) {
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        if (stored.length < Integer.BYTES) {
            return null;
        }
        int keyLength = buffer.getInt();
        if (keyLength != storeKey.length || stored.length < Integer.BYTES + keyLength
                || !Arrays.equals(stored, Integer.BYTES, Integer.BYTES + keyLength, storeKey, 0, keyLength)) {
            return null; // another call whose digest collided, or a damaged value: a miss
        }
        byte[] record = Arrays.copyOfRange(stored, Integer.BYTES + keyLength, stored.length);
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Object value = SharedEntries.read(method.entries, key, storeKey, record, method.entries.allowed());
                if (value != null) {
                    lastHit.hit(key, SharedEntries.expiresAt(record));
                }
                return value;
            } catch (SharedEntries.Rejected rejected) {
                if (attempt == 0 && loadAllowed(method)) {
                    continue; // another JVM wrote the method's classes: read them and try once more
                }
                if (warnedRejected.compareAndSet(false, true)) {
                    LOG.warn("the Redis cache at {} holds an entry of {} naming class {}, which the fleet's caches never"
                            + " wrote for it; the entry is ignored and removed (was it modified?)", link.url(),
                            key.method().displayName(), rejected.className());
                }
                link.send(client -> client.unlinkMatching(new String(redisKey, StandardCharsets.UTF_8)));
                return null;
            } catch (IOException | RuntimeException e) {
                LOG.debug("a Redis cache entry of {} cannot be read back ({})", key.method().displayName(), e.toString());
                return null;
            }
        }
        return null;
    }

    /** Reads the method's allow-list from Redis, at most once a second; whether it was read. */
    private boolean loadAllowed(Shared method) {
        long now = System.nanoTime();
        if (method.allowLoadedAt != Long.MIN_VALUE && now - method.allowLoadedAt < ALLOW_REFRESH_NANOS) {
            return false;
        }
        method.allowLoadedAt = now;
        Set<byte[]> members = link.call(client -> client.smembers(method.allowKey), null);
        if (members == null) {
            return false;
        }
        Set<String> classes = new HashSet<>();
        for (byte[] member : members) {
            classes.add(new String(member, StandardCharsets.UTF_8));
        }
        method.entries.allow(classes);
        method.published.addAll(classes);
        return true;
    }

    @Override
    public Duration remainingTtl(CallKey key) {
        return lastHit.remaining(key);
    }

    @Override
    public void put(CallKey key, Object value, Duration ttl) {
        offer(key, value, ttl);
    }

    /** Shares a result; the memory tier keeps it as well (the strategy always uses memory). */
    @Override
    public boolean offer(CallKey key, Object value, Duration ttl) {
        Shared method = shared(key.method());
        if (method.entries.refusal() != null || !link.up()) {
            return false;
        }
        long ttlMillis = Math.max(1, ttl.toMillis());
        long now = System.currentTimeMillis();
        long expiresAt = ttlMillis > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + ttlMillis;
        SharedEntries.Write write;
        try {
            write = SharedEntries.write(method.entries, key, value, expiresAt);
        } catch (SharedEntries.Unserializable e) {
            unserializable(method, key.method(), e);
            return false;
        }
        if (write == null) {
            if (method.entries.firstMismatch()) {
                LOG.info("{}: a call whose arguments do not read back from their serialized form as equal to themselves"
                        + " (a transient field, a custom writeObject, no equals) is kept in this JVM only",
                        key.method().qualifiedName());
            }
            return false;
        }
        method.entries.allow(write.classes());
        List<byte[]> newClasses = new ArrayList<>();
        for (String name : write.classes()) {
            if (method.published.add(name)) {
                newClasses.add(name.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] storeKey = write.key();
        byte[] redisKey = redisKey(method, storeKey);
        byte[] stored = ByteBuffer.allocate(Integer.BYTES + storeKey.length + write.record().length)
                .putInt(storeKey.length).put(storeKey).put(write.record()).array();
        link.send(client -> {
            client.sadd(method.allowKey, newClasses); // before the entry: a reader finds its classes
            client.setPx(redisKey, stored, ttlMillis);
        });
        return true;
    }

    private void unserializable(Shared method, MethodMeta meta, SharedEntries.Unserializable e) {
        if (e.receiver()) {
            if (method.entries.firstUnserializableReceiver()) {
                LOG.info("{}: a call on a receiver {} is kept in this JVM only (the receiver is part of the key)",
                        meta.qualifiedName(), e.getMessage());
            }
        } else if (method.entries.refuse(e.getMessage())) {
            LOG.warn("{}: {}; it is cached in this JVM only", meta.qualifiedName(), e.getMessage());
        }
    }

    private byte[] lookupKey(Shared method, CallKey key) {
        try {
            return SharedEntries.lookupKey(method.entries, key);
        } catch (SharedEntries.Unserializable e) {
            unserializable(method, key.method(), e);
            return null;
        }
    }

    private static byte[] redisKey(Shared method, byte[] storeKey) {
        return (method.entryPrefix + KeyDigest.sha256(storeKey, 64)).getBytes(StandardCharsets.UTF_8);
    }

    private Shared shared(MethodMeta meta) {
        Shared known = shared.get(meta);
        if (known != null) {
            return known;
        }
        return shared.computeIfAbsent(meta, created -> {
            Shared method = new Shared(created);
            if (method.entries.refusal() != null) {
                LOG.warn("{}: {}; it is cached in this JVM only", created.qualifiedName(), method.entries.refusal());
            }
            return method;
        });
    }

    @Override
    public void recordLoad(long nanos) {
        loadNanos.add(nanos);
    }

    /** Removes every shared entry of the fleet (the allow-lists stay). */
    @Override
    public void invalidateAll() {
        link.call(client -> client.unlinkMatching(ENTRIES + "*"), 0L, CLEAR_BOUND);
    }

    /** Removes the shared entries of the matching methods, of every version of their classes. */
    @Override
    public void invalidate(Predicate<MethodMeta> matching) {
        Set<MethodMeta> candidates = new LinkedHashSet<>(shared.keySet());
        Collection<MethodMeta> registered = methods == null ? null : methods.get();
        if (registered != null) {
            candidates.addAll(registered);
        }
        Set<String> prefixes = new LinkedHashSet<>();
        for (MethodMeta method : candidates) {
            if (matching.test(method)) {
                prefixes.add(shared(method).entryPrefix);
            }
        }
        for (String prefix : prefixes) {
            link.call(client -> client.unlinkMatching(prefix + "*"), 0L, CLEAR_BOUND);
        }
    }

    @Override
    public TierStatistics statistics() {
        return new TierStatistics(name(), -1, -1, hits.sum(), misses.sum(), 0, -1, loadNanos.sum());
    }
}
