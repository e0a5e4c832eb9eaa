package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSignature;
import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.cache.TierStatistics;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.bootstrap.Dispatcher;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A cached call answers what the plain method would: keys by exact class and iteration order,
 * arguments without value semantics run plain, results that are arguments are the caller's own,
 * mutable results are copies, a receiver left out of the key by scope, verification, and the
 * figures against counted bodies. Driven as the inlined advice drives the engine.
 */
class TransparencyTest {

    private final FailOpen failOpen = new FailOpen();
    private final RuntimeSettings settings = RuntimeSettings.defaults();
    private final MemoryTier memory = new MemoryTier(10_000);
    private final Engine engine = new Engine(settings, new ResultCache(memory, CacheStrategy.MEMORY, null, failOpen),
            List.of(), failOpen);
    private final AtomicInteger bodies = new AtomicInteger();

    private static MethodSpec cached(String scope, boolean identityKeys, boolean storeByValue, String verify) {
        return new MethodSpec(null, new MethodSpec.Cached("", scope, identityKeys, storeByValue, verify), null, null,
                null, null);
    }

    private static final MethodSpec CACHED = new MethodSpec(null, new MethodSpec.Cached(""), null, null, null, null);

    private MethodMeta register(String name, MethodSpec spec, boolean isStatic) {
        MethodSignature signature = new MethodSignature("com.example.Transparent", name,
                "(Ljava/lang/Object;)Ljava/lang/Object;", List.of("java.lang.Object"), List.of("arg0"),
                "java.lang.Object", isStatic);
        return engine.register(TransparencyTest.class.getClassLoader(), signature, spec, "test");
    }

    /** One call as the advice makes it: enter, the body in place when enter says so, exit. */
    private Object call(MethodMeta method, Object self, Function<Object[], Object> body, Object... args) throws Throwable {
        Object provided = engine.enter(method.id(), TransparencyTest.class, self, args);
        if (provided != null) {
            return Dispatcher.unwrap(provided);
        }
        bodies.incrementAndGet();
        Object result = body.apply(args);
        engine.exit(method.id(), args, result, null);
        return result;
    }

    private static String join(Object[] args) {
        return String.join(",", (Collection<String>) args[0]);
    }

    @Test
    void equalCollectionsOfAnotherClassOrOrderAreOtherCalls() throws Throwable {
        MethodMeta method = register("join", CACHED, true);
        assertThat(call(method, null, TransparencyTest::join, new LinkedHashSet<>(List.of("b", "a")))).isEqualTo("b,a");
        assertThat(call(method, null, TransparencyTest::join, new TreeSet<>(List.of("a", "b")))).isEqualTo("a,b");
        HashSet<String> small = new HashSet<>();
        HashSet<String> large = new HashSet<>(1024);
        for (String s : List.of("Aa", "BB", "x", "polygenelubricants", "zz9", "17")) {
            small.add(s);
            large.add(s);
        }
        String plainSmall = String.join(",", small);
        String plainLarge = String.join(",", large);
        assertThat(call(method, null, TransparencyTest::join, small)).isEqualTo(plainSmall);
        assertThat(call(method, null, TransparencyTest::join, large)).isEqualTo(plainLarge);
        assertThat(call(method, null, TransparencyTest::join, new HashSet<>(small))).isEqualTo(String.join(",",
                new HashSet<>(small)));
    }

    @Test
    void aTimestampIsNeverTheDateOfTheSameInstant() throws Throwable {
        MethodMeta method = register("format", CACHED, true);
        Timestamp timestamp = new Timestamp(1_000_000L);
        Date date = new Date(1_000_000L);
        assertThat(call(method, null, a -> a[0].toString(), timestamp)).isEqualTo(timestamp.toString());
        assertThat(call(method, null, a -> a[0].toString(), date)).isEqualTo(date.toString());
        assertThat(bodies).hasValue(2);
    }

    @Test
    void anArgumentWithoutValueSemanticsRunsThePlainMethodAndIsCounted() throws Throwable {
        MethodMeta method = register("length", CACHED, true);
        StringBuilder builder = new StringBuilder("ab");
        assertThat(call(method, null, a -> a[0].toString(), builder)).isEqualTo("ab");
        builder.append("c");
        assertThat(call(method, null, a -> a[0].toString(), builder)).isEqualTo("abc");
        assertThat(bodies).hasValue(2);
        assertThat(method.stats().notCacheable()).isEqualTo(2);
        assertThat(method.stats().notCacheableReason()).isEqualTo("argument of class java.lang.StringBuilder");
        var iterator = List.of("x").iterator();
        assertThat(call(method, null, a -> String.valueOf(((java.util.Iterator<?>) a[0]).hasNext()), iterator))
                .isEqualTo("true");
    }

    @Test
    void identityKeysKeepTheArgumentByIdentityWhenAskedFor() throws Throwable {
        MethodMeta method = register("byIdentity", cached("instance", true, true, ""), true);
        StringBuilder builder = new StringBuilder("ab");
        call(method, null, a -> a[0].toString(), builder);
        call(method, null, a -> a[0].toString(), builder);
        assertThat(bodies).hasValue(1);
    }

