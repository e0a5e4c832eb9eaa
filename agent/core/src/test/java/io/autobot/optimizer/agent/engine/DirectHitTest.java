package io.autobot.optimizer.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.bootstrap.Dispatcher;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hit of a method keyed by its one argument, found by the argument alone (no per-thread
 * state): it serves exactly what the thread's own path serves, counts exactly as it does (once,
 * in the method's hits and the memory tier's), keys as strictly, and steps aside whenever a thread
 * has a bypass pending or a deep stack of bodies.
 */
class DirectHitTest {

    private static final MethodSpec CACHED = MemoryEngine.CACHED;

    private final MemoryEngine fixture = new MemoryEngine();
    private final RuntimeSettings settings = fixture.settings;
    private final MemoryTier memory = fixture.memory;
    private final Engine engine = fixture.engine;

    enum Planet { EARTH, MARS }

    static Object one(Object a) {
        return a;
    }

    static Object other(Object a) {
        return a;
    }

    Object instance(Object a) {
        return a;
    }

    /** A service object without state: its class stands for it in the key. */
    static class Service {
        Object service(Object a) {
            return a;
        }
    }

    /** Another stateless class whose calls are not {@link Service}'s. */
    static class SpecialService extends Service {
    }

    private MethodMeta registerService() {
        Method method = Arrays.stream(Service.class.getDeclaredMethods())
                .filter(m -> m.getName().equals("service")).findFirst().orElseThrow();
        return engine.register(Service.class.getClassLoader(), TestMethods.signature(method), CACHED, "test");
    }

    @AfterEach
    void gateIsLeftOpen() {
        assertThat(HitGate.open()).as("a test left a bypass or a deep stack behind").isTrue();
    }

    private MethodMeta register(String name) {
        Method method = Arrays.stream(DirectHitTest.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        return engine.register(DirectHitTest.class.getClassLoader(), TestMethods.signature(method), CACHED, "test");
    }

    private void miss(MethodMeta method, Object arg, Object result) throws Throwable {
        Object[] frame = {arg};
        assertThat(engine.enter(method.id(), DirectHitTest.class, null, frame)).as("a miss runs the body").isNull();
        engine.exit(method.id(), frame, result, null);
    }

    @Test
    void aStoredCallIsServedByItsArgumentAndCountedOnceAsTheLongWayCountsIt() throws Throwable {
        MethodMeta one = register("one");
        miss(one, "a", "A");
        assertThat(engine.hit1(one.id(), null, new String("a"))).isEqualTo("A");
        assertThat(engine.hit1(one.id(), null, "b")).isNull();
        fixture.assertOneMissThenOneHitByTheArgument(one);
        one.stats().reset();
        assertThat(one.stats().fastHits()).as("the report's reset").isZero();
        assertThat(memory.statistics().hits()).as("the tier's count is not the report's").isEqualTo(1);
    }

    @Test
    void theArgumentIsKeyedByItsExactClass() throws Throwable {
        MethodMeta one = register("one");
        miss(one, 1, "int");
        assertThat(engine.hit1(one.id(), null, 1L)).isNull();
        assertThat(engine.hit1(one.id(), null, (short) 1)).isNull();
        assertThat(engine.hit1(one.id(), null, 1.0)).isNull();
        assertThat(engine.hit1(one.id(), null, "1")).isNull();
        assertThat(engine.hit1(one.id(), null, 1)).isEqualTo("int");
        miss(one, 0.0, "zero");
        assertThat(engine.hit1(one.id(), null, -0.0)).as("Double's equals: -0.0 is not 0.0").isNull();
        miss(one, Double.NaN, "nan");
        assertThat(engine.hit1(one.id(), null, Double.NaN)).isEqualTo("nan");
        miss(one, Planet.EARTH, "earth");
        assertThat(engine.hit1(one.id(), null, Planet.EARTH)).isEqualTo("earth");
        assertThat(engine.hit1(one.id(), null, Planet.MARS)).isNull();
        assertThat(one.stats().directHitsTotal()).isEqualTo(3);
    }

    @Test
    void twoMethodsNeverShareAnEntry() throws Throwable {
        MethodMeta one = register("one");
        MethodMeta other = register("other");
        miss(one, "k", "one's");
        assertThat(engine.hit1(other.id(), null, "k")).isNull();
        assertThat(engine.hit1(one.id(), null, "k")).isEqualTo("one's");
    }

    @Test
    void aResultThatIsTheArgumentIsTheCallersOwnAndANullIsServedAsNull() throws Throwable {
        MethodMeta one = register("one");
        String first = new String("value");
        miss(one, first, first);
        String another = new String("value");
        assertThat(engine.hit1(one.id(), null, another)).isSameAs(another);
        miss(one, "nothing", null);
        assertThat(engine.hit1(one.id(), null, "nothing")).isSameAs(Dispatcher.NULL);
        assertThat(one.stats().directHitsTotal()).isEqualTo(2);
    }

    @Test
    void aPendingBypassOrADeepStackOfBodiesSendsTheHitTheThreadsWay() throws Throwable {
        MethodMeta one = register("one");
        miss(one, "k", "K");
        CallState state = CallState.current();
        state.bypass(one.id());
        assertThat(HitGate.open()).isFalse();
        assertThat(engine.hit1(one.id(), null, "k")).as("the agent runs the body").isNull();
        assertThat(state.consumeBypass(one.id())).isTrue();
        assertThat(HitGate.open()).isTrue();
        Object[][] frames = new Object[StackHeadroom.CHECKED_FROM][];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new Object[] {i};
            state.pending().push(new InlineCall(frames[i], one, null, 0));
        }
        assertThat(HitGate.open()).isFalse();
        long before = one.stats().directHitsTotal();
        assertThat(engine.hit1(one.id(), null, "k")).as("checked on the thread's way").isNull();
        assertThat(one.stats().directHitsTotal()).isEqualTo(before);
        for (int i = frames.length - 1; i >= 0; i--) {
            assertThat(state.pending().pop(frames[i])).isNotNull();
            assertThat(HitGate.open()).as("depth %d", i).isEqualTo(i < StackHeadroom.CHECKED_FROM);
        }
        assertThat(engine.hit1(one.id(), null, "k")).isEqualTo("K");
    }

