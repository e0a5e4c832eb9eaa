package io.autobot.optimizer.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessCpuLoadTest {

    @Test
    void theLoadIsTheCpuTimeOverTheWallTimeOfAllCores() {
        // 150 ms of CPU in 100 ms of wall time on 2 cores: three quarters of them
        ProcessCpuLoad load = load(2, new long[] {0, 100}, Optional.of(Duration.ofMillis(40)),
                Optional.of(Duration.ofMillis(190)));
        assertThat(load.getAsDouble()).as("the first reading starts the interval").isNegative();
        assertThat(load.getAsDouble()).isEqualTo(0.75);
    }

    @Test
    void aReadingIsBoundedToAllCores() {
        // rounding of the operating system's clock ticks can count more than the wall time
        ProcessCpuLoad load = load(1, new long[] {0, 50}, Optional.of(Duration.ZERO), Optional.of(Duration.ofMillis(60)));
        load.getAsDouble();
        assertThat(load.getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void noCpuTimeIsAnUnknownLoad() {
        ProcessCpuLoad load = load(2, new long[] {0, 100, 200}, Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofMillis(10)));
        load.getAsDouble();
        assertThat(load.getAsDouble()).isNegative();
        assertThat(load.getAsDouble()).as("the interval starts again at a known reading").isNegative();
    }

    @Test
    void aPlatformThatFailsToTellTheCpuTimeGivesAnUnknownLoad() {
        ProcessCpuLoad load = new ProcessCpuLoad(() -> {
            throw new UnsupportedOperationException("no process information here");
        }, System::nanoTime, 2);
        assertThat(load.getAsDouble()).isNegative();
        assertThat(load.getAsDouble()).isNegative();
        assertThat(HostCpu.busy(load.getAsDouble(), 2)).as("an unknown load is never busy").isFalse();
    }

    @Test
    void aThreadSpinningShowsInThisProcesssLoad() {
        int cores = Runtime.getRuntime().availableProcessors();
        ProcessCpuLoad load = ProcessCpuLoad.ofThisProcess(cores);
        load.getAsDouble();
        long end = System.nanoTime() + 200_000_000L;
        long spin = 0;
        while (System.nanoTime() < end) {
            spin += Long.numberOfTrailingZeros(spin + end);
        }
        // one core spun for the whole interval; a fifth of one allows for a busy machine and 10 ms clock ticks
        assertThat(load.getAsDouble() * cores).as("cores used while spinning (%d)", spin).isBetween(0.2, cores + 0.0);
    }

    @SafeVarargs
    private static ProcessCpuLoad load(int cores, long[] wallMillis, Optional<Duration>... cpuTimes) {
        Deque<Long> clock = new ArrayDeque<>();
        for (long millis : wallMillis) {
            clock.add(millis * 1_000_000);
        }
        Deque<Optional<Duration>> cpu = new ArrayDeque<>(java.util.List.of(cpuTimes));
        return new ProcessCpuLoad(cpu::poll, clock::poll, cores);
    }
}
