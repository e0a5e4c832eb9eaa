package io.autobot.optimizer.agent.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The tuning of one operation (docs/configuration.md): how long results are
 * cached, from which size calls are split, the largest result that is cached, the batch size and
 * the timeout. {@code null} batch size means {@code BATCH_SIZE}; a zero timeout means none.
 *
 * @param cacheTtl how long a memoized result lives
 * @param parallelThreshold the smallest list size that is split across workers
 * @param maxResultSize results estimated larger than this many bytes are not cached
 * @param batchSize calls per batch, or {@code null} for {@code BATCH_SIZE}
 * @param timeout the call time limit, {@link Duration#ZERO} for none
 * @param throttled whether calls go through the rate limiter when {@code REQUEST_THROTTLING} is on
 */
public record OperationProfile(Duration cacheTtl, int parallelThreshold, long maxResultSize, Integer batchSize,
        Duration timeout, boolean throttled) {

    /** The profile of methods that name no operation, or an operation without a built-in profile. */
    public static final OperationProfile DEFAULT =
            new OperationProfile(Duration.ofHours(1), 5, 2L * 1024 * 1024, null, Duration.ZERO, false);

    /** The keys accepted under {@code profile.<operation>.}, with what each accepts. */
    public static final Map<String, String> KEYS = Map.of(
            "cache_ttl", Durations.ACCEPTED,
            "parallel_threshold", "a whole number from 1 to 1000000",
            "max_file_size", "a size in bytes such as 2097152, 512KB or 2MB",
            "batch_size", "a whole number from 1 to 100000",
            "timeout", Durations.ACCEPTED + " (0 for none)",
            "throttled", "true or false");

    /**
     * Returns this profile with one key changed.
     *
     * @throws IllegalArgumentException naming the key and what it accepts
     */
    public OperationProfile with(String key, String text) {
        String accepted = KEYS.get(key);
        if (accepted == null) {
            throw new IllegalArgumentException("unknown profile key '" + key + "': expected one of " + KEYS.keySet());
        }
        try {
            switch (key) {
                case "cache_ttl":
                    return new OperationProfile(Durations.parse(text), parallelThreshold, maxResultSize, batchSize,
                            timeout, throttled);
                case "parallel_threshold":
                    return new OperationProfile(cacheTtl, Setting.parseInt(text, 1, 1_000_000), maxResultSize,
                            batchSize, timeout, throttled);
                case "max_file_size":
                    return new OperationProfile(cacheTtl, parallelThreshold, parseSize(text), batchSize, timeout,
                            throttled);
                case "batch_size":
                    return new OperationProfile(cacheTtl, parallelThreshold, maxResultSize,
                            Setting.parseInt(text, 1, 100_000), timeout, throttled);
                case "timeout":
                    return new OperationProfile(cacheTtl, parallelThreshold, maxResultSize, batchSize,
                            Durations.parse(text), throttled);
                default:
                    return new OperationProfile(cacheTtl, parallelThreshold, maxResultSize, batchSize, timeout,
                            Setting.parseBoolean(text));
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + "='" + text + "' is not accepted: expected " + accepted, e);
        }
    }

    /** The profile as docs/configuration.md names its keys: key to value. */
    public Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cache_ttl", cacheTtl.toSeconds());
        map.put("parallel_threshold", parallelThreshold);
        map.put("max_file_size", maxResultSize);
        map.put("batch_size", batchSize);
        map.put("timeout", timeout.toMillis() / 1000.0);
        map.put("throttled", throttled);
        return map;
    }

    static long parseSize(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        long factor = 1;
        if (value.endsWith("KB") || value.endsWith("K")) {
            factor = 1024;
        } else if (value.endsWith("MB") || value.endsWith("M")) {
            factor = 1024 * 1024;
        } else if (value.endsWith("GB") || value.endsWith("G")) {
            factor = 1024L * 1024 * 1024;
        }
        String digits = value.replaceAll("[KMGB]+$", "");
        long size = Math.round(Double.parseDouble(digits) * factor);
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
        return size;
    }
}
