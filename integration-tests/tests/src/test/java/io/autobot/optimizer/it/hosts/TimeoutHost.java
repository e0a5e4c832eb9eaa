package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.check;
import static io.autobot.optimizer.it.hosts.HostOutput.print;

import io.autobot.optimizer.annotations.Optimized;
import io.autobot.optimizer.annotations.Timeout;
import io.autobot.optimizer.api.OperationTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host with slow methods under fixed, adaptive and profile timeouts; the bodies count their
 * interrupts. A call meant to time out blocks until it is interrupted, so what the host sees does
 * not depend on how fast the machine is; the limits are a second, far above what a fast call takes.
 */
public class TimeoutHost {

    static final AtomicInteger INTERRUPTED = new AtomicInteger();

    /** A remote call that never answers: it ends when its thread is interrupted. */
    static final long NEVER = -1;

    /** Stands for a remote call that takes {@code millis}, or never answers. */
    static String work(long millis) {
        try {
            if (millis == NEVER) {
                new CountDownLatch(1).await();
            }
            Thread.sleep(millis);
            return "done in " + millis;
        } catch (InterruptedException e) {
            INTERRUPTED.incrementAndGet();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Timeout("1s")
    static String fixed(long millis) {
        return work(millis);
    }

    @Timeout(value = "30s", adaptive = true, min = "1s")
    static String adaptive(long millis) {
        return work(millis);
    }

    /** The profile's timeout is set to 1s by the IT's agent arguments. */
    @Optimized(operation = "multi_layer_validation")
    static String layers(long millis) {
        return work(millis);
    }

    public static void main(String[] args) {
        check(fixed(10).equals("done in 10"), "fast fixed call");
        measure("fixed", () -> fixed(NEVER));
        print("fixed.interrupted", INTERRUPTED.getAndSet(0));

        // before it has seen calls, the adaptive limit is its upper bound: a 600 ms call passes
        check(adaptive(600).equals("done in 600"), "adaptive call before any history");
        for (int i = 0; i < 130; i++) { // more than the window keeps: the 600 ms call is forgotten
            check(adaptive(5).equals("done in 5"), "fast adaptive call");
        }
        measure("adaptive", () -> adaptive(NEVER));
        print("adaptive.interrupted", INTERRUPTED.getAndSet(0));

        check(layers(10).equals("done in 10"), "fast profile call");
        measure("profile", () -> layers(NEVER));
        print("profile.interrupted", INTERRUPTED.getAndSet(0));
        HostOutput.printCorrect();
    }

    private static void measure(String name, Runnable call) {
        String outcome = "returned";
        try {
            call.run();
        } catch (OperationTimeoutException e) {
            outcome = "OperationTimeoutException";
            print(name + ".message", e.getMessage().replace(' ', '_'));
        } catch (RuntimeException e) {
            outcome = e.getClass().getName();
        }
        print(name + ".outcome", outcome);
        print(name + ".caller.interrupted", Thread.currentThread().isInterrupted());
    }
}
