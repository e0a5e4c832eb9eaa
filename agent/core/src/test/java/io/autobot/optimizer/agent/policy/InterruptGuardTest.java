package io.autobot.optimizer.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard hands an interrupt to the task it was meant for and never to what the thread does next. */
class InterruptGuardTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anInterruptDuringTheTaskIsClearedWhenItFinishes() {
        InterruptGuard guard = InterruptGuard.ofCurrentThread();
        assertThat(guard.interrupt()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(guard.finish()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void theHostsOwnInterruptOutlivesTheTask() {
        Thread.currentThread().interrupt(); // the host's, set before the task began
        InterruptGuard guard = InterruptGuard.ofCurrentThread();
        assertThat(guard.interrupt()).isTrue();
        assertThat(guard.finish()).as("the guard fired").isTrue();
        assertThat(Thread.currentThread().isInterrupted()).as("and left the host's interrupt alone").isTrue();
    }

    @Test
    void anInterruptAfterTheTaskDoesNothing() {
        InterruptGuard guard = InterruptGuard.ofCurrentThread();
        assertThat(guard.finish()).isFalse();
        assertThat(guard.interrupt()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void racingInterruptsNeverOutliveTheTask() throws Exception {
        AtomicReference<InterruptGuard> current = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread interrupter = new Thread(() -> {
            while (done.getCount() > 0) {
                InterruptGuard guard = current.get();
                if (guard != null) {
                    guard.interrupt();
                }
                Thread.onSpinWait();
            }
        });
        interrupter.start();
        try {
            for (int i = 0; i < 100_000; i++) {
                InterruptGuard guard = InterruptGuard.ofCurrentThread();
                current.set(guard);
                if (ThreadLocalRandom.current().nextInt(4) == 0) {
                    Thread.onSpinWait(); // give the interrupter a window
                }
                boolean interrupted = guard.finish();
                assertThat(Thread.currentThread().isInterrupted()).as("iteration %d, guard fired: %s", i, interrupted)
                        .isFalse();
            }
        } finally {
            done.countDown();
            interrupter.join();
        }
    }
}
