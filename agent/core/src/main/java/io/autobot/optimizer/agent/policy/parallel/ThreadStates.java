package io.autobot.optimizer.agent.policy.parallel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What some threads are waiting for, from the JVM's thread bean: the lock a thread is blocked or
 * parked on and that lock's owner, and its top frame (a wait for a class initialization shows only
 * there). Asks about those threads only; a JVM where that fails is reported once and then never
 * asked again.
 */
final class ThreadStates {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private static volatile boolean unavailable;

    private ThreadStates() {
    }

    /**
     * @param threads the threads to look at; null entries are skipped
     * @return each thread's state, in the same places; null where skipped, ended, or when the JVM cannot say
     */
    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
    static ThreadInfo[] of(Thread[] threads) {
        ThreadInfo[] states = new ThreadInfo[threads.length];
        if (unavailable) {
            return states;
        }
        try {
            long[] ids = new long[threads.length];
            int count = 0;
            for (Thread thread : threads) {
                if (thread != null) {
                    ids[count++] = thread.getId();
                }
            }
            ThreadInfo[] infos = ManagementFactory.getThreadMXBean().getThreadInfo(Arrays.copyOf(ids, count), 1);
            for (int i = 0, info = 0; i < threads.length; i++) {
                if (threads[i] != null) {
                    states[i] = infos[info++];
                }
            }
        } catch (RuntimeException | LinkageError e) {
            unavailable = true;
            LOG.warn("the JVM cannot say which threads wait for locks ({}): a split call whose chunks wait for a lock"
                    + " its caller holds cannot be told from a slow one", e.toString());
        }
        return states;
    }
}
