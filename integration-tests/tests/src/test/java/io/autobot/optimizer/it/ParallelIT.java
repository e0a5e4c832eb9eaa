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
    void aCachedMethodsFirstCallIsSplitWhenItsChunksAgreeAndRunsAgainWholeWhenTheyDoNot() {
        assertThat(moderate.value("cached.first.identical")).as(moderate.toString()).isEqualTo("true");
        assertThat(moderate.value("cached.first.runs")).as("split: one run per chunk (workers=4)").isEqualTo("4");
        assertThat(moderate.value("cached.disagree.identical")).isEqualTo("true");
        assertThat(moderate.value("cached.disagree.runs")).as("four chunks, then the whole call").isEqualTo("5");
        assertThat(basic.value("cached.first.identical")).isEqualTo("true");
        assertThat(basic.value("cached.first.runs")).as("basic never splits").isEqualTo("1");
        assertThat(basic.value("cached.disagree.runs")).isEqualTo("1");
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
    void theLowestFailingChunksExceptionReachesTheCallerAndNoChunkIsInterrupted() {
        assertThat(moderate.value("fail.same.instance")).as(moderate.toString()).isEqualTo("true");
        // the chunks before the failing one ran to their end; the one after it ran or was skipped
        assertThat(Integer.parseInt(moderate.value("fail.started"))).isBetween(3, 4);
        assertThat(Integer.parseInt(moderate.value("fail.completed"))).isBetween(2, 3);
        assertThat(moderate.value("fail.interrupted")).isEqualTo("0");
        assertThat(moderate.value("fail.caller.interrupted")).isEqualTo("false");
        // a later chunk failing first does not win: the caller gets what a sequential run throws
        assertThat(moderate.value("fail.lowest.chunk")).isEqualTo("true");
        // no interrupt closed the host's shared channel
        assertThat(moderate.value("fail.channel.open")).isEqualTo("true");
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
        assertThat(basic.value("fail.lowest.chunk")).isEqualTo("true");
        assertThat(basic.value("fail.channel.open")).isEqualTo("true");
    }
}
