package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.ParallelHost;
import io.autobot.optimizer.it.support.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @Parallel}, and {@code @Optimized} methods that are not split, in child JVMs at levels moderate and basic. */
class ParallelIT {

    private static ChildJvm.Result moderate;
    private static ChildJvm.Result basic;

    @BeforeAll
    static void runHost() throws Exception {
        moderate = ChildJvm.of(ParallelHost.class).withAgent("cache=memory,workers=4").run();
        basic = ChildJvm.of(ParallelHost.class).withAgent("cache=memory,level=basic").run();
    }

    @Test
    void splitResultsAreIdenticalToSequentialOnesInOrder() {
        assertThat(moderate.exitCode()).as(moderate.toString()).isZero();
        assertThat(moderate.value("correct")).as(moderate.toString()).isEqualTo("true");
        assertThat(moderate.value("parallel.identical")).isEqualTo("true");
        assertThat(moderate.value("distinct.identical")).isEqualTo("true");
        assertThat(moderate.value("optimized.map.identical")).isEqualTo("true");
    }

    @Test
    void optimizedAloneNeverSplitsSoMethodsThatAreNotElementWiseStayRight() {
        assertThat(moderate.value("optimized.alone.identical")).as(moderate.toString()).isEqualTo("true");
        assertThat(moderate.value("optimized.alone.caller")).as("every call ran whole on the caller's thread")
                .isEqualTo("true");
    }

    @Test
    void chunksRunOnTheWorkersWithTheCallersContextClassLoader() {
        assertThat(Integer.parseInt(moderate.value("parallel.workers.used"))).isBetween(1, 4);
        assertThat(moderate.value("parallel.context.loader")).isEqualTo("true");
    }

    @Test
    void theFirstFailingChunkCancelsTheOthersAndItsExceptionReachesTheCaller() {
        assertThat(moderate.value("fail.same.instance")).isEqualTo("true");
        assertThat(Long.parseLong(moderate.value("fail.elapsed.ms"))).isLessThan(5_000); // the others sleep 10 s
        int started = Integer.parseInt(moderate.value("fail.started"));
        assertThat(started).isBetween(2, 4);
        assertThat(moderate.value("fail.interrupted")).isEqualTo(String.valueOf(started - 1));
        assertThat(moderate.value("fail.caller.interrupted")).isEqualTo("false");
    }

    @Test
    void nestedParallelCallsFinish() {
        assertThat(moderate.value("nested.finished")).isEqualTo("true");
        assertThat(basic.value("nested.finished")).isEqualTo("true");
    }

    @Test
    void levelBasicRunsEveryCallSequentiallyOnTheCallersThread() {
        assertThat(basic.exitCode()).as(basic.toString()).isZero();
        assertThat(basic.value("correct")).isEqualTo("true");
        assertThat(basic.value("parallel.identical")).isEqualTo("true");
        assertThat(basic.value("distinct.identical")).isEqualTo("true");
        assertThat(basic.value("parallel.workers.used")).isEqualTo("0");
        assertThat(basic.value("fail.same.instance")).isEqualTo("true");
        assertThat(basic.value("fail.started")).isEqualTo("1");
    }
}
