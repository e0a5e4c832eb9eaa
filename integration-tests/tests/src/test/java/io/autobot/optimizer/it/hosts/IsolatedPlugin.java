package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plugin class that {@link CallSemanticsHost} defines in a loader of its own which delegates
 * only {@code java.*}: it must reference nothing else at run time (the annotation is not resolved).
 */
public class IsolatedPlugin {

    static final AtomicInteger RUNS = new AtomicInteger();

    @Cached
    public static int square(int x) {
        RUNS.incrementAndGet();
        return x * x;
    }

    public static int runs() {
        return RUNS.get();
    }
}
