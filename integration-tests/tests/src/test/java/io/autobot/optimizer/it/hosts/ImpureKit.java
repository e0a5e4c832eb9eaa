package io.autobot.optimizer.it.hosts;

import java.util.concurrent.atomic.AtomicInteger;

/** A method wrongly selected for caching: it reads a counter. Selected with {@code cached(verify=1)}. */
public final class ImpureKit {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private ImpureKit() {
    }

    public static String next(String name) {
        return name + COUNTER.incrementAndGet();
    }
}