    @Test
    void aBypassAnotherThreadHoldsOnlySendsThisThreadsHitsTheLongWay() throws Throwable {
        MethodMeta one = register("one");
        miss(one, "k", "K");
        Thread holder = new Thread(() -> CallState.current().bypass(one.id()));
        holder.start();
        holder.join(TimeUnit.SECONDS.toMillis(10));
        // the other thread ended with its bypass set (it never called the method): hits still serve
        assertThat(engine.hit1(one.id(), null, "k")).isEqualTo("K");
        assertThat(one.stats().directHitsTotal()).as("the long way, not the direct one").isZero();
        assertThat(one.stats().fastHits()).isEqualTo(1);
        HitGate.release(); // what the ended thread's bypass held
    }

    @Test
    void aClearedOrEvictedEntryIsNotServedAndAStoreIndexesItAgain() throws Throwable {
        MethodMeta one = register("one");
        miss(one, "k", "K");
        engine.clearCache();
        assertThat(engine.hit1(one.id(), null, "k")).isNull();
        miss(one, "k", "K2");
        assertThat(engine.hit1(one.id(), null, "k")).isEqualTo("K2");
        engine.clearCache(one.operation());
        assertThat(engine.hit1(one.id(), null, "k")).isNull();
        assertThat(one.stats().directHitsTotal()).isEqualTo(1);
    }

    @Test
    void aMethodRegisteredAgainFindsTheEntriesStoredBeforeTheLongWayThenByItsArgument() throws Throwable {
        MethodMeta first = register("one");
        miss(first, "k", "K");
        MethodMeta again = register("one");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(engine.hit1(again.id(), null, "k")).isEqualTo("K");
        assertThat(again.stats().directHitsTotal()).as("its fresh index did not hold the call").isZero();
        assertThat(engine.hit1(again.id(), null, "k")).isEqualTo("K");
        assertThat(again.stats().directHitsTotal()).as("indexed by the first hit").isEqualTo(1);
        assertThat(again.stats().hits()).isEqualTo(2);
        assertThat(memory.statistics().hits()).isEqualTo(2);
    }

    @Test
    void anInstanceMethodWhoseKeyHoldsItsReceiverIsNotServedByItsArgument() throws Throwable {
        MethodMeta instance = register("instance");
        Object[] frame = {"k"};
        assertThat(engine.enter(instance.id(), DirectHitTest.class, this, frame)).isNull();
        engine.exit(instance.id(), frame, "K", null);
        assertThat(engine.hit1(instance.id(), this, "k")).isEqualTo("K");
        assertThat(engine.hit1(instance.id(), new DirectHitTest(), "k")).as("another receiver").isNull();
        assertThat(instance.stats().directHitsTotal()).isZero();
    }

