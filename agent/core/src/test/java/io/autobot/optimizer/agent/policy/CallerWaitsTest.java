package io.autobot.optimizer.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CallerWaitsTest {

    private final Object monitor = new Object();

    @Test
    @Timeout(10)
    void aWorkerBlockedOnAMonitorTheCallerHoldsWaitsForIt() throws Exception {
        synchronized (monitor) {
            Thread worker = blockedOnTheMonitor();
            CallerWaits waits = new CallerWaits(Thread.currentThread());
            assertThat(waits.look(new Thread[] {null, worker})).containsExactly(null, "a lock its caller holds");
            release(worker);
        }
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
}
