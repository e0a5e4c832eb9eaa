package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.CachingHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @Cached} through the agent in a real child JVM, against the same host without it. */
class CachingIT {

    @TempDir
    static Path workDir;

    private static ChildJvm.Result with;
    private static ChildJvm.Result without;

    @BeforeAll
    static void runHost() throws Exception {
        with = ChildJvm.of(CachingHost.class).withAgent("cache=memory").workDir(workDir).run();
        without = ChildJvm.of(CachingHost.class).workDir(workDir).run();
    }

    @Test
    void resultsAreTheSameWithAndWithoutTheAgent() {
        assertThat(with.exitCode()).as(with.toString()).isZero();
        assertThat(with.value("correct")).as(with.toString()).isEqualTo("true");
        assertThat(without.value("correct")).as(without.toString()).isEqualTo("true");
    }

    @Test
    void memoizesStaticInstancePrivateAndFinalMethods() {
        assertThat(with.value("static.runs")).isEqualTo("2"); // square(7) once, square(8) once
        assertThat(with.value("instance.runs")).isEqualTo("1");
        assertThat(with.value("private.runs")).isEqualTo("1");
        assertThat(with.value("final.runs")).isEqualTo("1");
        assertThat(without.value("static.runs")).isEqualTo("4");
        assertThat(without.value("private.runs")).isEqualTo("3");
    }

    @Test
    void matchesArraysByContentAndCopiesThem() {
        // {1,2,3} once, {1,2,4} once, {5,5} once, then {5,6} after the caller changed its array
        assertThat(with.value("array.runs")).isEqualTo("4");
    }

    @Test
    void neverSharesEntriesBetweenMethods() {
        assertThat(with.value("first.runs")).isEqualTo("1");
        assertThat(with.value("second.runs")).isEqualTo("1");
    }

    @Test
    void cachesNullButNeverExceptionsAndRethrowsTheSameInstance() {
        assertThat(with.value("null.runs")).isEqualTo("1");
        assertThat(with.value("fail.runs")).isEqualTo("2");
        assertThat(with.value("fail.same.instance")).isEqualTo("true");
    }

    @Test
    void doesNotCacheResultsLargerThanTheProfileLimit() {
        assertThat(with.value("big.runs")).isEqualTo("2");
    }

    @Test
    void leavesMethodsWithoutAnnotationsAlone() {
        assertThat(with.value("plain.runs")).isEqualTo("3");
    }

    @Test
    void cachesThroughTheOperationProfile() {
        assertThat(with.value("operation.runs")).isEqualTo("1");
    }

    @Test
    void interceptsRecursiveCalls() {
        assertThat(with.value("fib.runs")).isEqualTo("41");
    }

    @Test
    void runsTheBodyOnceForConcurrentCallersOfOneKey() {
        assertThat(with.value("slow.runs")).isEqualTo("1");
        assertThat(without.value("slow.runs")).isEqualTo("8");
    }

    @Test
    void aCallThatThrowsKeepsItsExceptionAndItsWaitersRunTheirOwnCalls() {
        // every caller gets the exception its own body throws, as without the agent
        assertThat(with.value("slow.fail.runs")).isEqualTo("8").isEqualTo(without.value("slow.fail.runs"));
    }

    @Test
    void instrumentsClassesOfChildAndParentlessClassLoaders() {
        assertThat(with.value("child.loader.runs")).isEqualTo("1");
        assertThat(with.value("orphan.loader.runs")).isEqualTo("1");
        assertThat(without.value("orphan.loader.runs")).isEqualTo("3");
    }

    @Test
    void saysOneLineAtStartUpAndNothingPerCall() {
        assertThat(with.stderr().lines().filter(line -> line.contains("AutoBot Optimizer")).count()).isEqualTo(1);
        assertThat(with.stderr()).contains("level=moderate").contains("cache=memory");
    }
}
