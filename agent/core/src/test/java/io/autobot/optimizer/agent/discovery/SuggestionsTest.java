package io.autobot.optimizer.agent.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static MethodObservation observed(String descriptor) {
        return new MethodObservation(new Sampler.Hot("com.acme.Work", "all", descriptor, 1));
    }

    /** Observed calls of lengths 2..9 costing {@code perElement} each plus {@code fixed}; results are lists. */
    private static MethodObservation listWork(String descriptor, long perElement, long fixed) {
        MethodObservation method = observed(descriptor);
        for (int length = 2; length < 10; length++) {
            method.sizeCost.add(length, fixed + length * perElement);
            method.results.increment();
            method.sequenceResults.increment();
        }
        return method;
    }

    @Test
    void suggestsParallelWhenTheCostGrowsWithTheListAndTheResultIsAList() {
        List<String> evidence = new ArrayList<>();
        assertThat(Suggestions.parallel(listWork("(Ljava/util/List;)Ljava/util/List;", 2_000_000, 50_000), evidence))
                .isTrue();
        assertThat(evidence).singleElement().asString().contains("argument 1").contains("2 to 9 elements")
                .contains("2.0 ms per element").contains("correlation 1.00");
    }

    @Test
    void findsTheListAmongOtherParametersAndArrays() {
        assertThat(MethodObservation.listArgument("(Ljava/lang/String;Ljava/util/Set;)Ljava/util/List;")).isEqualTo(1);
        assertThat(MethodObservation.listArgument("(I[J)[J")).isEqualTo(1);
        assertThat(MethodObservation.listArgument("(Ljava/lang/String;Ljava/util/Map;)Ljava/util/List;")).isEqualTo(-1);
    }

    @Test
    void noParallelWithoutEvidenceOfElementWiseWork() {
        List<String> evidence = new ArrayList<>();
        // no list parameter
        assertThat(Suggestions.parallel(listWork("(Ljava/lang/String;)Ljava/util/List;", 2_000_000, 0), evidence))
                .isFalse();
        // a total, not a list: nothing to merge in order
        MethodObservation total = listWork("(Ljava/util/List;)J", 2_000_000, 0);
        total.sequenceResults.reset();
        assertThat(Suggestions.parallel(total, evidence)).isFalse();
        // an element too cheap to be worth a worker
        assertThat(Suggestions.parallel(listWork("(Ljava/util/List;)Ljava/util/List;", 5_000, 0), evidence)).isFalse();
        // cost unrelated to the length
        MethodObservation flat = observed("(Ljava/util/List;)Ljava/util/List;");
        long[] costs = {9, 1, 8, 2, 7, 3, 6, 4};
        IntStream.range(0, costs.length).forEach(i -> {
            flat.sizeCost.add(i + 2, costs[i] * 1_000_000);
            flat.results.increment();
            flat.sequenceResults.increment();
        });
        assertThat(Suggestions.parallel(flat, evidence)).isFalse();
        // always the same length: no evidence of growth
        MethodObservation same = observed("(Ljava/util/List;)Ljava/util/List;");
        for (int i = 0; i < 8; i++) {
            same.sizeCost.add(5, 10_000_000);
            same.results.increment();
            same.sequenceResults.increment();
        }
        assertThat(Suggestions.parallel(same, evidence)).isFalse();
        assertThat(evidence).isEmpty();
    }

    @Test
    void suggestsThrottlingWhenAQuarterOfTheSamplesWaitOnTheNetwork() {
        Sampler.Hot remote = new Sampler.Hot("com.acme.Client", "fetch", "(Ljava/lang/String;)Ljava/lang/String;", 1);
        remote.samples.add(6);
        remote.nativeSamples.add(6);
        remote.remoteSamples.add(4);
        List<String> evidence = new ArrayList<>();
        assertThat(Suggestions.throttled(remote, evidence)).isTrue();
        assertThat(evidence).singleElement().asString().contains("4 samples").contains("33%");

        Sampler.Hot local = new Sampler.Hot("com.acme.Pipeline", "run", "(Ljava/lang/String;)Ljava/lang/String;", 1);
        local.samples.add(100);
        local.remoteSamples.add(4);
        assertThat(Suggestions.throttled(local, new ArrayList<>())).as("4 of 100 samples").isFalse();
    }
}
