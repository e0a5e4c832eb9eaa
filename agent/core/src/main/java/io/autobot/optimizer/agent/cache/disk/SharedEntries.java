package io.autobot.optimizer.agent.cache.disk;

import io.autobot.optimizer.agent.cache.CallKey;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.bootstrap.Dispatcher;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The disk tier's entry format for a tier that keeps entries elsewhere (the Redis tier): the same
 * keys (the method's stable id with its class fingerprint, then the call's serialized receiver part
 * and arguments), the same records (expiry and a checksum over key and record), the same
 * confirmation that an entry serves only a call equal to the one that wrote it, and the same
 * allow-list on decoding. Only the store differs.
 */
public final class SharedEntries {

    private SharedEntries() {
    }

    /** What is kept per method: its key prefix, whether it is refused and why, the classes it may read. */
    public static final class Method {
        private final DiskMethod method;

        Method(MethodMeta meta) {
            this.method = new DiskMethod(meta);
        }

        /** Why the method's results stay local (its class file cannot be read), or null. */
        public String refusal() {
            return method.refusal();
        }

        /** Keeps the method local from now on; whether this call did (the caller then warns, once). */
        public boolean refuse(String reason) {
            return method.refuse(reason);
        }

        /** The stable id: class, method, descriptor and class fingerprint. */
        public String stableId() {
            return method.stableId();
        }

        /** The prefix shared by every version of the method (the stable id up to its fingerprint). */
        public byte[] methodPrefix() {
            return method.methodPrefix();
        }

        /** The classes known to be written for the method: by this JVM, plus those added. */
        public Set<String> allowed() {
            return method.allowedClasses(null);
        }

        /** Adds classes to those the method may read. */
        public void allow(Set<String> classes) {
            method.allow(classes);
        }

        /** Whether this is the first call on an unserializable receiver kept local (the caller then says so). */
        public boolean firstUnserializableReceiver() {
            return method.firstUnserializableReceiver();
        }

        /** Whether this is the first call that does not read back as itself (the caller then says so). */
        public boolean firstMismatch() {
            return method.firstMismatch();
        }
    }

    /** A call ready to be written: its key, the classes key and value name, the record. */
    public record Write(byte[] key, Set<String> classes, byte[] record) {
    }

    /** A record names a class the method's allow-list does not hold. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final String className;

        Rejected(String className) {
            super(className, null, false, false);
            this.className = className;
        }

        public String className() {
            return className;
        }
    }

    /** The call cannot be serialized; a receiver that cannot be is said apart (only its calls stay local). */
    public static final class Unserializable extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean receiver;

        Unserializable(String message, boolean receiver) {
            super(message, null, false, false);
            this.receiver = receiver;
        }

        public boolean receiver() {
            return receiver;
        }
    }

    public static Method method(MethodMeta meta) {
        return new Method(meta);
    }

    /** The key of a call, for a lookup. */
    public static byte[] lookupKey(Method method, CallKey key) throws Unserializable {
        try {
            return method.method.key(key);
        } catch (CallCodec.UnserializableReceiver e) {
            throw new Unserializable(e.getMessage(), true);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new Unserializable(reason(e), false);
        }
    }

    /**
     * The key and record of a call and its result, or null when the call does not read back from its
     * bytes as equal to itself (it could never be confirmed later: it stays local).
     *
     * @throws Unserializable when the call or the result cannot be serialized
     */
    public static Write write(Method method, CallKey key, Object value, long expiresAtMillis) throws Unserializable {
        CallCodec.Written call;
        try {
            call = method.method.writtenKey(key);
        } catch (CallCodec.UnserializableReceiver e) {
            throw new Unserializable(e.getMessage(), true);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new Unserializable("an argument cannot be serialized (" + reason(e) + ")", false);
        }
        if (!key.matches(call.readBack().receiver(), call.readBack().args())) {
            return null;
        }
        byte[] payload = null;
        Set<String> classes = new HashSet<>(call.classes());
        if (value != Dispatcher.NULL) {
            try {
                ValueCodec.Encoded encoded = ValueCodec.encode(value, key.method().classLoader());
                payload = encoded.bytes();
                classes.addAll(encoded.classes());
            } catch (IOException | RuntimeException | StackOverflowError e) {
                throw new Unserializable("its result cannot be serialized (" + reason(e) + ")", false);
            }
        }
        return new Write(call.bytes(), classes, EntryFormat.record(call.bytes(), payload, expiresAtMillis));
    }

    /** When a record expires (epoch millis); the record must be intact. */
    public static long expiresAt(byte[] record) {
        return EntryFormat.expiresAt(record);
    }

    /**
     * The value of a record found under a call's key ({@link Dispatcher#NULL} for null), or null when
     * the record is damaged, expired, or was written by a call that is not equal to this one.
     *
     * @throws Rejected when it names a class outside the allow-list
     * @throws IOException when it cannot be read back (a class changed incompatibly)
     */
    public static Object read(Method method, CallKey key, byte[] storeKey, byte[] record, Set<String> allowed)
            throws Rejected, IOException {
        if (!EntryFormat.intact(storeKey, record) || EntryFormat.expiresAt(record) <= System.currentTimeMillis()) {
            return null;
        }
        ClassLoader loader = key.method().classLoader();
        CallCodec.Decoded call;
        Object value;
        try {
            call = CallCodec.decode(storeKey, method.method.callOffset(), key, allowed, loader);
            value = EntryFormat.isNull(record) ? Dispatcher.NULL
                    : ValueCodec.decode(record, EntryFormat.HEADER, record.length - EntryFormat.HEADER, allowed, loader);
        } catch (ValueCodec.RejectedClassException e) {
            throw new Rejected(e.classname);
        } catch (ClassNotFoundException | RuntimeException | StackOverflowError e) {
            throw new IOException(e.getClass().getName());
        }
        if (!key.matches(call.receiver(), call.args())) {
            return null;
        }
        return value == null ? Dispatcher.NULL : value;
    }

    private static String reason(Throwable e) {
        return e instanceof java.io.NotSerializableException ? "not serializable: " + e.getMessage()
                : e.getClass().getName();
    }
}
