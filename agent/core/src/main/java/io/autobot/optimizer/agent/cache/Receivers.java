package io.autobot.optimizer.agent.cache;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * What of an instance method's receiver goes into its call's key. A receiver whose class has no
 * instance fields from itself up to {@code Object} (a stateless service object) can make a result
 * differ only through its class, by the overrides the method calls: its class stands for it (as a
 * {@link StatelessReceiver}), so that service objects made per request share entries. Any other
 * receiver is part of the key itself, by its {@code equals} and {@code hashCode}: identity for most
 * objects, value for records, the constant for enums.
 */
final class Receivers {

    /** What a class's part is when its instances have state: the receiver itself. */
    private static final Object STATEFUL = new Object();

    /** Per class, computed once and held by the class: its {@link StatelessReceiver}, or {@link #STATEFUL}. */
    private static final ClassValue<Object> PARTS = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            return stateless(type) ? new StatelessReceiver(type) : STATEFUL;
        }
    };

    private Receivers() {
    }

    /** The receiver's part of a key: null for a static call, its class's token when stateless, else itself. */
    static Object keyPart(Object self) {
        if (self == null) {
            return null;
        }
        Object part = PARTS.get(self.getClass());
        return part == STATEFUL ? self : part;
    }

    static boolean stateless(Class<?> type) {
        try {
            for (Class<?> level = type; level != Object.class && level != Record.class; level = level.getSuperclass()) {
                if (level == null || isJdk(level) || declaresInstanceFields(level)) {
                    return false;
                }
            }
            return true;
        } catch (LinkageError | SecurityException e) {
            return false; // its fields cannot be listed: the receiver itself goes into the key
        }
    }

    /** Reflection hides some fields of JDK classes (ClassLoader's, for one): they count as state. */
    private static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    private static boolean declaresInstanceFields(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                return true;
            }
        }
        return false;
    }
}
