package io.autobot.optimizer.agent.policy.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CallerWaitsTest {

    private final Object monitor = new Object();

    @Test
    @Timeout(10)
    void aWorkerBlockedOnAMonitorTheCallerHoldsWaitsForIt() throws Exception {
        synchronized (monitor) {
            Thread worker = blockedOnTheMonitor();
            CallerWaits waits = new CallerWaits(Thread.currentThread(), false, 2);
            assertThat(waits.look(new Thread[] {null, worker})).containsExactly(null, "a lock its caller holds");
            release(worker);
        }
    }

    /**
     * A virtual caller's monitors are reported as held by its carrier: a worker blocked on a
     * monitor of a thread outside the split, at two looks in a row, counts as waiting for it.
     */
    @Test
    @Timeout(10)
    void forAVirtualCallerAMonitorHeldOutsideTheSplitAtTwoLooksInARowCounts() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Thread carrier = new Thread(() -> {
            synchronized (monitor) {
                held.countDown();
                await(letGo);
            }
        });
        carrier.start();
        held.await();
        Thread worker = blockedOnTheMonitor();
        CallerWaits platform = new CallerWaits(Thread.currentThread(), false, 1);
        CallerWaits virtual = new CallerWaits(Thread.currentThread(), true, 1);
        assertThat(platform.look(new Thread[] {worker})).containsOnlyNulls();
        assertThat(virtual.look(new Thread[] {worker})).as("the first look").containsOnlyNulls();
        assertThat(platform.look(new Thread[] {worker})).containsOnlyNulls();
        assertThat(virtual.look(new Thread[] {worker})).containsExactly("a monitor its caller, a virtual thread, holds");
        letGo.countDown();
        worker.join(5_000);
        carrier.join(5_000);
    }

    @Test
    @Timeout(10)
    void aMonitorHeldByAnotherWorkerOfTheSplitNeverCounts() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (monitor) {
                held.countDown();
                await(letGo);
            }
        });
        holder.start();
        held.await();
        Thread worker = blockedOnTheMonitor();
        CallerWaits virtual = new CallerWaits(Thread.currentThread(), true, 2);
        for (int look = 0; look < 3; look++) {
            assertThat(virtual.look(new Thread[] {holder, worker})).containsOnlyNulls();
        }
        letGo.countDown();
        worker.join(5_000);
        holder.join(5_000);
    }

    /** A thread that blocks on the monitor (held by the test or another thread), returned once it is blocked. */
    private Thread blockedOnTheMonitor() throws InterruptedException {
        Thread worker = new Thread(() -> {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        });
        worker.start();
        while (worker.getState() != Thread.State.BLOCKED) {
            Thread.sleep(5);
        }
        return worker;
    }

    private void release(Thread worker) throws InterruptedException {
        monitor.wait(50); // lets the worker in
        worker.join(5_000);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
