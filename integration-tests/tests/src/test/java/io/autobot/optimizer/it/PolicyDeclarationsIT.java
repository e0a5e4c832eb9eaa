package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.DeclarationsHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wrong policy declarations: one clear line each, naming the method, and the method runs as written. */
class PolicyDeclarationsIT {

    private static ChildJvm.Result result;

    @BeforeAll
    static void runHost() throws Exception {
        result = ChildJvm.of(DeclarationsHost.class).withAgent("cache=memory").run();
    }

    @Test
    void everyMethodRunsUnoptimizedWithItsOwnResult() {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("correct")).as(result.toString()).isEqualTo("true");
    }

    @Test
    void eachWrongDeclarationIsReportedOnceNamingTheMethodAndWhatIsWrong() {
        String host = DeclarationsHost.class.getName();
        List<String> expected = List.of(
                host + ".nothingToSplit(java.lang.String): @Parallel has nothing to split",
                host + ".wrongArgument(java.util.List): @Parallel(argument = \"names\") names no parameter",
                host + ".missingVia(java.lang.String): @Batched(via = \"missingAll\"): " + host
                        + " declares no method missingAll",
                host + ".wrongShape(java.lang.String): @Batched(via = \"wrongShapeAll\") has the wrong shape",
                host + ".negativeRate(int): @RateLimited(perSecond = -5.0) is not accepted",
                host + ".unparsableTimeout(int): @Timeout(value = \"soon\") is not accepted");
        for (String line : expected) {
            assertThat(result.stderr().lines().filter(l -> l.contains(line) && l.endsWith("the method runs unoptimized")))
                    .as("one line for: " + line + "\n" + result.stderr()).hasSize(1);
        }
    }
}
