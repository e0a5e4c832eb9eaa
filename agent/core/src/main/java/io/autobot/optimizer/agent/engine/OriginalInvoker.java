package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSignature;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls an instrumented method's own code (never an override) with given arguments. Handles are
 * resolved on first use and kept in a {@link ClassValue}, which the class itself holds: the agent
 * keeps no reference that would stop the class from being unloaded.
 */
final class OriginalInvoker {

    private static final ClassValue<Map<String, MethodHandle>> HANDLES = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private OriginalInvoker() {
    }

    /** Invokes the method's body; the receiver is ignored for a static method. */
    static Object invoke(MethodMeta method, Class<?> declaringType, Object self, Object[] args) throws Throwable {
        MethodHandle handle = handle(method, declaringType);
        return handle.invokeExact(self, args);
    }

    /** Resolves the instrumented method itself among the declaring class's methods. */
    static Method find(MethodMeta method, Class<?> declaringType) throws NoSuchMethodException {
        return find(declaringType, method.methodName(), method.descriptor());
    }

    /** Resolves a method declared by {@code type} by name and JVM descriptor. */
    static Method find(Class<?> type, String name, String descriptor) throws NoSuchMethodException {
        return MethodSignature.find(type, name, descriptor);
    }

    static MethodHandle handle(MethodMeta method, Class<?> declaringType) throws ReflectiveOperationException {
        Map<String, MethodHandle> handles = HANDLES.get(declaringType);
        String key = method.methodName() + method.descriptor();
        MethodHandle handle = handles.get(key);
        if (handle == null) {
            handle = resolve(method, declaringType);
            handles.put(key, handle);
        }
        return handle;
    }

    private static MethodHandle resolve(MethodMeta meta, Class<?> declaringType) throws ReflectiveOperationException {
        Method method = find(meta, declaringType);
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(declaringType, MethodHandles.lookup());
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        MethodHandle direct = (isStatic || Modifier.isPrivate(method.getModifiers())
                ? lookup.unreflect(method)
                : lookup.unreflectSpecial(method, declaringType))
                // a varargs method's handle would collect the array it is given into a new array
                .asFixedArity();
        int parameters = method.getParameterCount();
        // (receiver?, p1..pn) -> R   becomes   (Object receiver, Object[] args) -> Object
        MethodHandle generic = direct.asType(direct.type().generic());
        MethodHandle spread = generic.asSpreader(Object[].class, parameters);
        if (isStatic) {
            spread = MethodHandles.dropArguments(spread, 0, Object.class);
        }
        return spread.asType(MethodType.methodType(Object.class, Object.class, Object[].class));
    }
}
