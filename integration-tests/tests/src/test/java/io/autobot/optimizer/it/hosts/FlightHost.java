package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.check;
import static io.autobot.optimizer.it.hosts.HostOutput.print;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Parallel;
import io.autobot.optimizer.annotations.RateLimited;
import io.autobot.optimizer.annotations.Timeout;
import io.autobot.optimizer.api.OperationTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A host that does one of each thing the agent's flight-recorder events describe: a cache miss
 * and hits, a split call, calls that wait for a rate limiter, a call that runs out of its time.
 */
public class FlightHost {

    private static int squareRuns;

    @Cached
    static int square(int x) {
        squareRuns++;
        return x * x;
    }

    @Parallel(threshold = 4)
    static List<Integer> doubled(List<Integer> values) {
        List<Integer> out = new ArrayList<>();
        for (int value : values) {
            out.add(value * 2);
        }
        return out;
    }

    /** Two permits a second: of three calls in a row, the later ones wait for theirs. */
    @RateLimited(perSecond = 2, maxWait = "10s")
    static int throttled(int x) {
        return x;
    }

    /** Never ends by itself: only its time limit's interrupt ends it. */
    @Timeout("200ms")
    static String stuck() throws InterruptedException {
        new CountDownLatch(1).await();
        return "never";
    }

    public static void main(String[] args) throws Exception {
        check(square(7) == 49 && square(7) == 49 && square(7) == 49, "square");
        print("square.runs", squareRuns);

        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            values.add(i);
        }
        for (int round = 0; round < 2; round++) { // the first call is run whole: it learns the result's shape
            List<Integer> out = doubled(values);
            check(out.size() == 64 && out.get(63) == 126, "doubled");
        }

        for (int i = 0; i < 3; i++) {
            check(throttled(i) == i, "throttled");
        }

        try {
            stuck();
            check(false, "stuck returned");
        } catch (OperationTimeoutException expected) {
            print("timeout", "OperationTimeoutException");
        }
        HostOutput.printCorrect();
    }
}
