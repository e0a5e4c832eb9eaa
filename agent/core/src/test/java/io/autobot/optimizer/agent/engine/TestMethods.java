package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.instrument.MethodSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds method metadata for unit tests, without instrumentation. */
public final class TestMethods {

    private static final MethodRegistry REGISTRY = new MethodRegistry();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private TestMethods() {
    }

    /** A {@code @Cached static Object name(Object)} method. */
    public static MethodMeta cached(String name) {
        return register(name, new MethodSpec(null, new MethodSpec.Cached(""), null, null, null, null));
    }

    public static MethodMeta register(String name, MethodSpec spec) {
        MethodSignature signature = new MethodSignature("com.example.Host" + NAMES.incrementAndGet(), name,
                "(Ljava/lang/Object;)Ljava/lang/Object;", List.of("java.lang.Object"), List.of("arg0"),
                "java.lang.Object", true);
        return REGISTRY.register(null, signature, spec, "f00d");
    }
}
