package io.autobot.optimizer.agent.call;

import java.lang.ref.WeakReference;
import java.util.List;

/**
 * What the agent knows about one instrumented method, resolved once when the class was
 * transformed. It holds no strong reference to the class or its loader, so an instrumented
 * class can be unloaded.
 */
public final class MethodMeta {

    private final int id;
    private final String className;
    private final String methodName;
    private final String descriptor;
    private final List<String> parameterTypes;
    private final List<String> parameterNames;
    private final String returnType;
    private final boolean isStatic;
    private final boolean isSynchronized;
    private final MethodSpec spec;
    private final String classFingerprint;
    private final WeakReference<ClassLoader> loader;
    private final OperationStats stats = new OperationStats();
    /** What {@link #spec}'s {@code @Cached} says of keys, derived once: read on every cache hit. */
    private final boolean identityKeys;
    private final boolean argumentsOnly;

    public MethodMeta(int id, MethodSignature signature, MethodSpec spec, String classFingerprint, ClassLoader loader) {
        this.id = id;
        this.className = signature.className();
        this.methodName = signature.methodName();
        this.descriptor = signature.descriptor();
        this.parameterTypes = signature.parameterTypes();
        this.parameterNames = signature.parameterNames();
        this.returnType = signature.returnType();
        this.isStatic = signature.isStatic();
        this.isSynchronized = signature.isSynchronized();
        this.spec = spec;
        this.classFingerprint = classFingerprint;
        this.loader = new WeakReference<>(loader);
        MethodSpec.Cached cached = spec == null ? null : spec.cached();
        this.identityKeys = cached != null && cached.identityKeys();
        this.argumentsOnly = cached != null && cached.argumentsOnly();
    }

    /** Whether the method's keys take arguments without value semantics by identity ({@code @Cached(identityKeys)}). */
    public boolean identityKeys() {
        return identityKeys;
    }

    /** Whether the method's keys leave the receiver out ({@code @Cached(scope = ARGUMENTS)}). */
    public boolean argumentsOnly() {
        return argumentsOnly;
    }

    /** The constant compiled into the method's advice. */
    public int id() {
        return id;
    }

    public String className() {
        return className;
    }

    public String methodName() {
        return methodName;
    }

    /** The JVM descriptor, such as {@code (Ljava/lang/String;)I}. */
    public String descriptor() {
        return descriptor;
    }

    /** Parameter type names, as {@link Class#getName()} spells them. */
    public List<String> parameterTypes() {
        return parameterTypes;
    }

    /** Parameter names where the class file has them ({@code -parameters}), else {@code arg0}... */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** The return type name; {@code void} for none. */
    public String returnType() {
        return returnType;
    }

    public boolean isVoid() {
        return "void".equals(returnType);
    }

    public boolean isStatic() {
        return isStatic;
    }

    /** Whether the method is declared {@code synchronized}: its body runs holding the receiver's (or class's) monitor. */
    public boolean isSynchronized() {
        return isSynchronized;
    }

    public MethodSpec spec() {
        return spec;
    }

    /** The name under which the method is reported: its operation, or {@code SimpleClass.method}. */
    public String operation() {
        if (spec.operation() != null && !spec.operation().isEmpty()) {
            return spec.operation();
        }
        return displayName();
    }

    /** {@code SimpleClass.method}, for messages and reports. */
    public String displayName() {
        return className.substring(className.lastIndexOf('.') + 1) + "." + methodName;
    }

    /** {@code com.example.Type.method(java.lang.String)}, for messages that must be unambiguous. */
    public String qualifiedName() {
        return className + "." + methodName + "(" + String.join(", ", parameterTypes) + ")";
    }

    /**
     * An identity of the method that is stable across JVM restarts and changes whenever the
     * declaring class's bytes change: the disk cache keys its entries with it, so a recompiled
     * class never gets results computed by its old code.
     */
    public String stableId() {
        // a StringBuilder, not +: the JDK's first concatenation of four strings spins its method
        // handles' classes, about 10 ms in the method's first call under a disk strategy
        return new StringBuilder(className.length() + methodName.length() + descriptor.length() + 48).append(className)
                .append('#').append(methodName).append(descriptor).append('@').append(classFingerprint).toString();
    }

    /** The loader of the declaring class, or null when it was collected or is the bootstrap loader. */
    public ClassLoader classLoader() {
        return loader.get();
    }

    public OperationStats stats() {
        return stats;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
