package io.autobot.optimizer.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.cache.CachingPolicy;
import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.bootstrap.Dispatcher;
import io.autobot.optimizer.bootstrap.HitHandle;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hit handle a method served by its one argument gets in the bridge ({@link DirectHit}): the
 * bridge's {@code hit1} asks it first. It is published for exactly the methods the engine's own
 * hit by the argument serves, answers and counts as that path does, and is made again or taken
 * away whenever what it holds or assumes changes; the bridge drops them all on install and reset.
 */
class HitHandleTest {

    private static final MethodSpec CACHED = MemoryEngine.CACHED;

    private final MemoryEngine fixture = new MemoryEngine();
    private final RuntimeSettings settings = fixture.settings;
    private final MemoryTier memory = fixture.memory;
    private final Engine engine = fixture.engine;

    static Object one(Object a) {
        return a;
    }

    static Object two(Object a, Object b) {
        return a;
    }

    static Object listed(Object a) {
        return a;
    }

    static void nothing(Object a) {
    }

    static Object plain(Object a) {
        return a;
    }

    static Object verified(Object a) {
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

    @BeforeEach
    void installed() {
        Dispatcher.install(engine);
    }

    @AfterEach
    void detached() {
        Dispatcher.reset();
        assertThat(HitGate.open()).as("a test left a bypass or a deep stack behind").isTrue();
    }

    private MethodMeta register(String name) {
        return register(name, CACHED);
    }

    private MethodMeta register(String name, MethodSpec spec) {
        return register(HitHandleTest.class, name, spec);
    }

    private MethodMeta register(Class<?> type, String name, MethodSpec spec) {
        Method method = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        return engine.register(type.getClassLoader(), TestMethods.signature(method), spec, "test");
    }

    private static MethodSpec cached(String scope, boolean storeByValue, String verify) {
        return new MethodSpec(null, new MethodSpec.Cached("", scope, false, storeByValue, verify), null, null, null, null);
    }

    private void miss(MethodMeta method, Object self, Object arg, Object result) throws Throwable {
        Object[] frame = {arg};
        assertThat(engine.enter(method.id(), HitHandleTest.class, self, frame)).as("a miss runs the body").isNull();
        engine.exit(method.id(), frame, result, null);
    }

    private CachingPolicy caching(MethodMeta method) {
        return engine.registry().route(method.id()).pipeline().caching();
    }

    private static DirectHit handle(MethodMeta method) {
        HitHandle handle = Dispatcher.hitHandle(method.id());
        return handle instanceof DirectHit direct ? direct : null;
    }

    @Test
    void aMethodServedByItsOneArgumentHasAHandleAndNoOtherDoes() {
        MethodMeta one = register("one");
        MethodMeta two = register("two");
        MethodMeta nothing = register("nothing");
        MethodMeta uncached = register("plain", new MethodSpec(null, null, null, null, null, null));
        MethodMeta verified = register("verified", cached(MethodSpec.Cached.INSTANCE, true, "0.5"));
        MethodMeta service = register(Service.class, "service", CACHED);
        assertThat(handle(one)).isNotNull();
        assertThat(handle(one).method()).isSameAs(one);
        assertThat(handle(service)).as("its receiver is checked per key").isNotNull();
        assertThat(Dispatcher.hitHandle(two.id())).as("two arguments").isNull();
        assertThat(Dispatcher.hitHandle(nothing.id())).as("void: not cached").isNull();
        assertThat(Dispatcher.hitHandle(uncached.id())).as("not cached").isNull();
        assertThat(Dispatcher.hitHandle(verified.id())).as("its hits are verified").isNull();
        assertThat(Dispatcher.hitHandle(-1)).isNull();
        assertThat(Dispatcher.hitHandle(1_000_000)).isNull();
    }

    @Test
    void aHitThroughTheHandleServesAndCountsAsTheEnginesHitByTheArgument() throws Throwable {
        MethodMeta one = register("one");
        miss(one, null, "a", "A");
        assertThat(Dispatcher.hit1(one.id(), null, new String("a"))).isEqualTo("A");
        assertThat(Dispatcher.hit1(one.id(), null, "b")).as("a miss: the bridge asks the engine, which declines").isNull();
        assertThat(Dispatcher.hit1(one.id(), null, 1)).isNull();
        fixture.assertOneMissThenOneHitByTheArgument(one);
        assertThat(engine.hit1(one.id(), null, "a")).as("the engine's own path").isEqualTo("A");
        assertThat(one.stats().directHitsTotal()).isEqualTo(2);
        assertThat(memory.statistics().hits()).isEqualTo(2);
        one.stats().reset();
        assertThat(one.stats().fastHits()).as("the report's reset").isZero();
        assertThat(memory.statistics().hits()).as("the tier's count is not the report's").isEqualTo(2);
    }

    @Test
    void theHandleAnswersNullWhereTheEnginesPathWouldAndChangesNothing() throws Throwable {
        MethodMeta one = register("one");
        miss(one, null, "k", "K");
        HitHandle handle = Dispatcher.hitHandle(one.id());
        assertThat(handle.hit(null, "other")).isNull();
        assertThat(handle.hit(null, List.of("k"))).as("not a JDK final value").isNull();
        assertThat(handle.hit(null, null)).isNull();
        CallState state = CallState.current();
        state.bypass(one.id());
        assertThat(handle.hit(null, "k")).as("a bypass is pending").isNull();
        assertThat(Dispatcher.hit1(one.id(), null, "k")).as("the agent runs the body").isNull();
        assertThat(state.consumeBypass(one.id())).isTrue();
        assertThat(one.stats().directHitsTotal()).isZero();
        assertThat(one.stats().hits()).isZero();
        assertThat(handle.hit(null, "k")).isEqualTo("K");
    }

    @Test
    void aStatelessReceiversCallIsServedByItsClassOnly() throws Throwable {
        MethodMeta service = register(Service.class, "service", CACHED);
        miss(service, new Service(), "k", "plain");
        assertThat(Dispatcher.hit1(service.id(), new Service(), "k")).isEqualTo("plain");
        assertThat(handle(service).hit(new SpecialService(), "k")).as("another class").isNull();
        assertThat(handle(service).hit(null, "k")).as("no receiver").isNull();
        miss(service, new SpecialService(), "k", "special");
        assertThat(Dispatcher.hit1(service.id(), new SpecialService(), "k")).isEqualTo("special");
        assertThat(Dispatcher.hit1(service.id(), new Service(), "k"))
                .as("the index holds the other class's call: the engine's path").isEqualTo("plain");
        assertThat(service.stats().directHitsTotal()).isEqualTo(2);
        assertThat(service.stats().hits()).isEqualTo(3);
        assertThat(memory.statistics().hits()).isEqualTo(3);
    }

    @Test
    void aMethodKeyedByItsArgumentsOnlyIsServedWhateverItsReceiver() throws Throwable {
        MethodMeta service = register(Service.class, "service", cached(MethodSpec.Cached.ARGUMENTS, true, ""));
        miss(service, new Service(), "k", "K");
        assertThat(Dispatcher.hit1(service.id(), new SpecialService(), "k")).isEqualTo("K");
        assertThat(service.stats().directHitsTotal()).isEqualTo(1);
    }

    @Test
    void aResultStoredByValueIsServedAsAFreshCopyEachTime() throws Throwable {
        MethodMeta listed = register("listed");
        List<Object> nested = new ArrayList<>(List.of("x"));
        ArrayList<Object> result = new ArrayList<>(List.of("a", nested));
        miss(listed, null, "k", result);
        Object first = Dispatcher.hit1(listed.id(), null, "k");
        Object second = Dispatcher.hit1(listed.id(), null, "k");
        assertThat(first).isEqualTo(result).isNotSameAs(result).isNotSameAs(second);
        @SuppressWarnings("unchecked")
        List<Object> changed = (List<Object>) first;
        changed.add("changed by a caller");
        ((List<Object>) changed.get(1)).add("nested change");
        assertThat(Dispatcher.hit1(listed.id(), null, "k")).isEqualTo(List.of("a", List.of("x")));
        int[] array = {1, 2};
        miss(listed, null, "array", array);
        Object served = Dispatcher.hit1(listed.id(), null, "array");
        assertThat(served).isInstanceOf(int[].class).isNotSameAs(array);
        assertThat((int[]) served).containsExactly(1, 2);
        assertThat(listed.stats().directHitsTotal()).isEqualTo(4);
    }

    @Test
    void aResultStoredAsItIsIsServedAsItIsAndOneThatIsTheArgumentIsTheCallersOwn() throws Throwable {
        MethodMeta listed = register("listed", cached(MethodSpec.Cached.INSTANCE, false, ""));
        ArrayList<Object> result = new ArrayList<>(List.of("a"));
        miss(listed, null, "k", result);
        assertThat(Dispatcher.hit1(listed.id(), null, "k")).as("storeByValue = false").isSameAs(result);
        MethodMeta one = register("one");
        String first = new String("value");
        miss(one, null, first, first);
        String another = new String("value");
        assertThat(Dispatcher.hit1(one.id(), null, another)).isSameAs(another);
        miss(one, null, "nothing", null);
        assertThat(Dispatcher.hit1(one.id(), null, "nothing")).isSameAs(Dispatcher.NULL);
    }

    @Test
    void clearingTheCacheMakesTheHandleAgainAndItsEntriesAreGone() throws Throwable {
        MethodMeta one = register("one");
        miss(one, null, "k", "K");
        HitHandle before = Dispatcher.hitHandle(one.id());
        engine.clearCache();
        assertThat(Dispatcher.hitHandle(one.id())).isNotNull().isNotSameAs(before);
        assertThat(Dispatcher.hit1(one.id(), null, "k")).isNull();
        miss(one, null, "k", "K2");
        assertThat(Dispatcher.hit1(one.id(), null, "k")).isEqualTo("K2");
        HitHandle cleared = Dispatcher.hitHandle(one.id());
        engine.clearCache(one.operation());
        assertThat(Dispatcher.hitHandle(one.id())).isNotNull().isNotSameAs(cleared);
        assertThat(Dispatcher.hit1(one.id(), null, "k")).isNull();
        assertThat(one.stats().directHitsTotal()).isEqualTo(1);
    }

    @Test
    void verificationTakesTheHandleAwayWhileItIsOn() throws Throwable {
        MethodMeta one = register("one");
        miss(one, null, "k", "K");
        settings.set(Setting.VERIFY, 1.0);
        assertThat(Dispatcher.hitHandle(one.id())).as("a hit to verify takes the engine's path").isNull();
        assertThat(Dispatcher.hit1(one.id(), null, "k")).as("verified: the body runs").isNull();
        assertThat(one.stats().directHitsTotal()).isZero();
        settings.set(Setting.VERIFY, 0.0);
        assertThat(handle(one)).isNotNull();
        assertThat(Dispatcher.hit1(one.id(), null, "k")).isEqualTo("K");
        assertThat(one.stats().directHitsTotal()).isEqualTo(1);
    }

    @Test
    void aMismatchTakesTheHandleAwayForGood() throws Throwable {
        MethodMeta one = register("one");
        miss(one, null, "k", "K");
        assertThat(handle(one)).isNotNull();
        caching(one).check("K", "different", new Object[] {"k"});
        assertThat(caching(one).disabled()).isTrue();
        assertThat(Dispatcher.hitHandle(one.id())).isNull();
        assertThat(Dispatcher.hit1(one.id(), null, "k")).isNull();
        engine.clearCache();
        settings.set(Setting.VERIFY, 0.0);
        assertThat(Dispatcher.hitHandle(one.id())).as("still not cached").isNull();
    }

    @Test
    void aMethodRegisteredAgainGetsAHandleOverItsNewIndex() throws Throwable {
        MethodMeta first = register("one");
        miss(first, null, "k", "K");
        DirectHit before = handle(first);
        MethodMeta again = register("one");
        assertThat(again.id()).isEqualTo(first.id());
        DirectHit after = handle(again);
        assertThat(after).isNotNull().isNotSameAs(before);
        assertThat(after.method()).isSameAs(again);
        assertThat(after.keys()).isSameAs(caching(again).argumentKeys()).isNotSameAs(before.keys());
        assertThat(Dispatcher.hit1(again.id(), null, "k")).isEqualTo("K");
        assertThat(again.stats().directHitsTotal()).as("its fresh index did not hold the call").isZero();
        assertThat(Dispatcher.hit1(again.id(), null, "k")).isEqualTo("K");
        assertThat(again.stats().directHitsTotal()).as("indexed by the first hit").isEqualTo(1);
        assertThat(first.stats().directHitsTotal()).isZero();
        assertThat(again.stats().hits()).isEqualTo(2);
        MethodMeta verified = register("one", cached(MethodSpec.Cached.INSTANCE, true, "1"));
        assertThat(Dispatcher.hitHandle(verified.id())).as("registered again with verification").isNull();
    }

    @Test
    void installingOrResettingTheBridgeDropsEveryHandleAndOnlyTheInstalledEnginePublishes() throws Throwable {
        MethodMeta one = register("one");
        miss(one, null, "k", "K");
        assertThat(handle(one)).isNotNull();
        Dispatcher.reset();
        assertThat(Dispatcher.hitHandle(one.id())).isNull();
        assertThat(Dispatcher.hit1(one.id(), null, "k")).as("detached: the body runs").isNull();
        engine.clearCache(); // a detached engine's refresh publishes nothing
        assertThat(Dispatcher.hitHandle(one.id())).isNull();
        Dispatcher.install(engine);
        assertThat(Dispatcher.hitHandle(one.id())).as("install starts empty").isNull();
        engine.publishHitHandles();
        assertThat(handle(one)).isNotNull();
        MemoryEngine other = new MemoryEngine();
        Dispatcher.install(other.engine);
        assertThat(Dispatcher.hitHandle(one.id())).as("another engine installed").isNull();
        engine.publishHitHandles();
        assertThat(Dispatcher.hitHandle(one.id())).as("only the installed engine publishes").isNull();
        assertThat(Dispatcher.publishHit(engine, one.id(), null)).isFalse();
        assertThat(Dispatcher.publishHit(other.engine, -1, null)).isFalse();
    }
}
