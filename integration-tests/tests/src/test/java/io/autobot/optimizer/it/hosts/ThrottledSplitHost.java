package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.check;
import static io.autobot.optimizer.it.hosts.HostOutput.print;

import io.autobot.optimizer.annotations.Parallel;
import io.autobot.optimizer.annotations.RateLimited;
import io.autobot.optimizer.api.AutoBot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Two {@code @Parallel} methods: one whose every element waits for a permit of a rate limit (as
 * calls of a throttled remote service do), one that computes. Prints whether each call's result
 * is the sequential one, then what the performance report says splitting saved each of them and
 * what the rate limit added.
 */
public class ThrottledSplitHost {

    public static final int RATE = 100;

    @RateLimited(perSecond = RATE, maxWait = "30s")
    static String lookUp(String key) {
        return "value-of-" + key;
    }

    @Parallel(threshold = 2)
    static List<String> lookUpAll(List<String> keys) {
        List<String> values = new ArrayList<>();
        for (String key : keys) {
            values.add(lookUp(key));
        }
        return values;
    }

    @Parallel(threshold = 2)
    static List<Long> sums(List<Integer> limits) {
        List<Long> out = new ArrayList<>();
        for (int limit : limits) {
            out.add(sumOfSquares(limit));
        }
        return out;
    }

    static long sumOfSquares(int limit) {
        long sum = 0;
        for (int i = 0; i < limit; i++) {
            sum += (long) i * i % 7919;
        }
        return sum;
    }

    public static void main(String[] args) {
        for (int call = 0; call < 12; call++) {
            int first = call * 8;
            List<String> keys = IntStream.range(first, first + 8).mapToObj(i -> "k" + i).toList();
            check(lookUpAll(keys).equals(keys.stream().map(key -> "value-of-" + key).toList()), "lookUpAll " + call);
        }
        for (int call = 0; call < 6; call++) {
            List<Integer> limits = IntStream.range(0, 8).map(i -> 200_000 + i).boxed().toList();
            check(sums(limits).equals(limits.stream().map(ThrottledSplitHost::sumOfSquares).toList()), "sums " + call);
        }
        Map<?, ?> operations = (Map<?, ?>) AutoBot.performanceReport().get("operations");
        for (String operation : List.of("ThrottledSplitHost.lookUpAll", "ThrottledSplitHost.sums")) {
            Map<?, ?> figures = (Map<?, ?>) operations.get(operation);
            print(operation + ".calls", figures == null ? null : figures.get("calls"));
            print(operation + ".saved_by_parallel", figures == null ? "no operation" : figures.get("time_saved_by_parallel"));
        }
        for (String operation : List.of("ThrottledSplitHost.lookUp", "ThrottledSplitHost.sums")) {
            Map<?, ?> figures = (Map<?, ?>) operations.get(operation);
            print(operation + ".saved_by_rate_limit", figures == null ? "no operation" : figures.get("time_saved_by_rate_limit"));
        }
        HostOutput.printCorrect();
    }
}
