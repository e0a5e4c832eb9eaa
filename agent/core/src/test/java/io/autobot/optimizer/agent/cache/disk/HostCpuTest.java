package io.autobot.optimizer.agent.cache.disk;

import static org.assertj.core.api.Assertions.assertThat;

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
}
