package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.ParallelLocksHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @Parallel} bodies that need a lock their caller holds never hang the host: a synchronized
 * method is never split, and a caller whose chunks wait on workers for a lock it holds runs those
 * chunks itself and stops splitting the method. One child JVM per case, each bounded at 30 s.
 */
class ParallelLocksIT {

    private static ChildJvm.Result host(String section) throws Exception {
        return ChildJvm.of(ParallelLocksHost.class).withAgent("cache=memory,workers=4").args(section)
                .timeoutSeconds(30).run();
    }

    @Test
    void aSynchronizedMethodIsNeverSplitWithOneWarning() throws Exception {
        ChildJvm.Result synchronizedMethod = host("synchronized");
        assertThat(synchronizedMethod.value("done")).as(synchronizedMethod.toString()).isEqualTo("true");
        assertThat(synchronizedMethod.value("synchronized.right")).isEqualTo("true");
        assertThat(synchronizedMethod.value("synchronized.caller.only")).isEqualTo("true");
        assertThat(Long.parseLong(synchronizedMethod.value("synchronized.ms"))).isLessThan(5_000);
        assertThat(warnings(synchronizedMethod, "ParallelLocksHost.doubled(java.util.List)")).singleElement()
                .asString().contains("synchronized");
    }

    @Test
    void aCallerHoldingTheBodysMonitorRunsTheWaitingChunksItselfAndStopsSplitting() throws Exception {
        ChildJvm.Result monitor = host("monitor");
        assertThat(monitor.value("done")).as(monitor.toString()).isEqualTo("true");
        assertThat(monitor.value("monitor.free.right")).isEqualTo("true");
        assertThat(monitor.value("monitor.held.right")).isEqualTo("true");
        assertThat(Long.parseLong(monitor.value("monitor.held.ms"))).isLessThan(5_000);
        // every chunk ran once while the caller held the monitor: its own, and those it took over
        assertThat(monitor.value("monitor.held.runs")).isEqualTo("4");
        // the workers' runs of the chunks taken over end after the call, and are discarded
        assertThat(monitor.value("monitor.late.runs")).as("one per chunk a worker had").isEqualTo("3");
        assertThat(monitor.value("monitor.result.kept")).isEqualTo("true");
        assertThat(monitor.value("monitor.again.right")).isEqualTo("true");
        assertThat(monitor.value("monitor.again.caller.only")).as("no longer split").isEqualTo("true");
        // a method working in place: the late runs changed their own copies, never the caller's argument
        assertThat(monitor.value("monitor.inplace.once")).isEqualTo("true");
        assertThat(warnings(monitor, "ParallelLocksHost.incremented(java.util.List)")).singleElement().asString()
                .contains("its chunks wait for a lock its caller holds").contains("no longer split");
    }

    @Test
    void aCallerHoldingTheBodysReentrantLockFinishesToo() throws Exception {
        ChildJvm.Result lock = host("lock");
        assertThat(lock.value("done")).as(lock.toString()).isEqualTo("true");
        assertThat(lock.value("lock.right")).isEqualTo("true");
        assertThat(Long.parseLong(lock.value("lock.ms"))).isLessThan(5_000);
        assertThat(warnings(lock, "ParallelLocksHost.negated(java.util.List)")).singleElement().asString()
                .contains("its chunks wait for a lock its caller holds");
    }

    private static List<String> warnings(ChildJvm.Result result, String method) {
        return result.stderr().lines().filter(line -> line.contains("WARN") && line.contains(method)).toList();
    }
}
