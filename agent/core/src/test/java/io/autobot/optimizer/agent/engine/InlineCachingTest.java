package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.call.MethodMeta;
import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.policy.timeout.TimeoutPolicyProvider;
import io.autobot.optimizer.bootstrap.Dispatcher;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine as the advice drives it: {@code enter} on a miss of a method that only caches lets
 * the body run in place, and {@code exit} stores what it returned. A method with other policies
 * runs nested in them, within a bound.
 */
class InlineCachingTest {

    private static final MethodSpec CACHED = new MethodSpec(null, new MethodSpec.Cached(""), null, null, null, null);
    private static final MethodSpec TIMED = new MethodSpec(null, new MethodSpec.Cached(""), null, null, null,
            new MethodSpec.Timeout("5m", false, ""));

    private final FailOpen failOpen = new FailOpen();
    private final RuntimeSettings settings = RuntimeSettings.defaults();
    private final TimeoutPolicyProvider timeouts = new TimeoutPolicyProvider(settings);
    private final Engine engine = new Engine(settings,
            new ResultCache(new MemoryTier(10_000), CacheStrategy.MEMORY, null, failOpen), List.of(timeouts), failOpen);

    static Engine current;
    static int timedId;

    @AfterEach
    void close() {
        timeouts.close();
    }

    static Object square(Object n) {
        return (Integer) n * (Integer) n;
    }

    /** A timed recursion that goes through the engine at every level, as its inlined advice would. */
    static Object timedDepth(Object n) throws Throwable {
        Object provided = current.enter(timedId, InlineCachingTest.class, null, new Object[] {n});
        if (provided != null) {
            return Dispatcher.unwrap(provided);
        }
        int k = (Integer) n;
        return k == 0 ? 0 : 1 + (Integer) timedDepth(k - 1);
    }

    private MethodMeta register(String name, MethodSpec spec) {
        Method method = java.util.Arrays.stream(InlineCachingTest.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        return engine.register(InlineCachingTest.class.getClassLoader(), TestMethods.signature(method), spec, "test");
    }

    private Object enter(MethodMeta method, Object[] frame) throws Throwable {
        return engine.enter(method.id(), InlineCachingTest.class, null, frame);
    }

    @Test
    void aMissRunsTheBodyInPlaceAndItsExitStoresTheResult() throws Throwable {
        MethodMeta square = register("square", CACHED);
        Object[] frame = {3};
        assertThat(enter(square, frame)).as("the body runs in the caller's frame").isNull();
        engine.exit(square.id(), frame, 9, null);
        assertThat(enter(square, new Object[] {3})).isEqualTo(9);
        assertThat(square.stats().misses()).isEqualTo(1);
        assertThat(square.stats().hits()).isEqualTo(1);
    }

    @Test
    void nestedMissesAreEachStoredAsTheirBodiesReturn() throws Throwable {
        MethodMeta square = register("square", CACHED);
        Object[][] frames = {{1}, {2}, {3}};
        for (Object[] frame : frames) {
            assertThat(enter(square, frame)).isNull();
        }
        for (int i = frames.length - 1; i >= 0; i--) {
            engine.exit(square.id(), frames[i], (i + 1) * (i + 1), null);
        }
        for (int i = 1; i <= 3; i++) {
            assertThat(enter(square, new Object[] {i})).isEqualTo(i * i);
        }
    }

    @Test
    void aBodysExceptionIsNotStoredAndCountsAsAFailedCall() throws Throwable {
        MethodMeta square = register("square", CACHED);
        Object[] frame = {4};
        assertThat(enter(square, frame)).isNull();
        engine.exit(square.id(), frame, null, new IllegalStateException("the body's"));
        Object[] again = {4};
        assertThat(enter(square, again)).as("a miss again").isNull();
        engine.exit(square.id(), again, 16, null);
        assertThat(square.stats().errors()).isEqualTo(1);
        assertThat(enter(square, new Object[] {4})).isEqualTo(16);
    }

    @Test
    void theExitOfAnotherFrameStoresNothing() throws Throwable {
        MethodMeta square = register("square", CACHED);
        Object[] frame = {5};
        assertThat(enter(square, frame)).isNull();
        engine.exit(square.id(), new Object[] {5}, 99, null); // a frame the engine let run without a miss
        assertThat(enter(square, new Object[] {5})).isNull();
        engine.exit(square.id(), frame, 25, null);
        assertThat(enter(square, new Object[] {5})).isEqualTo(25);
        assertThat(failOpen.count()).isZero();
    }

    @Test
    void aNullResultIsStoredAndServedAsNull() throws Throwable {
        MethodMeta square = register("square", CACHED);
        Object[] frame = {6};
        assertThat(enter(square, frame)).isNull();
        engine.exit(square.id(), frame, null, null);
        assertThat(enter(square, new Object[] {6})).isSameAs(Dispatcher.NULL);
    }

    @Test
    void aRecursionThroughOtherPoliciesRunsItsDeeperLevelsPlainAndDoesNotOverflow() throws Exception {
        MethodMeta timed = register("timedDepth", TIMED);
        current = engine;
        timedId = timed.id();
        Object[] result = new Object[1];
        // about 20 of the agent's frames per nested level: 2 000 nested levels would need several MB; a
        // default 1 MB stack holds 2 000 plain levels with room to spare (512 KB did not, always)
        Thread deep = new Thread(null, () -> {
            try {
                result[0] = timedDepth(2_000);
            } catch (Throwable t) {
                result[0] = t;
            }
        }, "deep", 1024 * 1024);
        deep.start();
        deep.join();
        assertThat(result[0]).isEqualTo(2_000);
        assertThat(failOpen.count()).isZero();
    }
}
