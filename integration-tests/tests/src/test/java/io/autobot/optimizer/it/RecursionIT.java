package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.RecursionHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memoized recursion on a default stack: the body of a method that only caches runs in the host's
 * own frame, so a recursion of misses goes as deep as it does without the agent (it overflowed at
 * about 300 levels when every level ran inside the agent's frames), and a method with other
 * policies stops nesting inside them beyond a bound. Each level's result is stored as it returns.
 */
class RecursionIT {

    private static final String DEPTH = "3000";

    @TempDir
    static Path workDir;

    private static ChildJvm.Result with;
    private static ChildJvm.Result without;

    @BeforeAll
    static void runHost() throws Exception {
        with = ChildJvm.of(RecursionHost.class).withAgent("cache=memory").args(DEPTH, "fib").workDir(workDir)
                .timeoutSeconds(60).run();
        without = ChildJvm.of(RecursionHost.class).args(DEPTH).workDir(workDir).timeoutSeconds(60).run();
        assertThat(with.exitCode()).as(with.toString()).isZero();
        assertThat(without.exitCode()).as(without.toString()).isZero();
        assertThat(with.value("correct")).as(with.toString()).isEqualTo("true");
    }

    @Test
    void aRecursionOfMissesIsAsDeepAsWithoutTheAgentAndEveryLevelIsStored() {
        assertThat(with.value("depth")).as(with.toString()).isEqualTo(DEPTH).isEqualTo(without.value("depth"));
        assertThat(with.value("depth.runs")).isEqualTo("3001");
        assertThat(with.value("depth.again")).isEqualTo("4500");
        assertThat(with.value("depth.runs.after")).as("both calls, and the level below, are hits").isEqualTo("3001");
        assertThat(without.value("depth.runs.after")).isEqualTo("7503");
    }

    @Test
    void aMemoizedFibonacciRunsEachLevelOnce() {
        assertThat(with.value("fib.bits")).isEqualTo("1388");
        assertThat(with.value("fib.runs")).as("linear, not exponential").isEqualTo("2001");
    }

    @Test
    void aRecursionThroughATimedMethodDeeperThanTheNestingBoundRuns() {
        assertThat(with.value("timed")).as(with.toString()).isEqualTo(DEPTH);
    }

    @Test
    void theDeepestCallsExceptionReachesTheCallerAsItIsAndNothingIsStored() {
        assertThat(with.value("failing")).isEqualTo("the-body's-own");
        assertThat(with.value("failing.again")).isEqualTo("the-body's-own");
        assertThat(with.value("failing.runs")).as("every level ran again").isEqualTo("1002")
                .isEqualTo(without.value("failing.runs"));
    }

    @Test
    void nothingFailsInsideTheAgentAndTheJvmNeitherOverflowsNorAsserts() {
        assertThat(with.stderr()).as(with.stderr()).doesNotContain("internal failure")
                .doesNotContain("ASSERTION FAILED").doesNotContain("StackOverflowError");
    }

    @Test
    void recursionsThatOverflowTheStackAgainAndAgainLeaveTheCacheWorking() {
        assertThat(with.value("overflow.search")).as(with.toString()).isEqualTo("true");
        assertThat(with.value("after.overflows")).isEqualTo("3001,9").isEqualTo(without.value("after.overflows"));
    }
}
