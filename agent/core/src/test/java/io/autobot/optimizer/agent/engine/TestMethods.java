package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.call.Invocation;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSignature;
import io.autobot.optimizer.agent.call.MethodSpec;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds method metadata, and calls of real methods, for unit tests without instrumentation. */
public final class TestMethods {

    private static final MethodRegistry REGISTRY = new MethodRegistry();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private TestMethods() {
    }

    /** A {@code @Cached static Object name(Object)} method. */
    public static MethodMeta cached(String name) {
        return register(name, new MethodSpec(null, new MethodSpec.Cached(""), null, null, null, null));
    }

    /** A {@code static Object name(Object)} method of a class that does not exist, with the spec. */
    public static MethodMeta register(String name, MethodSpec spec) {
        MethodSignature signature = new MethodSignature("com.example.Host" + NAMES.incrementAndGet(), name,
                "(Ljava/lang/Object;)Ljava/lang/Object;", List.of("java.lang.Object"), List.of("arg0"),
                "java.lang.Object", true);
        return REGISTRY.register(null, signature, spec, "f00d");
    }

    /** The only method of that name declared by a real type, registered with the spec. */
    public static MethodMeta meta(Class<?> type, String name, MethodSpec spec) {
        Method method = Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
        return REGISTRY.register(type.getClassLoader(), signature(method), spec, "test");
    }

    public static MethodSignature signature(Method method) {
        return new MethodSignature(method.getDeclaringClass().getName(), method.getName(),
                MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString(),
                Arrays.stream(method.getParameterTypes()).map(Class::getName).toList(),
                Arrays.stream(method.getParameters()).map(Parameter::getName).toList(),
                method.getReturnType().getName(), Modifier.isStatic(method.getModifiers()),
                Modifier.isSynchronized(method.getModifiers()));
    }

    /** A call of the method on the current thread. */
    public static Invocation call(MethodMeta method, Class<?> type, Object self, Object... args) {
        return new Invocation(BodyRunner.INSTANCE, method, type, self, args, null);
    }

    /** The signatures of the methods of that name, as the transformer describes {@code @Batched} siblings. */
    public static List<MethodSignature> siblings(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .map(TestMethods::signature).toList();
    }
}
