package io.autobot.optimizer.agent.policy.parallel;

import java.util.Comparator;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * What chunk results must share to be merged into one result like a sequential run's: their
 * {@link ResultKind}, and for arrays the component type, for sorted sets and maps the class of the
 * comparator (the merge orders by the first chunk's comparator; none means natural order).
 *
 * @param kind how the results are merged
 * @param detail the component type, the comparator's class, or null
 */
record ResultShape(ResultKind kind, Class<?> detail) {

    /**
     * Written out: a record's generated {@code equals} builds {@code ObjectMethods}' method handles on
     * its first call in a JVM (about 30 ms), which would fall in a host's first split call.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ResultShape shape && shape.kind == kind && shape.detail == detail;
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + (detail == null ? 0 : detail.hashCode());
    }

    /** The shape of a body that returned its own argument. */
    static final ResultShape ARGUMENT = new ResultShape(ResultKind.ARGUMENT, null);

    /** The shape of a whole call's result (not null), or null when no merge can rebuild its class. */
    static ResultShape learn(Object result, Object argument) {
        return result == argument ? ARGUMENT : of(result);
    }

    /** The shape of a result (not null), or null when no merge can rebuild its class. */
    static ResultShape of(Object result) {
        ResultKind kind = ResultKind.of(result);
        return kind == null ? null : new ResultShape(kind, detail(result));
    }

    /**
     * The shape the chunks' results share, or null when they do not share one: every chunk
     * returned its own chunk ({@link #ARGUMENT}), or none did and all returned results of one
     * shape a merge can rebuild.
     */
    static ResultShape common(Object[] results, Object[] chunks) {
        ResultShape common = null;
        int own = 0;
        for (int i = 0; i < results.length; i++) {
            Object result = results[i];
            if (result == null) {
                return null;
            }
            if (result == chunks[i]) {
                own++;
                continue;
            }
            ResultShape shape = of(result);
            if (shape == null || (common != null && !common.equals(shape))) {
                return null;
            }
            common = shape;
        }
        return own == results.length ? ARGUMENT : own > 0 ? null : common;
    }

    /**
     * The shape every result of a declared return type has, when the declaration alone says it: an
     * array whose component type is primitive or a final class of the JDK (such as {@code int[]} or
     * {@code String[]}: no subclass can be returned); null otherwise, when only a result tells.
     *
     * @param typeName the declared return type, {@link Class#getName()} spelling
     */
    static ResultShape declared(String typeName) {
        if (!typeName.startsWith("[")) {
            return null;
        }
        try {
            Class<?> component = Class.forName(typeName, false, null).getComponentType(); // the JDK's classes only
            return component.isPrimitive() || java.lang.reflect.Modifier.isFinal(component.getModifiers())
                    ? new ResultShape(ResultKind.ARRAY, component) : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // an array of a host class: its first whole call tells
        }
    }

    private static Class<?> detail(Object result) {
        if (result.getClass().isArray()) {
            return result.getClass().getComponentType();
        }
        Comparator<?> comparator = result instanceof SortedSet ? ((SortedSet<?>) result).comparator()
                : result instanceof SortedMap ? ((SortedMap<?, ?>) result).comparator() : null;
        return comparator == null ? null : comparator.getClass();
    }
}
