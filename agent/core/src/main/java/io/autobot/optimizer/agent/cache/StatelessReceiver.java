package io.autobot.optimizer.agent.cache;

import io.autobot.optimizer.agent.call.ClassFingerprint;
import java.lang.ref.WeakReference;

/**
 * Stands in keys for the receivers of one stateless class (see {@link Receivers}): one per class,
 * equal only to itself. It keeps the class's name and a weak reference to it, so that a stored
 * entry never keeps a class (and its class loader) alive.
 */
public final class StatelessReceiver {

    private final String className;
    private final WeakReference<Class<?>> type;
    private volatile String diskName;

    StatelessReceiver(Class<?> type) {
        this.className = type.getName();
        this.type = new WeakReference<>(type);
    }

    /**
     * Whether this is the token of exactly this class: the part of its receivers' keys (one token
     * per class, computed once, see {@link Receivers}).
     */
    boolean standsFor(Class<?> receiverType) {
        return type.get() == receiverType;
    }

    /** The name of the class. */
    public String className() {
        return className;
    }

    /**
     * What stands for the class on disk: its name and the fingerprints of its class file and of its
     * superclasses' up to the first JDK one, whose overrides a result may come from. A class
     * recompiled with another override, or another class of the same name in another loader (a
     * second version of a plugin), has another disk name. Computed once, on the first disk use.
     *
     * @return null when a class file cannot be read (a class generated at run time) or the class
     *     is gone: then its calls are not written to disk
     */
    public String diskName() {
        String name = diskName;
        if (name == null) {
            name = fingerprinted(type.get());
            diskName = name;
        }
        return name;
    }

    private String fingerprinted(Class<?> receiverType) {
        if (receiverType == null) {
            return null;
        }
        StringBuilder name = new StringBuilder(className);
        for (Class<?> level = receiverType; level != Object.class && level != Record.class; level = level.getSuperclass()) {
            String fingerprint = ClassFingerprint.of(level.getClassLoader(), level.getName());
            if (fingerprint == null) {
                return null;
            }
            name.append(level == receiverType ? '@' : ',').append(fingerprint);
        }
        return name.toString();
    }

    @Override
    public String toString() {
        return "StatelessReceiver[" + className + "]";
    }
}
