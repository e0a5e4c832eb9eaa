package io.autobot.optimizer.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The cache-hit path of the arity-specialised advice ({@code hit0} to {@code hit3}): it answers
 * a plain memory hit and nothing else, and when it does not answer it has counted and changed
 * nothing, so the {@code enter} that follows does everything as before.
 */
class HitPathTest {

    private static final MethodSpec CACHED = MemoryEngine.CACHED;

    private final MemoryEngine fixture = new MemoryEngine();
    private final RuntimeSettings settings = fixture.settings;
    private final MemoryTier memory = fixture.memory;
    private final Engine engine = fixture.engine;

    static Object none() {
        return "none";
    }

    static Object one(Object a) {
        return a;
    }

    static Object two(Object a, Object b) {
        return "" + a + b;
    }

    static Object three(Object a, Object b, Object c) {
        return "" + a + b + c;
    }

    private MethodMeta register(String name) {
        Method method = Arrays.stream(HitPathTest.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        return engine.register(HitPathTest.class.getClassLoader(), TestMethods.signature(method), CACHED, "test");
    }

    /** A miss as the advice runs it after the hit path declined: enter with the array, the body, exit. */
    private void miss(MethodMeta method, Object[] frame, Object result) throws Throwable {
        assertThat(engine.enter(method.id(), HitPathTest.class, null, frame)).as("a miss runs the body").isNull();
        engine.exit(method.id(), frame, result, null);
    }

    @Test
    void aMissIsDeclinedUncountedAndAStoredCallIsServedAndCounted() throws Throwable {
        MethodMeta two = register("two");
        assertThat(engine.hit2(two.id(), null, "a", 1)).isNull();
        assertThat(two.stats().calls()).as("the declined probe counts nothing").isZero();
        assertThat(memory.statistics().misses()).isZero();
        miss(two, new Object[] {"a", 1}, "a1");
        assertThat(memory.statistics().misses()).as("the full lookup counted the miss once").isEqualTo(1);
        assertThat(engine.hit2(two.id(), null, "a", 1)).isEqualTo("a1");
        assertThat(engine.hit2(two.id(), null, "a", 2)).isNull();
        assertThat(engine.hit2(two.id(), null, "a", 1L)).as("exact class").isNull();
        assertThat(two.stats().hits()).isEqualTo(1);
        assertThat(two.stats().fastHits()).isEqualTo(1);
        assertThat(two.stats().misses()).isEqualTo(1);
        assertThat(memory.statistics().hits()).isEqualTo(1);
    }

    @Test
    void everyArityFindsWhatTheArrayPathStored() throws Throwable {
        MethodMeta none = register("none");
        MethodMeta three = register("three");
        miss(none, new Object[0], "none");
        miss(three, new Object[] {"x", null, 3}, "xnull3");
        assertThat(engine.hit0(none.id(), null)).isEqualTo("none");
        assertThat(engine.hit3(three.id(), null, "x", null, 3)).isEqualTo("xnull3");
        assertThat(engine.hit3(three.id(), null, "x", 3, null)).isNull();
    }

    @Test
    void aResultThatIsTheCallersArgumentIsTheCallersOwnAndNoArgumentIsKept() throws Throwable {
        MethodMeta one = register("one");
        String first = new String("value");
        Object[] frame = {first};
        assertThat(engine.enter(one.id(), HitPathTest.class, null, frame)).isNull();
        engine.exit(one.id(), frame, first, null); // the body returned its own argument
        String another = new String("value");
        assertThat(engine.hit1(one.id(), null, another)).as("this caller's own argument").isSameAs(another);
        assertThat(CallState.current().probe(1)).containsOnlyNulls();
        MethodMeta none = register("none");
        miss(none, new Object[0], null);
        assertThat(engine.hit0(none.id(), null)).as("a stored null").isSameAs(io.autobot.optimizer.bootstrap.Dispatcher.NULL);
    }

    @Test
    void aBypassAVerifiedMethodOrAnUnknownIdIsLeftToEnter() throws Throwable {
        MethodMeta one = register("one");
        miss(one, new Object[] {"k"}, "K");
        assertThat(engine.hit1(one.id(), null, "k")).isEqualTo("K");
        CallState.current().bypass(one.id());
        assertThat(engine.hit1(one.id(), null, "k")).as("the agent runs the body").isNull();
        assertThat(CallState.current().consumeBypass(one.id())).as("the bypass is left for enter").isTrue();
        settings.set(Setting.VERIFY, 1.0);
        assertThat(engine.hit1(one.id(), null, "k")).as("a hit to verify goes the full way").isNull();
        assertThat(engine.hit1(9_999, null, "k")).isNull();
    }

    @Test
    void anArgumentWithoutValueSemanticsIsLeftToEnter() {
        MethodMeta one = register("one");
        assertThat(engine.hit1(one.id(), null, new StringBuilder("k"))).isNull();
        assertThat(one.stats().notCacheable()).as("enter reports it, not the probe").isZero();
    }

    /** A value whose hash fails: the key cannot be made. */
    static final class FailingHash {
        @Override
        public boolean equals(Object other) {
            return other instanceof FailingHash;
        }

        @Override
        public int hashCode() {
            throw new IllegalStateException("no hash");
        }
    }

    @Test
    void aFailureIsReportedOnceAndTheCallRunsAsThePlainMethod() throws Throwable {
        MethodMeta one = register("one");
        assertThat(engine.hit1(one.id(), null, new FailingHash())).isNull();
        assertThat(one.stats().internalFailures()).isEqualTo(1);
        assertThat(engine.enter(one.id(), HitPathTest.class, null, new Object[] {new FailingHash()}))
                .as("the plain body runs").isNull();
        assertThat(one.stats().internalFailures()).as("enter does not fail it again").isEqualTo(1);
        assertThat(CallState.current().bypassing(one.id())).isFalse();
    }
}
