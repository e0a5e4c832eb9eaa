package io.autobot.optimizer.it.hosts;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service object with fields (a dependency, a counter), neither serializable nor with
 * {@code equals}: its result depends on its argument only, which the rules file says with
 * {@code cached(scope=arguments)}; its calls then reach the disk tier.
 */
public final class ServiceKit {

    static final AtomicInteger RUNS = new AtomicInteger();

    private final Object dependency = new Object();
    private final AtomicInteger calls = new AtomicInteger();

    public String render(String name) {
        calls.incrementAndGet();
        RUNS.incrementAndGet();
        return "<" + name + ">" + (dependency != null);
    }
}
