package io.autobot.optimizer.it.hosts;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest heap a run kept alive: every second, the heap pools' usage right after their last
 * collection (what survived, not what awaited collection), summed; the peak over the run. A heap
 * that grows without bound shows here long before it fails with an OutOfMemoryError.
 */
final class HeapWatch {

    private final AtomicLong peak = new AtomicLong();

    private HeapWatch() {
    }

    static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        Thread thread = new Thread(() -> {
            while (true) {
                watch.sample();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        thread.setDaemon(true);
        thread.start();
        return watch;
    }

    long peakAfterGcMegabytes() {
        sample();
        return peak.get() / (1024 * 1024);
    }

    private void sample() {
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (usage != null) {
                afterGc += usage.getUsed();
            }
        }
        peak.accumulateAndGet(afterGc, Math::max);
    }
}
