package io.autobot.optimizer.agent.policy.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ThreadInfo;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ClassInitializationTest {

    /** Asks, from its own initializer, whether its thread initializes a class. */
    static final class AsksInItsInitializer {
        static final boolean IN_PROGRESS = ClassInitialization.inProgress();
    }

    /** Outside the class below: a thread reading them must not wait for its initialization. */
    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** Its initializer waits until the test lets it go. */
    static final class SlowToInitialize {
        static {
            STARTED.countDown();
            try {
                RELEASE.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    @Test
    void aThreadRunningAStaticInitializerIsInitializingAClass() {
        assertThat(ClassInitialization.inProgress()).isFalse();
        assertThat(AsksInItsInitializer.IN_PROGRESS).isTrue();
    }

    @Test
    @Timeout(10)
    void aThreadCallingAStaticMethodThroughAHandleOfAClassBeingInitializedWaitsInClassInitialization()
            throws Exception {
        Thread initializer = new Thread(SlowToInitialize::touch);
        initializer.start();
        assertThat(STARTED.await(5, TimeUnit.SECONDS)).isTrue();
        MethodHandle touch = MethodHandles.lookup().findStatic(SlowToInitialize.class, "touch",
                MethodType.methodType(void.class));
        Thread waiter = new Thread(() -> {
            try {
                touch.invokeExact(); // as a worker calls a static method's body
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
        waiter.start();
        try {
            assertThat(waitsInClassInitialization(waiter)).isTrue();
            assertThat(ClassInitialization.isWaitingIn(ThreadStates.of(new Thread[] {initializer})[0]))
                    .as("the initializer itself waits for a latch").isFalse();
        } finally {
            RELEASE.countDown();
        }
        waiter.join(5_000);
        initializer.join(5_000);
    }

    private static boolean waitsInClassInitialization(Thread thread) throws InterruptedException {
        for (int look = 0; look < 100; look++) {
            ThreadInfo state = ThreadStates.of(new Thread[] {thread})[0];
            if (state != null && ClassInitialization.isWaitingIn(state)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
