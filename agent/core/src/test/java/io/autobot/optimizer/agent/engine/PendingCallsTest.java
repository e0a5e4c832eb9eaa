package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.call.MethodMeta;
import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.cache.CallKey;
import io.autobot.optimizer.agent.cache.LoadTerms;
import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.cache.PendingLoad;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.config.CacheStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-thread stack of cached calls whose bodies run in the host's own frames. */
class PendingCallsTest {

    private final MethodMeta method = TestMethods.cached("pending");
    private final ResultCache cache = new ResultCache(new MemoryTier(100), CacheStrategy.MEMORY, null, new FailOpen());
    private final PendingCalls calls = new PendingCalls();

    private InlineCall call(Object[] frame) {
        Object started = cache.begin(CallKey.of(method, frame),
                new LoadTerms(Duration.ofMinutes(1), 1 << 20, method.stats(), 0));
        return new InlineCall(frame, method, (PendingLoad) started, System.nanoTime());
    }

    @Test
    void eachExitTakesOffTheCallOfItsOwnFrameLastInFirstOut() {
        List<InlineCall> pushed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            InlineCall call = call(new Object[] {i});
            pushed.add(call);
            calls.push(call);
        }
        for (int i = 4; i >= 0; i--) {
            assertThat(calls.pop(pushed.get(i).frame())).isSameAs(pushed.get(i));
        }
        assertThat(calls.size()).isZero();
    }

    @Test
    void theExitOfAFrameThatPushedNothingFindsNothingAndChangesNothing() {
        InlineCall call = call(new Object[] {"a"});
        calls.push(call);
        assertThat(calls.pop(new Object[] {"a"})).as("an equal array is another frame's").isNull();
        assertThat(calls.size()).isEqualTo(1);
        assertThat(calls.pop(call.frame())).isSameAs(call);
    }

    @Test
    void callsWhoseExitNeverCameAreTakenOffAndAbandonedByTheNextOuterExit() throws Exception {
        InlineCall outer = call(new Object[] {"outer"});
        calls.push(outer);
        calls.push(call(new Object[] {"lost-1"}));
        calls.push(call(new Object[] {"lost-2"}));
        assertThat(calls.pop(outer.frame())).isSameAs(outer);
        assertThat(calls.size()).isZero();
        // the abandoned calls' keys are free: another thread's call of one becomes its owner at once
        Thread other = new Thread(() -> {
            Object started = cache.begin(CallKey.of(method, new Object[] {"lost-1"}),
                    new LoadTerms(Duration.ofMinutes(1), 1 << 20, method.stats(), 0));
            ((PendingLoad) started).abandon();
        });
        other.start();
        other.join();
        assertThat(cache.flightStatistics().waits()).as("it never waited").isZero();
    }

    @Test
    void aStackThatGrewDeepIsGivenBackOnceEmpty() {
        List<InlineCall> pushed = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            InlineCall call = new InlineCall(new Object[] {i}, method, null, 0);
            pushed.add(call);
            calls.push(call);
        }
        assertThat(calls.capacity()).isGreaterThanOrEqualTo(10_000);
        for (int i = pushed.size() - 1; i >= 0; i--) {
            assertThat(calls.pop(pushed.get(i).frame())).isSameAs(pushed.get(i));
        }
        assertThat(calls.capacity()).as("no host object is held by a slot").isLessThanOrEqualTo(64);
    }
}
