package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.ParallelMergeHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The merged result of a split call is of the class the body returns, in a child JVM: sets stay
 * sets (of their kind, with their comparator), maps keep their order, unmodifiable JDK results stay
 * unmodifiable, and a result no merge can rebuild (a lambda, a class of the host's own, chunks of
 * different classes) is returned as the body gave it, the method no longer split.
 */
class ParallelMergeIT {

    private static final String HOST = ParallelMergeHost.class.getName();

    private static ChildJvm.Result result;

    @BeforeAll
    static void runHost() throws Exception {
        result = ChildJvm.of(ParallelMergeHost.class).withAgent("cache=memory,workers=4").timeoutSeconds(60).run();
    }

    @Test
    void setsAndMapsAreMergedIntoTheClassTheBodyReturns() {
        assertThat(result.value("done")).as(result.toString()).isEqualTo("true");
        assertThat(result.value("split.happened")).isEqualTo("true");
        assertThat(result.value("collection.set")).as("a HashSet declared Collection: a union").isEqualTo("true");
        assertThat(result.value("set.sorted")).as("a TreeSet declared Set: sorted, castable").isEqualTo("true");
        assertThat(result.value("set.comparator")).isEqualTo("true");
        assertThat(result.value("map.sorted")).as("a TreeMap declared Map: sorted").isEqualTo("true");
        assertThat(result.value("array.component")).isEqualTo("true");
    }

    @Test
    void unmodifiableJdkResultsStayUnmodifiable() {
        assertThat(result.value("list.of")).isEqualTo("true");
        assertThat(result.value("stream.tolist")).isEqualTo("true");
        assertThat(result.value("unmodifiable.list")).isEqualTo("true");
        assertThat(result.value("set.of")).isEqualTo("true");
        assertThat(result.value("map.of")).isEqualTo("true");
    }

    @Test
    void aBodyReturningItsArgumentReturnsTheCallersArgument() {
        assertThat(result.value("returns.argument")).isEqualTo("true");
    }

    @Test
    void chunksAllReturningThemselvesReturnTheCallersArgumentItselfAndSomeOfThemTheSequentialResult() {
        assertThat(result.value("argument.itself")).as(result.toString()).isEqualTo("true");
        assertThat(result.value("argument.partly")).isEqualTo("true");
        assertThat(warnings("trimAll")).singleElement().asString().contains("their argument")
                .contains("no longer split");
    }

    @Test
    void aBodyAnsweringNullForTheWholeListReturnsNullAsSequentially() {
        assertThat(result.value("null.some.chunks")).as(result.toString()).isEqualTo("true");
        assertThat(warnings("unlessRefused")).singleElement().asString().contains("null")
                .contains("no longer split");
    }

    @Test
    void aLinkedHashMapInAccessOrderIsNeverSplitAndKeepsItsOrder() {
        assertThat(result.value("access.order")).as("access order kept, one body run per call").isEqualTo("true");
        assertThat(warnings("recency")).singleElement().asString().contains("in access order")
                .contains("which the merge cannot rebuild");
    }

    @Test
    void aMergedHashMapIteratesAsTheSequentialOne() {
        assertThat(result.value("hashmap.order")).isEqualTo("true");
    }

    @Test
    void resultsNoMergeCanRebuildAreReturnedAsTheBodyGaveThemWithoutRunningItTwice() {
        assertThat(result.value("iterable.lambda")).as("one body run per call").isEqualTo("true");
        assertThat(result.value("custom.class")).isEqualTo("true");
        assertThat(warnings("lazy")).singleElement().asString().contains("which the merge cannot rebuild");
        assertThat(warnings("custom")).singleElement().asString().contains(HOST + "$Words");
    }

    @Test
    void chunksOfAnotherClassThanLearnedGiveTheSequentialResultAndStopTheSplitting() {
        assertThat(result.value("mismatch.result")).isEqualTo("true");
        assertThat(result.value("mismatch.then.whole")).isEqualTo("true");
        assertThat(warnings("mixed")).singleElement().asString().contains("java.util.LinkedList");
        for (String method : List.of("initials", "sorted", "reversed", "lengths", "listOf", "streamed", "wrapped",
                "setOf", "mapOf", "array", "trimmed", "byWord")) {
            assertThat(warnings(method)).as(method).isEmpty();
        }
        assertThat(result.stderr()).doesNotContain("internal failure");
    }

    private static List<String> warnings(String method) {
        return result.stderr().lines().filter(line -> line.contains("WARN") && line.contains(HOST + "." + method + "("))
                .toList();
    }
}
