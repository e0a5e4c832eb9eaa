package io.autobot.optimizer.agent.cache.disk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java serialization for the disk tier, made safe to read back. Writing records the name of every
 * class the stream describes; reading admits only classes of that record, and arrays (an
 * {@link ObjectInputFilter}), within depth, reference and array-length limits, so a tampered entry
 * can instantiate nothing the cache did not write. Classes are resolved in the method's class loader.
 * Records are written as a {@link RecordForm}, which reads back without the JDK's per-class cost.
 */
final class ValueCodec {

    private static final int MAX_DEPTH = 200;
    private static final long MAX_REFERENCES = 5_000_000;

    private ValueCodec() {
    }

    /**
     * A serialized value, the classes its stream describes and the copy read back from it (the
     * value as a later read will see it; null where not kept).
     */
    record Encoded(byte[] bytes, Set<String> classes, Object readBack) {
    }

    /** A stream that names a class the cache never wrote for this method. */
    static final class RejectedClassException extends InvalidClassException {
        private static final long serialVersionUID = 1L;

        RejectedClassException(String className) {
            super(className, "not a class the cache wrote");
        }
    }

    /**
     * Serializes a value and records the classes a later read of it will meet: those the stream
     * describes, and those that {@code readResolve} turns them into (the JDK's immutable
     * collections are written as {@code CollSer} and read back as {@code List12} and such), found
     * by reading the bytes back once.
     *
     * @throws NotSerializableException naming the first class that cannot be serialized
     * @throws IOException when the value cannot be read back as written
     */
    static Encoded encode(Object value, ClassLoader loader) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        Set<String> classes = new HashSet<>();
        try (FormOutputStream out = new FormOutputStream(bytes, classes)) {
            out.writeObject(value);
        }
        byte[] data = bytes.toByteArray();
        Object readBack;
        try (FilteredInputStream in = new FilteredInputStream(new ByteArrayInputStream(data), loader, null)) {
            in.setObjectInputFilter(info -> {
                if (info.serialClass() != null && !info.serialClass().isArray()) {
                    classes.add(info.serialClass().getName());
                }
                return ObjectInputFilter.Status.UNDECIDED;
            });
            readBack = in.readObject();
        } catch (ClassNotFoundException e) {
            throw new NotSerializableException(e.getMessage() + " (cannot be loaded back)");
        }
        return new Encoded(data, classes, readBack);
    }

    /** A record of the JDK's value classes, collections and boxes, for {@link #warmUp}. */
    private record Sample(String text, String document, int number, long[] longs, List<Object> list,
            Map<String, Object> map, List<Object> immutable) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A text of some length: keys often carry a document (a source file, a request body), and
     * until the JIT has compiled the loops that write and read a string's characters, the first
     * calls run them interpreted.
     */
    private static final String DOCUMENT = "line of text, caf\u00e9\n".repeat(100);

    /** How often the warm-up writes and reads: enough calls that the JIT compiles the loops' methods. */
    private static final int WARM_UP_ROUNDS = 40;

    /**
     * Runs serialization's one-time work (loading and linking its classes, the descriptors of the
     * JDK's collections, boxes and {@link RecordForm}, reflection's first calls, the compiling of
     * its loops over a string's characters) on the calling thread, so that the first results written
     * and read on callers' threads do not pay it.
     */
    static void warmUp() throws IOException, ClassNotFoundException {
        List<Object> list = new ArrayList<>(List.of("a", 1, 2L, 3.0, Boolean.TRUE));
        Map<String, Object> map = new HashMap<>(Map.of("k", list));
        Sample sample = new Sample("text", DOCUMENT, 1, new long[] {1}, list, map, List.of("x", 1));
        ClassLoader loader = ValueCodec.class.getClassLoader();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            Encoded encoded = encode(sample, loader);
            decode(encoded.bytes(), 0, encoded.bytes().length, encoded.classes(), loader);
            byte[] args = encodeArguments(new Object[] {sample, "a"});
            decode(args, 0, args.length, encoded.classes(), loader);
        }
    }

    /**
     * Serializes call arguments for a lookup key, as {@link #encode} would but without recording
     * classes or reading them back.
     */
    static byte[] encodeArguments(Object[] args) throws IOException {
        return serialize(args);
    }

    /** Serializes the receiver part of a lookup key, like {@link #encodeArguments}. */
    static byte[] encodeReceiver(Object receiver) throws IOException {
        return serialize(receiver);
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (FormOutputStream out = new FormOutputStream(bytes, null)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a value back: a fresh copy on every call.
     *
     * @throws RejectedClassException when the stream names a class outside {@code allowed}
     */
    static Object decode(byte[] data, int offset, int length, Set<String> allowed, ClassLoader loader)
            throws IOException, ClassNotFoundException {
        AllowListFilter filter = new AllowListFilter(allowed, length);
        try (FilteredInputStream in = new FilteredInputStream(new ByteArrayInputStream(data, offset, length), loader,
                allowed)) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (InvalidClassException e) {
            if (filter.rejected != null) {
                throw new RejectedClassException(filter.rejected);
            }
            throw e;
        }
    }

    /** Writes records as {@link RecordForm}s; records the classes written when given a set for them. */
    private static final class FormOutputStream extends ObjectOutputStream {
        private final Set<String> classes;

        FormOutputStream(ByteArrayOutputStream out, Set<String> classes) throws IOException {
            super(out);
            this.classes = classes;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object object) throws IOException {
            RecordForm form = RecordForm.of(object);
            if (form == null) {
                return object;
            }
            if (classes != null) {
                classes.add(form.type());
            }
            return form;
        }

        @Override
        protected void annotateClass(Class<?> type) {
            if (classes != null) {
                classes.add(type.getName());
            }
        }

        @Override
        protected void annotateProxyClass(Class<?> type) throws IOException {
            // a proxy class's name differs from run to run: it could never be read back
            throw new NotSerializableException(type.getName() + " (a dynamic proxy)");
        }
    }

    /** Resolves classes in the method's loader and rebuilds records, admitting those allowed (all when null). */
    private static final class FilteredInputStream extends ObjectInputStream {
        private final ClassLoader loader;
        private final Set<String> allowed;

        FilteredInputStream(ByteArrayInputStream in, ClassLoader loader, Set<String> allowed) throws IOException {
            super(in);
            this.loader = loader;
            this.allowed = allowed;
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object object) throws IOException {
            return object instanceof RecordForm form
                    ? form.rebuild(loader != null ? loader : ValueCodec.class.getClassLoader(), allowed)
                    : object;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall through: the JDK's own resolution (primitives, the caller's loader)
                }
            }
            return super.resolveClass(desc);
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws InvalidClassException {
            throw new InvalidClassException("proxy", "the disk cache never writes proxies");
        }
    }

    /** Admits the recorded classes only, within limits that bound what a stream can allocate. */
    private static final class AllowListFilter implements ObjectInputFilter {
        private final Set<String> allowed;
        private final long streamLength;
        private volatile String rejected;

        AllowListFilter(Set<String> allowed, long streamLength) {
            this.allowed = allowed;
            this.streamLength = streamLength;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES
                    || info.arrayLength() > streamLength) {
                return Status.REJECTED; // every array element takes at least one byte of the stream
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return Status.UNDECIDED;
            }
            if (type.isArray() || allowed.contains(type.getName())) {
                // an array instantiates no class (its elements are checked one by one); collections
                // such as ArrayList check arrays they never wrote as such (Object[], Map.Entry[])
                return Status.ALLOWED;
            }
            rejected = type.getName();
            return Status.REJECTED;
        }
    }
}
