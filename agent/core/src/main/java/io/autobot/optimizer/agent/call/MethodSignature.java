package io.autobot.optimizer.agent.call;

import java.util.List;

/**
 * The shape of an instrumented method, in names only.
 *
 * @param className the declaring class
 * @param methodName the method
 * @param descriptor the JVM descriptor
 * @param parameterTypes parameter type names
 * @param parameterNames parameter names
 * @param returnType the return type name, {@code void} for none
 * @param isStatic whether the method is static
 * @param isSynchronized whether the method is declared {@code synchronized} (ACC_SYNCHRONIZED)
 */
public record MethodSignature(String className, String methodName, String descriptor, List<String> parameterTypes,
        List<String> parameterNames, String returnType, boolean isStatic, boolean isSynchronized) {

    /** A method that is not synchronized. */
    public MethodSignature(String className, String methodName, String descriptor, List<String> parameterTypes,
            List<String> parameterNames, String returnType, boolean isStatic) {
        this(className, methodName, descriptor, parameterTypes, parameterNames, returnType, isStatic, false);
    }

    /** The method declared by {@code type} with this name and JVM descriptor (a reflective search). */
    public static java.lang.reflect.Method find(Class<?> type, String name, String descriptor)
            throws NoSuchMethodException {
        for (java.lang.reflect.Method candidate : type.getDeclaredMethods()) {
            if (candidate.getName().equals(name)
                    && java.lang.invoke.MethodType.methodType(candidate.getReturnType(), candidate.getParameterTypes())
                            .toMethodDescriptorString().equals(descriptor)) {
                return candidate;
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name + descriptor);
    }
}
