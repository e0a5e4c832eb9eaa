package io.autobot.optimizer.agent.discovery;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Whether objects of a class can stand in a cache key: they compare by value ({@code equals} is
 * overridden, or they are strings, boxes, enums, records, arrays), or they have no mutable state.
 * An object with identity {@code equals} and fields that change (a builder, a mutable bean) is not
 * a key: equal-looking calls would miss, and a changed object would hit the old result.
 */
final class ValueSemantics {

    private ValueSemantics() {
    }

    /** Null when objects of the class can be cache keys; else why not. */
    static String keyProblem(Class<?> type) {
        if (type.isArray() || type.isEnum() || type.isRecord() || type.isPrimitive() || hasValueEquals(type)) {
            return null;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
                    return "identity equals and mutable state";
                }
            }
        }
        return null;
    }

    static boolean hasValueEquals(Class<?> type) {
        try {
            return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException | SecurityException e) {
            return false;
        }
    }

    /** Whether instances have no instance fields at all (a stateless service object). */
    static boolean stateless(Class<?> type) {
        return fieldCount(type) == 0;
    }

    static int fieldCount(Class<?> type) {
        int count = 0;
        try {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        count++;
                    }
                }
            }
        } catch (SecurityException | LinkageError e) {
            return 1;
        }
        return count;
    }
}
