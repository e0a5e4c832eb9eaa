package io.autobot.optimizer.agent.policy.batch;

import io.autobot.optimizer.agent.call.Invocation;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSignature;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The batch method of a {@code @Batched} method, resolved at its first call: a handle that calls
 * it as the class's own code would (virtually, so an override applies), and the single method's
 * result type, to check each element of a batch result before a caller gets it.
 */
final class BatchTarget {

    /** Parameter types a {@code List} of arguments can be passed as. */
    static final Set<String> LIST_PARAMETERS =
            Set.of("java.util.List", "java.util.Collection", "java.lang.Iterable", "java.lang.Object");
    /** Return types that are lists (in the order of the arguments). */
    static final Set<String> LIST_RESULTS = Set.of("java.util.List", "java.util.ArrayList", "java.util.LinkedList",
            "java.util.AbstractList", "java.util.SequencedCollection", "java.util.concurrent.CopyOnWriteArrayList");

    private final MethodHandle handle;
    private final boolean isStatic;
    private final Class<?> resultType;
    private final boolean voidSingle;
    private final boolean primitiveResult;

    private BatchTarget(MethodHandle handle, boolean isStatic, Class<?> singleResult) {
        this.handle = handle;
        this.isStatic = isStatic;
        this.voidSingle = singleResult == void.class;
        this.primitiveResult = singleResult.isPrimitive() && !voidSingle;
        this.resultType = MethodType.methodType(singleResult).wrap().returnType();
    }

    /**
     * Checks a batch method's shape by names only; returns what is wrong, or null when it fits.
     *
     * @param single the {@code @Batched} method
     */
    static String problem(MethodMeta single, MethodSignature via) {
        if (via.parameterTypes().size() != 1 || !LIST_PARAMETERS.contains(via.parameterTypes().get(0))) {
            return "it must take one java.util.List parameter, not " + via.parameterTypes();
        }
        if (!single.isVoid() && !LIST_RESULTS.contains(via.returnType())) {
            return "it must return a java.util.List of results, not " + via.returnType();
        }
        if (single.isStatic() && !via.isStatic()) {
            return "it must be static, as " + single.methodName() + " is";
        }
        return null;
    }

    /**
     * Resolves the batch method for a call.
     *
     * @param descriptor its descriptor when known at transform time, or null to look it up by name and shape
     * @throws ReflectiveOperationException or IllegalArgumentException saying what is wrong
     */
    static BatchTarget resolve(Invocation invocation, String via, String descriptor)
            throws ReflectiveOperationException {
        MethodMeta single = invocation.method();
        Class<?> type = invocation.declaringType();
        Method method = descriptor != null ? invocation.declaredMethod(via, descriptor) : byShape(single, type, via);
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        MethodHandle handle = lookup.unreflect(method).asFixedArity();
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        handle = isStatic ? MethodHandles.dropArguments(handle, 0, Object.class) : handle;
        handle = handle.asType(MethodType.methodType(Object.class, Object.class, List.class));
        Class<?> singleResult = invocation.declaredMethod(single.methodName(), single.descriptor()).getReturnType();
        return new BatchTarget(handle, isStatic, singleResult);
    }

    private static Method byShape(MethodMeta single, Class<?> type, String via) throws NoSuchMethodException {
        String problem = "it is not declared in " + type.getName();
        for (Method candidate : type.getDeclaredMethods()) {
            if (candidate.getName().equals(via) && !candidate.isBridge()) {
                problem = problem(single, signature(candidate));
                if (problem == null) {
                    return candidate;
                }
            }
        }
        throw new NoSuchMethodException(problem);
    }

    private static MethodSignature signature(Method method) {
        return new MethodSignature(method.getDeclaringClass().getName(), method.getName(), "",
                Arrays.stream(method.getParameterTypes()).map(Class::getName).toList(),
                List.of(), method.getReturnType().getName(), Modifier.isStatic(method.getModifiers()));
    }

    boolean isStatic() {
        return isStatic;
    }

    /** Calls the batch method with the arguments; the receiver is ignored when it is static. */
    Object invoke(Object receiver, List<Object> arguments) throws Throwable {
        return handle.invokeExact(receiver, arguments);
    }

    /** Whether the single method is void: then the batch method's result is not used. */
    boolean voidSingle() {
        return voidSingle;
    }

    /** Whether an element is an exception for its caller: a Throwable the single method could not return. */
    boolean returnsThrown(Object element) {
        return element instanceof Throwable && !resultType.isInstance(element);
    }

    /** Whether an element can be returned by the single method as it is. */
    boolean fits(Object element) {
        return element == null ? !primitiveResult : resultType.isInstance(element);
    }

    String resultTypeName() {
        return resultType.getName();
    }
}
