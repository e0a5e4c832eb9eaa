package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One JVM of a fleet for FleetControlIT: {@code compute} calls a cached method over five keys and
 * answers how often its body ran and whether every result was right; the host keeps running while
 * the test changes the fleet around it.
 */
public class FleetHost {

    static final AtomicInteger RUNS = new AtomicInteger();

    @Cached(ttl = "1h")
    static long square(long x) {
        RUNS.incrementAndGet();
        return x * x;
    }

    public static void main(String[] args) throws Exception {
        new CommandLoop().on("compute", () -> {
            boolean right = true;
            for (long x = 1; x <= 5; x++) {
                right &= square(x) == x * x;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("runs", RUNS.get());
            answer.put("right", right);
            return answer;
        }).serve();
    }
}
