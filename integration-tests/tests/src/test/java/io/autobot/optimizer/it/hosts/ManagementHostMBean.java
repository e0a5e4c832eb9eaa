package io.autobot.optimizer.it.hosts;

/** What a management test asks the host to do, over JMX (standard MBean: JDK types only). */
public interface ManagementHostMBean {

    /** Calls the cached method; returns its result. */
    long cached(int x);

    /** How often the cached method's body ran. */
    int cachedRuns();

    /** Runs the parallel method over {@code items} numbers; returns how many threads ran the body. */
    int parallelThreads(int items);

    /** Calls the slow operation {@code calls} times with new arguments, each taking {@code millis}. */
    void slow(int calls, long millis);

    /** Calls a cached method with {@code calls} arguments that never repeat: every call misses. */
    void distinctKeys(int calls);

    /** Calls {@code getpid} through the host's own JNA; returns the JNA version and the pid. */
    String hostJna();

    /** Calls a method that fails as a rate-limited backend does. */
    void rateLimited(int calls);
}
