package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.ParallelLocksHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @Parallel} bodies that need a lock their caller holds never hang the host: a synchronized
 * method is never split. One child JVM per case, each bounded at 30 s.
 */
class ParallelLocksIT {

    private static ChildJvm.Result host(String section) throws Exception {
        return ChildJvm.of(ParallelLocksHost.class).withAgent("cache=memory,workers=4").args(section)
                .timeoutSeconds(30).run();
    }

    @Test
    void aSynchronizedMethodIsNeverSplitWithOneWarning() throws Exception {
        ChildJvm.Result synchronizedMethod = host("synchronized");
        assertThat(synchronizedMethod.value("done")).as(synchronizedMethod.toString()).isEqualTo("true");
        assertThat(synchronizedMethod.value("synchronized.right")).isEqualTo("true");
        assertThat(synchronizedMethod.value("synchronized.caller.only")).isEqualTo("true");
        assertThat(Long.parseLong(synchronizedMethod.value("synchronized.ms"))).isLessThan(5_000);
        assertThat(warnings(synchronizedMethod, "ParallelLocksHost.doubled(java.util.List)")).singleElement()
                .asString().contains("synchronized");
    }

    private static List<String> warnings(ChildJvm.Result result, String method) {
        return result.stderr().lines().filter(line -> line.contains("WARN") && line.contains(method)).toList();
    }
}
