package io.autobot.optimizer.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostCpuTest {

    @Test
    void aHostIsBusyWhenItLeavesLessThanACoreFree() {
        assertThat(HostCpu.busy(0.9, 2)).isTrue(); // 1.8 of 2 cores
        assertThat(HostCpu.busy(0.45, 2)).isFalse(); // 0.9 of 2
        assertThat(HostCpu.busy(0.8, 4)).isTrue(); // 3.2 of 4
        assertThat(HostCpu.busy(0.7, 4)).isFalse(); // 2.8 of 4
    }

    @Test
    void aSingleCoreHostIsBusyAboveHalfOfIt() {
        assertThat(HostCpu.busy(0.6, 1)).isTrue();
        assertThat(HostCpu.busy(0.4, 1)).isFalse();
    }

    @Test
    void anUnknownLoadIsNeverBusy() {
        assertThat(HostCpu.busy(-1, 2)).isFalse();
    }

    @Test
    void aWaitEndsAtTheFirstReadingThatLeavesACoreFree() {
        AtomicInteger readings = new AtomicInteger();
        // the constructor's reading, the renewed one, then busy twice, then quiet
        HostCpu cpu = new HostCpu(() -> readings.incrementAndGet() <= 4 ? 0.95 : 0.2, 2);
        assertThat(cpu.awaitQuiet(TimeUnit.SECONDS.toNanos(30), () -> false)).isTrue();
        assertThat(readings.get()).isEqualTo(5);
    }

    @Test
    void aWaitRunsOutWhileTheHostStaysBusy() {
        AtomicInteger readings = new AtomicInteger();
        HostCpu cpu = alwaysBusy(readings);
        assertThat(cpu.awaitQuiet(TimeUnit.MILLISECONDS.toNanos(120), () -> false)).isFalse();
        assertThat(readings.get()).as("a reading every 50 ms until the wait ran out").isBetween(3, 6);
    }

    @Test
    void aWaitGivenUpEndsAtOnce() {
        AtomicInteger readings = new AtomicInteger();
        HostCpu cpu = alwaysBusy(readings);
        assertThat(cpu.awaitQuiet(TimeUnit.SECONDS.toNanos(30), () -> true)).isFalse();
        assertThat(readings.get()).as("the constructor's and the renewed reading only").isEqualTo(2);
    }

    @Test
    void aRecentReadingIsNotRenewed() {
        AtomicInteger readings = new AtomicInteger();
        HostCpu cpu = new HostCpu(() -> readings.incrementAndGet() == 2 ? 1.0 : 0.1, 2);
        assertThat(cpu.busy()).isTrue(); // reading 2, just now
        assertThat(cpu.awaitQuiet(TimeUnit.SECONDS.toNanos(30), () -> false)).isTrue();
        assertThat(readings.get()).as("no renewed reading before the first look").isEqualTo(3);
    }

    /** A host using both of its two cores, counting the readings. */
    private static HostCpu alwaysBusy(AtomicInteger readings) {
        return new HostCpu(() -> {
            readings.incrementAndGet();
            return 1.0;
        }, 2);
    }
}
