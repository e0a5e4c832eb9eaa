package io.autobot.optimizer.agent.discovery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What was seen of one observed method: calls, time, how many calls had arguments seen before,
 * and, for those, whether the result was the same (by hash). At most {@link #MAX_KEYS} distinct
 * argument hashes are tracked; calls with new arguments beyond that count as not repeating.
 */
final class MethodObservation {

    static final int MAX_KEYS = 50_000;

    final Sampler.Hot hot;
    final LongAdder calls = new LongAdder();
    final LongAdder nanos = new LongAdder();
    final LongAdder repeats = new LongAdder();
    final LongAdder thrown = new LongAdder();
    final LongAdder compared = new LongAdder();
    final LongAdder differed = new LongAdder();
    final LongAdder resultBytes = new LongAdder();
    final LongAdder results = new LongAdder();
    volatile String argumentProblem;
    volatile String resultWithoutEquals;
    private final Map<Long, Long> resultByArguments = new ConcurrentHashMap<>();

    MethodObservation(Sampler.Hot hot) {
        this.hot = hot;
    }

    /** Whether a call with these arguments was seen before (its result known or in flight). */
    boolean seen(long argsHash) {
        return resultByArguments.containsKey(argsHash);
    }

    void called(long elapsedNanos, boolean repeat, boolean threw) {
        calls.increment();
        nanos.add(elapsedNanos);
        if (repeat) {
            repeats.increment();
        }
        if (threw) {
            thrown.increment();
        }
    }

    void result(long argsHash, long resultHash, long bytes) {
        results.increment();
        resultBytes.add(bytes);
        Long before = resultByArguments.size() < MAX_KEYS ? resultByArguments.putIfAbsent(argsHash, resultHash)
                : resultByArguments.get(argsHash);
        if (before != null) {
            compared.increment();
            if (before != resultHash) {
                differed.increment();
            }
        }
    }

    void drop() {
        resultByArguments.clear();
    }
}
