package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.autobot.optimizer.it.hosts.ParallelLocksHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @Parallel} bodies that need a lock their caller holds, or a class it initializes, never
 * hang the host: a synchronized method is never split, a call made while its caller initializes a
 * class is not split, and a caller whose chunks wait on workers for a lock it holds (a virtual
 * caller too) runs those chunks itself and stops splitting the method. One child JVM per case,
 * each bounded at 30 s.
 */
class ParallelLocksIT {

    private static ChildJvm.Result host(String section) throws Exception {
        return jvm(section).run();
    }

    private static ChildJvm jvm(String section) {
        return ChildJvm.of(ParallelLocksHost.class).withAgent("cache=memory,workers=4").args(section)
                .timeoutSeconds(30);
    }

    @Test
    void aSynchronizedMethodIsNeverSplitWithOneWarning() throws Exception {
        ChildJvm.Result synchronizedMethod = host("synchronized");
        assertThat(synchronizedMethod.value("done")).as(synchronizedMethod.toString()).isEqualTo("true");
        assertThat(synchronizedMethod.value("synchronized.right")).isEqualTo("true");
        assertThat(synchronizedMethod.value("synchronized.caller.only")).isEqualTo("true");
        assertThat(warnings(synchronizedMethod, "ParallelLocksHost.doubled(java.util.List)")).singleElement()
                .asString().contains("synchronized");
    }

    @Test
    void aCallerHoldingTheBodysMonitorRunsTheWaitingChunksItselfAndStopsSplitting() throws Exception {
        ChildJvm.Result monitor = host("monitor");
        assertThat(monitor.value("done")).as(monitor.toString()).isEqualTo("true");
        assertThat(monitor.value("monitor.free.right")).isEqualTo("true");
        assertThat(monitor.value("monitor.held.right")).isEqualTo("true");
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
        assertThat(warnings(lock, "ParallelLocksHost.negated(java.util.List)")).singleElement().asString()
                .contains("its chunks wait for a lock its caller holds");
    }

    @Test
    void aCallMadeWhileItsCallerInitializesAClassRunsWholeAndLaterCallsAreSplit() throws Exception {
        check(host("clinit"));
    }

    @Test
    void aCallMadeWhileItsCallerInitializesAClassRunsWholeOnJdk25Too() throws Exception {
        Path jdk25 = ChildJvm.jdk25();
        assumeTrue(jdk25 != null, "no JDK 25 beside the default JDK (looked in /usr/lib/jvm): skipped");
        check(jvm("clinit").javaHome(jdk25).run());
    }

    private static void check(ChildJvm.Result clinit) {
        assertThat(clinit.value("done")).as(clinit.toString()).isEqualTo("true");
        assertThat(clinit.value("clinit.own.right")).isEqualTo("true");
        assertThat(clinit.value("clinit.own.caller.only")).isEqualTo("true");
        assertThat(clinit.value("clinit.other.right")).isEqualTo("true");
        // no wait for the lock check: a worker taken over would have been named in a warning
        assertThat(clinit.value("clinit.later.right")).isEqualTo("true");
        assertThat(clinit.value("clinit.later.split")).as("splitting stays on").isEqualTo("true");
        assertThat(warnings(clinit, "squareAll")).isEmpty();
        assertThat(warnings(clinit, "scale")).isEmpty();
    }

    @Test
    void aVirtualThreadHoldingTheBodysMonitorOrLockFinishesToo() throws Exception {
        Path jdk25 = ChildJvm.jdk25();
        assumeTrue(jdk25 != null, "no JDK 25 beside the default JDK (looked in /usr/lib/jvm): skipped");
        ChildJvm.Result virtual = jvm("virtual").javaHome(jdk25).run();
        assertThat(virtual.value("done")).as(virtual.toString()).isEqualTo("true");
        assertThat(virtual.value("virtual.finished")).isEqualTo("true");
        assertThat(virtual.value("virtual.monitor.right")).as("the late runs changed their own copies only")
                .isEqualTo("true");
        assertThat(virtual.value("virtual.lock.right")).isEqualTo("true");
        assertThat(warnings(virtual, "ParallelLocksHost.bump([I)")).singleElement().asString()
                .contains("its chunks wait for a monitor its caller, a virtual thread, holds");
        assertThat(warnings(virtual, "ParallelLocksHost.negated(java.util.List)")).singleElement().asString()
                .contains("its chunks wait for a lock its caller holds");
    }

    private static List<String> warnings(ChildJvm.Result result, String method) {
        return result.stderr().lines().filter(line -> line.contains("WARN") && line.contains(method)).toList();
    }
}
