package io.autobot.optimizer.management.report;

import io.autobot.optimizer.management.system.SystemSample;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last hour, one reading per wall-clock minute: calls, cache hits and misses counted in that
 * minute and the machine's CPU and memory averaged over its ticks. The export shows it (its
 * {@code last_hour} list, and the HTML page's charts); the minute in progress is the last reading.
 */
public final class History {

    /** How many minutes are kept. */
    static final int MINUTES = 60;
    private static final long MINUTE_MILLIS = 60_000L;

    /** One minute's reading. */
    record Minute(long startMillis, Counters counted, double cpu, double processCpu, double memory, double heap) {
    }

    private final Deque<Minute> minutes = new ArrayDeque<>();
    private long minuteStart = -1;
    private Counters atMinuteStart = Counters.ZERO;
    private Counters latest = Counters.ZERO;
    private final double[] sums = new double[4];
    private final int[] counts = new int[4];

    /**
     * Records a tick at {@code nowMillis} (wall clock): the counters of every operation added up
     * since start, and the system's latest sample (null before sampling started).
     */
    public synchronized void record(long nowMillis, Counters total, SystemSample system) {
        long minute = nowMillis - Math.floorMod(nowMillis, MINUTE_MILLIS);
        if (minuteStart < 0) {
            minuteStart = minute;
        } else if (minute != minuteStart) {
            close();
            atMinuteStart = latest.calls() > total.calls() ? Counters.ZERO : latest; // reset: counted from zero
            minuteStart = minute;
        }
        latest = total;
        if (system != null) {
            add(0, system.systemCpu() * 100);
            add(1, system.processCpu() * 100);
            add(2, system.memoryUsagePercent());
            add(3, system.heapUsagePercent());
        }
    }

    private void add(int figure, double value) {
        if (Double.isFinite(value)) {
            sums[figure] += value;
            counts[figure]++;
        }
    }

    private void close() {
        minutes.addLast(current());
        while (minutes.size() >= MINUTES) {
            minutes.removeFirst();
        }
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0);
    }

    private Minute current() {
        return new Minute(minuteStart, latest.minus(atMinuteStart), mean(0), mean(1), mean(2), mean(3));
    }

    private double mean(int figure) {
        return counts[figure] == 0 ? Double.NaN : sums[figure] / counts[figure];
    }

    /** The readings of the last hour, oldest first, the minute in progress last; empty before the first tick. */
    public synchronized List<Map<String, Object>> readings() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Minute minute : minutes) {
            list.add(toMap(minute));
        }
        if (minuteStart >= 0) {
            list.add(toMap(current()));
        }
        return list;
    }

    private static Map<String, Object> toMap(Minute minute) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("minute", Instant.ofEpochMilli(minute.startMillis()).toString());
        map.put("calls", minute.counted().calls());
        map.put("cache_hits", minute.counted().hits());
        map.put("cache_misses", minute.counted().misses());
        // no lookup in the minute: no rate (null in JSON), not a rate of zero
        map.put("cache_hit_rate", minute.counted().lookups() == 0 ? Double.NaN : minute.counted().hitRate());
        map.put("cpu_usage", minute.cpu());
        map.put("process_cpu_usage", minute.processCpu());
        map.put("memory_usage", minute.memory());
        map.put("heap_usage", minute.heap());
        return map;
    }
}
