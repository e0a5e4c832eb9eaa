package io.autobot.optimizer.agent.policy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which threads wait for a lock that one given thread holds: a monitor they are blocked on (or must
 * enter again after {@code wait}), or an ownable synchronizer they are parked on (a
 * {@code ReentrantLock}, a write lock). Asks the JVM's thread bean about those threads only,
 * without stack traces; a JVM where that fails is reported once and then never asked again.
 */
final class LockWaits {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private static volatile boolean unavailable;

    private LockWaits() {
    }

    /**
     * @param threads the threads to look at; null entries are skipped
     * @return for each thread, whether it waits for a lock {@code owner} holds
     */
    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
    static boolean[] waitingFor(Thread owner, Thread[] threads) {
        boolean[] waiting = new boolean[threads.length];
        if (unavailable) {
            return waiting;
        }
        try {
            long[] ids = new long[threads.length];
            int count = 0;
            for (Thread thread : threads) {
                if (thread != null) {
                    ids[count++] = thread.getId();
                }
            }
            ThreadInfo[] infos = ManagementFactory.getThreadMXBean().getThreadInfo(java.util.Arrays.copyOf(ids, count));
            for (int i = 0, info = 0; i < threads.length; i++) {
                if (threads[i] != null) {
                    ThreadInfo state = infos[info++];
                    waiting[i] = state != null && state.getLockOwnerId() == owner.getId();
                }
            }
        } catch (RuntimeException | LinkageError e) {
            unavailable = true;
            LOG.warn("the JVM cannot say which threads wait for locks ({}): a split call whose chunks wait for a lock"
                    + " its caller holds cannot be told from a slow one", e.toString());
        }
        return waiting;
    }
}
