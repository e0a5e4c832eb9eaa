package io.autobot.optimizer.management.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.management.system.SystemSample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private static final long MINUTE = 60_000L;
    private static final long T0 = 1_800_000_000_000L - 1_800_000_000_000L % MINUTE; // a minute's start

    private static Counters calls(long calls, long hits, long misses) {
        return new Counters(calls, 0, hits, misses, 0, 0, 0, 0);
    }

    private static SystemSample cpu(double load) {
        return new SystemSample(0, load, load / 2, 1000, 600, 0, 10, 100, 2);
    }

    @Test
    void countsEachMinutesCallsAndAveragesItsSamples() {
        History history = new History();
        assertThat(history.readings()).isEmpty();
        history.record(T0 + 1_000, calls(10, 4, 6), cpu(0.2));
        history.record(T0 + 30_000, calls(20, 8, 12), cpu(0.4));
        history.record(T0 + MINUTE + 1_000, calls(50, 35, 15), null); // sampling not started: no CPU this minute
        List<Map<String, Object>> readings = history.readings();
        assertThat(readings).hasSize(2);
        assertThat(readings.get(0)).containsEntry("calls", 20L).containsEntry("cache_hits", 8L)
                .containsEntry("cache_hit_rate", 0.4).containsEntry("minute", "2027-01-15T08:00:00Z");
        assertThat((double) readings.get(0).get("cpu_usage")).isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(readings.get(0)).containsEntry("memory_usage", 40.0).containsEntry("heap_usage", 10.0);
        assertThat(readings.get(1)).containsEntry("calls", 30L).containsEntry("cache_hits", 27L);
        assertThat((double) readings.get(1).get("cpu_usage")).isNaN();
    }

    @Test
    void keepsAnHourAndAMinuteWithoutLookupsHasNoHitRate() {
        History history = new History();
        for (int minute = 0; minute < 90; minute++) {
            history.record(T0 + minute * MINUTE, calls(minute, 0, 0), null);
        }
        List<Map<String, Object>> readings = history.readings();
        assertThat(readings).hasSize(History.MINUTES);
        assertThat((double) readings.get(0).get("cache_hit_rate")).isNaN();
        assertThat(readings).allMatch(reading -> reading.get("calls").equals(1L)); // one call between ticks
        assertThat(readings.get(readings.size() - 1)).containsEntry("minute", "2027-01-15T09:29:00Z");
    }

    @Test
    void aResetCountsFromZeroAgain() {
        History history = new History();
        history.record(T0, calls(100, 0, 0), null);
        history.record(T0 + MINUTE, calls(3, 0, 0), null); // the statistics were reset
        assertThat(history.readings().get(1)).containsEntry("calls", 3L);
    }
}
