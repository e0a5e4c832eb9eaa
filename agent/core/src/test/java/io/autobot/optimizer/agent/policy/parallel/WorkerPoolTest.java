package io.autobot.optimizer.agent.policy.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.engine.TestMethods;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    private final RuntimeSettings settings = RuntimeSettings.defaults();
    private final WorkerPool pool = new WorkerPool(settings);
    private final ParallelPolicyProvider provider = new ParallelPolicyProvider(settings, pool);

    @AfterEach
    void stopPool() {
        pool.shutdown();
    }

    static List<Integer> squares(List<Integer> values) {
        return values.stream().map(v -> v * v).toList();
    }

    private void register() {
        provider.create(TestMethods.meta(WorkerPoolTest.class, "squares",
                new MethodSpec(null, null, new MethodSpec.Parallel(2, "", false), null, null, null)));
    }

    @Test
    void theFirstSplitIsPreparedWhenTheFirstParallelMethodIsRegisteredWhileCallsAreSplit() {
        settings.set(Setting.PARALLEL, false);
        register();
        assertThat(pool.warmUpStarted()).as("not split: nothing to prepare").isFalse();
        settings.set(Setting.PARALLEL, true);
        register();
        assertThat(pool.warmUpStarted()).isTrue();
    }

    @Test
    void preparingTheFirstSplitStartsNoWorker() throws InterruptedException {
        register();
        register();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("autobot-parallel-warmup")) {
                thread.join(10_000);
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("autobot-parallel-warmup"));
        assertThat(pool.liveWorkers()).isZero();
    }
}