    @Test
    void anArrayThatContainsItselfRunsThePlainMethodQuietly() throws Throwable {
        MethodMeta method = register("cyclic", CACHED, true);
        Object[] cyclic = new Object[1];
        cyclic[0] = cyclic;
        assertThat(call(method, null, a -> "ok", (Object) cyclic)).isEqualTo("ok");
        assertThat(call(method, null, a -> "ok", (Object) cyclic)).isEqualTo("ok");
        assertThat(bodies).hasValue(2);
        assertThat(method.stats().notCacheable()).isEqualTo(2);
        assertThat(failOpen.count()).isZero();
    }

    @Test
    void aResultThatIsAnArgumentIsTheCallersOwn() throws Throwable {
        MethodMeta method = register("identity", CACHED, true);
        String first = new String("same");
        String second = new String("same");
        assertThat(call(method, null, a -> a[0], first)).isSameAs(first);
        assertThat(call(method, null, a -> a[0], second)).isSameAs(second);
        assertThat(bodies).hasValue(1);
    }

    @Test
    void aReturnedArrayOrListIsACopyThatNoCallerCanChange() throws Throwable {
        MethodMeta method = register("split", CACHED, true);
        String[] first = (String[]) call(method, null, a -> ((String) a[0]).split(","), "a,b");
        first[0] = "changed";
        String[] second = (String[]) call(method, null, a -> ((String) a[0]).split(","), "a,b");
        assertThat(second).containsExactly("a", "b");
        second[1] = "changed too";
        assertThat((String[]) call(method, null, a -> ((String) a[0]).split(","), "a,b")).containsExactly("a", "b");
        MethodMeta list = register("list", CACHED, true);
        List<String> mine = (List<String>) call(list, null, a -> new ArrayList<>(List.of("x")), "k");
        mine.add("y");
        assertThat(call(list, null, a -> new ArrayList<>(List.of("x")), "k")).isEqualTo(List.of("x"));
        assertThat(bodies).hasValue(2);
    }

    @Test
    void storeByValueFalseServesTheStoredObject() throws Throwable {
        MethodMeta method = register("shared", cached("instance", false, false, ""), true);
        Object first = call(method, null, a -> new int[] {1}, "k");
        assertThat(call(method, null, a -> new int[] {1}, "k")).isSameAs(first);
    }

    /** A receiver with state, identity equals. */
    static final class Service {
        int calls;
    }

    @Test
    void scopeArgumentsLeavesTheReceiverOutOfTheKey() throws Throwable {
        MethodMeta perInstance = register("perInstance", CACHED, false);
        call(perInstance, new Service(), a -> "v", "k");
        call(perInstance, new Service(), a -> "v", "k");
        assertThat(bodies).hasValue(2);
        MethodMeta shared = register("shared", cached("arguments", false, true, ""), false);
        call(shared, new Service(), a -> "v", "k");
        call(shared, new Service(), a -> "v", "k");
        assertThat(bodies).hasValue(3);
    }

    @Test
    void fiftyCallsOverTenKeysShowTenMissesAndFortyHits() throws Throwable {
        MethodMeta method = register("square", CACHED, true);
        for (int i = 0; i < 50; i++) {
            int key = i % 10;
            call(method, null, a -> (Integer) a[0] * (Integer) a[0], key);
        }
        assertThat(bodies).hasValue(10);
        TierStatistics stats = memory.statistics();
        assertThat(stats.misses()).isEqualTo(10);
        assertThat(stats.hits()).isEqualTo(40);
        assertThat(method.stats().misses()).isEqualTo(10);
        assertThat(method.stats().hits()).isEqualTo(40);
    }

    @Test
    void verificationCatchesAnImpureMethodAtItsFirstMismatchingHit() throws Throwable {
        MethodMeta method = register("counter", cached("instance", false, true, "1"), true);
        AtomicInteger counter = new AtomicInteger();
        Function<Object[], Object> impure = a -> counter.incrementAndGet();
        assertThat(call(method, null, impure, "k")).isEqualTo(1);
        assertThat(call(method, null, impure, "k")).isEqualTo(2); // the hit is verified: the body's own result
        assertThat(method.stats().mismatches()).isEqualTo(1);
        assertThat(call(method, null, impure, "k")).isEqualTo(3);
        assertThat(call(method, null, impure, "k")).isEqualTo(4);
        assertThat(method.stats().mismatches()).isEqualTo(1);
        MethodMeta pure = register("pure", CACHED, true);
        settings.set(Setting.VERIFY, 1.0);
        call(pure, null, a -> "v" + a[0], "k");
        call(pure, null, a -> "v" + a[0], "k");
        assertThat(pure.stats().verified()).isEqualTo(1);
        assertThat(pure.stats().mismatches()).isZero();
    }
}