    @Test
    void aStatelessReceiversCallIsServedByItsArgumentAndItsClassOnly() throws Throwable {
        MethodMeta service = registerService();
        Object[] frame = {"k"};
        assertThat(engine.enter(service.id(), Service.class, new Service(), frame)).isNull();
        engine.exit(service.id(), frame, "plain", null);
        assertThat(engine.hit1(service.id(), new Service(), "k")).as("another instance, the same class").isEqualTo("plain");
        assertThat(service.stats().directHitsTotal()).isEqualTo(1);
        assertThat(engine.hit1(service.id(), new SpecialService(), "k")).as("another class").isNull();
        Object[] special = {"k"};
        assertThat(engine.enter(service.id(), Service.class, new SpecialService(), special)).isNull();
        engine.exit(service.id(), special, "special", null);
        assertThat(engine.hit1(service.id(), new SpecialService(), "k")).isEqualTo("special");
        assertThat(engine.hit1(service.id(), new Service(), "k")).isEqualTo("plain");
        assertThat(service.stats().hits()).isEqualTo(3);
        assertThat(memory.statistics().hits()).isEqualTo(3);
    }

    @Test
    void aMutableResultIsServedByTheArgumentAsAFreshCopy() throws Throwable {
        MethodMeta one = register("one");
        ArrayList<Object> result = new ArrayList<>(List.of("a"));
        miss(one, "k", result);
        Object first = engine.hit1(one.id(), null, "k");
        assertThat(first).isEqualTo(List.of("a")).isNotSameAs(result);
        assertThat(engine.hit1(one.id(), null, "k")).isEqualTo(first).isNotSameAs(first);
        assertThat(one.stats().directHitsTotal()).isEqualTo(2);
    }

    @Test
    void theBridgesHandleServesAndCountsExactlyAsTheEnginesPath() throws Throwable {
        MemoryEngine bridged = new MemoryEngine();
        MethodMeta direct = register("one");
        Method method = Arrays.stream(DirectHitTest.class.getDeclaredMethods())
                .filter(m -> m.getName().equals("one")).findFirst().orElseThrow();
        Dispatcher.install(bridged.engine);
        try {
            MethodMeta handled = bridged.engine.register(DirectHitTest.class.getClassLoader(),
                    TestMethods.signature(method), CACHED, "test");
            assertThat(Dispatcher.hitHandle(handled.id())).as("published for the installed engine").isNotNull();
            String argument = new String("arg");
            Object[] stored = {"k", "K", 1, "int", Planet.MARS, null, argument, argument, "list", new ArrayList<>(List.of(1))};
            for (int i = 0; i < stored.length; i += 2) {
                Object[] a = {stored[i]};
                assertThat(engine.enter(direct.id(), DirectHitTest.class, null, a)).isNull();
                engine.exit(direct.id(), a, stored[i + 1], null);
                Object[] b = {stored[i]};
                assertThat(bridged.engine.enter(handled.id(), DirectHitTest.class, null, b)).isNull();
                bridged.engine.exit(handled.id(), b, stored[i + 1], null);
            }
            Object[] calls = {"k", new String("k"), 1, 1L, Planet.MARS, Planet.EARTH, new String("arg"), "list", "none", -0.0};
            for (Object call : calls) {
                Object viaEngine = engine.hit1(direct.id(), null, call);
                Object viaBridge = Dispatcher.hit1(handled.id(), null, call);
                assertThat(viaBridge).as("%s", call).isEqualTo(viaEngine);
                if (viaEngine == call) {
                    assertThat(viaBridge).as("the caller's own argument").isSameAs(call);
                }
            }
            assertThat(handled.stats().directHitsTotal()).isEqualTo(direct.stats().directHitsTotal()).isEqualTo(6);
            assertThat(handled.stats().hits()).isEqualTo(direct.stats().hits());
            assertThat(handled.stats().misses()).isEqualTo(direct.stats().misses());
            assertThat(handled.stats().calls()).isEqualTo(direct.stats().calls());
            assertThat(bridged.memory.statistics().hits()).isEqualTo(memory.statistics().hits());
            assertThat(bridged.memory.statistics().misses()).isEqualTo(memory.statistics().misses());
        } finally {
            Dispatcher.reset();
        }
    }
}
