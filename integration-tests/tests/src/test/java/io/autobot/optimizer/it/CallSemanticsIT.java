package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.CallSemanticsHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls whose meaning the agent once changed: a varargs method got its array wrapped in another;
 * a batch method looping over its single method recursed without end; a timed call cleared the
 * host's own pending interrupt; a class of an isolating loader failed with NoClassDefFoundError.
 * Each now returns what it returns without the agent.
 */
class CallSemanticsIT {

    @TempDir
    static Path workDir;

    private static ChildJvm.Result with;
    private static ChildJvm.Result without;

    @BeforeAll
    static void runHost() throws Exception {
        with = ChildJvm.of(CallSemanticsHost.class).withAgent("cache=memory").workDir(workDir).timeoutSeconds(60).run();
        without = ChildJvm.of(CallSemanticsHost.class).workDir(workDir).timeoutSeconds(60).run();
        assertThat(with.exitCode()).as(with.toString()).isZero();
        assertThat(without.exitCode()).as(without.toString()).isZero();
    }

    @Test
    void varargsMethodsGetTheirArrayAsItIsAndAreCached() {
        assertThat(without.value("count")).isEqualTo("3,3,2");
        assertThat(with.value("count")).isEqualTo("3,3,2");
        assertThat(with.value("count.runs")).as("the repeated call was a hit").isEqualTo("2");
        assertThat(with.value("kinds")).isEqualTo(without.value("kinds")).isEqualTo("String[]a;Object[]x|1");
        assertThat(with.value("sum")).isEqualTo(without.value("sum")).isEqualTo("6,0");
        assertThat(with.value("format")).isEqualTo(without.value("format")).isEqualTo("x-y");
        assertThat(with.stderr()).as("no internal failure").doesNotContain("internal failure");
    }

    @Test
    void aBatchMethodCallingItsSingleMethodRunsThoseCallsAsTheyAre() {
        assertThat(without.value("batch")).isEqualTo("ok:a,ok:x0,ok:x1,ok:x2,ok:x3");
        assertThat(with.value("batch")).as(with.toString()).isEqualTo(without.value("batch"));
    }

    @Test
    void aTimedCallKeepsTheHostsOwnPendingInterrupt() {
        assertThat(without.value("busy")).isEqualTo("done");
        assertThat(with.value("busy")).as("the documented outcome of a call over its limit")
                .isEqualTo("OperationTimeoutException");
        assertThat(without.value("interrupt.kept")).isEqualTo("true");
        assertThat(with.value("interrupt.kept")).as(with.toString()).isEqualTo("true");
    }

    @Test
    void classesOfALoaderThatHidesTheBridgeRunUnoptimizedWithOneLine() {
        assertThat(without.value("plugin")).isEqualTo("49,49");
        assertThat(with.value("plugin")).as(with.toString()).isEqualTo("49,49");
        assertThat(with.stderr().lines().filter(line -> line.contains("does not delegate")))
                .singleElement().asString().contains("java-only").contains("IsolatedPlugin").contains("run unoptimized");
    }
}
