package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.check;
import static io.autobot.optimizer.it.hosts.HostOutput.print;

import io.autobot.optimizer.annotations.RateLimited;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One JVM of a fleet: from an instant on the machine's clock that the test sends to every JVM
 * once all of them started, threads call a method with a
 * fleet-wide limit as fast as they can for a while, and the host prints when each body ran (epoch
 * microseconds, comparable across the JVMs of one machine). {@code cost}: the time of a call that
 * takes a fleet permit, a local permit or none, at a rate nobody reaches (nobody waits).
 */
public class FleetLimitHost {

    public static final int LIMIT = 30;
    static final ConcurrentLinkedQueue<Long> PERMITS = new ConcurrentLinkedQueue<>();

    @RateLimited(perSecond = LIMIT, maxWait = "30s", scope = RateLimited.Scope.FLEET)
    static long square(long x) {
        PERMITS.add(epochMicros());
        return x * x;
    }

    @RateLimited(perSecond = 1_000_000_000, scope = RateLimited.Scope.FLEET)
    static long fleetPermit(long x) {
        return x + 1;
    }

    @RateLimited(perSecond = 1_000_000_000, scope = RateLimited.Scope.LOCAL)
    static long localPermit(long x) {
        return x + 1;
    }

    static long noPermit(long x) {
        return x + 1;
    }

    /**
     * {@code limit <run ms> <threads>}: prints {@code ready}, then reads the agreed start (epoch
     * milliseconds) from stdin; or {@code cost <calls>}.
     */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("cost")) {
            cost(Integer.parseInt(args[1]));
        } else {
            print("ready", true);
            String start = new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
            limit(Long.parseLong(start.trim()), Long.parseLong(args[1]), Integer.parseInt(args[2]));
        }
        HostOutput.printCorrect();
    }

    private static void limit(long startMillis, long runMillis, int threads) throws InterruptedException {
        long end = startMillis + runMillis;
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread caller = new Thread(() -> {
                for (long i = 0; System.currentTimeMillis() < end; i++) {
                    check(square(i) == i * i, "square(" + i + ")");
                }
            });
            callers.add(caller);
        }
        long before = startMillis - System.currentTimeMillis();
        if (before > 0) {
            Thread.sleep(before); // the agreed start of the fleet
        }
        callers.forEach(Thread::start);
        for (Thread caller : callers) {
            caller.join();
        }
        StringJoiner permits = new StringJoiner(",");
        PERMITS.forEach(permit -> permits.add(Long.toString(permit)));
        print("permits", permits);
    }

    private static void cost(int calls) {
        long sum = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up
            long plain = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sum += noPermit(i);
            }
            long local = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sum += localPermit(i);
            }
            long fleet = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sum += fleetPermit(i);
            }
            long done = System.nanoTime();
            print("cost.none.ns", (local - plain) / calls);
            print("cost.local.ns", (fleet - local) / calls);
            print("cost.fleet.ns", (done - fleet) / calls);
        }
        long expected = 2L * 3 * ((long) calls * (calls - 1) / 2 + calls);
        check(sum == expected, "the sum of the calls' results");
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
