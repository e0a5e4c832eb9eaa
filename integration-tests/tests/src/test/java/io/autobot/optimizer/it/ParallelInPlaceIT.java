package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.ParallelInPlaceHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @Parallel} methods that change their argument in place, in a child JVM: element writes
 * reach the caller's argument, and a method that is not element-wise on its argument (it adds or
 * removes elements, or the argument refuses writes) gives what it gives without the agent, with
 * one warning, and is no longer split; positions no body wrote keep what another thread wrote
 * there during the call.
 */
class ParallelInPlaceIT {

    private static final String HOST = ParallelInPlaceHost.class.getName();

    private static ChildJvm.Result result;

    @BeforeAll
    static void runHost() throws Exception {
        result = ChildJvm.of(ParallelInPlaceHost.class).withAgent("cache=memory,workers=4").timeoutSeconds(60).run();
    }

    @Test
    void elementWritesOfTheChunksReachTheCallersArgument() {
        assertThat(result.value("done")).as(result.toString()).isEqualTo("true");
        assertThat(result.value("array.written")).isEqualTo("true");
        assertThat(result.value("list.written")).isEqualTo("true");
        assertThat(result.value("list.written.changed.only")).as("set() only where an element changed").isEqualTo("true");
        assertThat(warnings("square")).isEmpty();
        assertThat(warnings("negateEven")).isEmpty();
    }

    @Test
    void aFailingChunkLeavesTheArgumentAsASequentialRunWould() {
        assertThat(result.value("array.failed.thrown")).isEqualTo("ArithmeticException");
        assertThat(result.value("array.failed.written")).isEqualTo("true");
        assertThat(warnings("invert")).isEmpty();
    }

    @Test
    void aMethodThatIsNotElementWiseOnItsArgumentGivesTheSequentialOutcomeAndIsNoLongerSplit() {
        assertThat(result.value("unmodifiable.write.thrown")).isEqualTo("UnsupportedOperationException");
        assertThat(result.value("unmodifiable.add.thrown")).isEqualTo("UnsupportedOperationException");
        assertThat(result.value("resized.result")).isEqualTo("true");
        assertThat(result.value("resized.again")).isEqualTo("true");
        assertThat(result.value("set.removed")).isEqualTo("true");
        assertThat(warnings("upper")).singleElement().asString().contains("refused the element writes")
                .contains("no longer split");
        assertThat(warnings("addOne")).singleElement().asString().contains("added or removed elements");
        assertThat(warnings("append")).singleElement().asString().contains("added or removed elements");
        assertThat(warnings("dropNegatives")).singleElement().asString().contains("added or removed elements");
        assertThat(result.stderr()).doesNotContain("\tat ");
    }

    @Test
    void aWriteAnotherThreadMakesToTheArgumentDuringAReadOnlyCallStays() {
        assertThat(result.value("concurrent.list.kept")).as(result.toString()).isEqualTo("true");
        assertThat(result.value("concurrent.array.kept")).isEqualTo("true");
        assertThat(warnings("readAll")).isEmpty();
        assertThat(warnings("readAllOf")).isEmpty();
    }

    private static List<String> warnings(String method) {
        return result.stderr().lines().filter(line -> line.contains("WARN") && line.contains(HOST + "." + method + "("))
                .toList();
    }
}
