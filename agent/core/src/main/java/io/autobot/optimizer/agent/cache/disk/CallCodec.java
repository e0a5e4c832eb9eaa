package io.autobot.optimizer.agent.cache.disk;

import io.autobot.optimizer.agent.cache.CallKey;
import io.autobot.optimizer.agent.cache.StatelessReceiver;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/**
 * A call's part of a disk key: for an instance method the serialized receiver part of its
 * {@link CallKey} (the disk name of the receiver's class when it is stateless, see
 * {@link StatelessReceiver#diskName}, else the receiver) after
 * its length, then the serialized arguments. Equal bytes do not make equal calls (a transient field, a custom
 * {@code writeObject}): a call is written only when its bytes read back as the call itself, and an
 * entry found under a call's bytes is served only when they read back as that call, by the key's
 * own equality. Both checks together make an entry serve only calls equal to the one that wrote it.
 * A call whose bytes are all there is to it ({@link #selfDescribing}) needs no second check: equal
 * bytes make it equal to the call that wrote them.
 */
final class CallCodec {

    private static final int LENGTH = Integer.BYTES;

    private CallCodec() {
    }

    /** The receiver cannot be serialized: this call stays in memory, other calls of its method need not. */
    static final class UnserializableReceiver extends IOException {
        private static final long serialVersionUID = 1L;

        /** A receiver of this class that cannot be serialized. */
        UnserializableReceiver(Class<?> type) {
            super("of class " + type.getName() + ", which cannot be serialized");
        }

        /** A stateless receiver whose class's disk name cannot be made (see {@link StatelessReceiver#diskName}). */
        UnserializableReceiver(StatelessReceiver stateless) {
            super("of the stateless class " + stateless.className() + ", whose class files cannot be read");
        }
    }

    /** A call as read back from its bytes. */
    record Decoded(Object receiver, Object[] args) {
    }

    /** A call's bytes for a write, the classes they name and the call as read back from them. */
    record Written(byte[] bytes, Set<String> classes, Decoded readBack) {
    }

    /** The call's bytes, for a lookup: the same bytes {@link #encodeForWrite} gives. */
    static byte[] encode(CallKey call) throws IOException {
        byte[] args = ValueCodec.encodeArguments(call.diskArgs());
        Object receiver = call.receiver();
        if (receiver == null) {
            return args;
        }
        Object written = written(receiver);
        try {
            return join(ValueCodec.encodeReceiver(written), args);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new UnserializableReceiver(receiver.getClass());
        }
    }

    /**
     * The call's bytes, the classes they name and what they read back as, for a write: the caller
     * writes them only when the read-back call equals the call.
     *
     * @throws UnserializableReceiver when the receiver cannot be serialized
     * @throws IOException when the arguments cannot be serialized
     */
    static Written encodeForWrite(CallKey call, ClassLoader loader) throws IOException {
        ValueCodec.Encoded args = ValueCodec.encode(call.diskArgs(), loader);
        if (!(args.readBack() instanceof Object[] readBackArgs)) {
            throw new IOException("the arguments did not read back as arguments");
        }
        Object receiver = call.receiver();
        if (receiver == null) {
            return new Written(args.bytes(), args.classes(), new Decoded(null, readBackArgs));
        }
        Object written = written(receiver);
        ValueCodec.Encoded self;
        try {
            self = ValueCodec.encode(written, loader);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new UnserializableReceiver(receiver.getClass());
        }
        Set<String> classes = new HashSet<>(args.classes());
        classes.addAll(self.classes());
        return new Written(join(self.bytes(), args.bytes()), classes,
                new Decoded(part(self.readBack(), receiver), readBackArgs));
    }

    /**
     * Reads back the call bytes that start at {@code offset} of {@code data}, as {@link #encode}
     * wrote them for a call like {@code call} (with or without a receiver), admitting only the
     * allowed classes.
     *
     * @throws ValueCodec.RejectedClassException when they name a class outside {@code allowed}
     */
    static Decoded decode(byte[] data, int offset, CallKey call, Set<String> allowed, ClassLoader loader)
            throws IOException, ClassNotFoundException {
        Object receiver = null;
        int start = offset;
        if (call.receiver() != null) {
            int length = data.length - start < LENGTH ? -1 : ByteBuffer.wrap(data).getInt(start);
            if (length < 0 || length > data.length - start - LENGTH) {
                throw new IOException("not the bytes of a call with a receiver");
            }
            receiver = part(ValueCodec.decode(data, start + LENGTH, length, allowed, loader), call.receiver());
            start += LENGTH + length;
        }
        Object args = ValueCodec.decode(data, start, data.length - start, allowed, loader);
        if (!(args instanceof Object[])) {
            throw new IOException("not the bytes of call arguments");
        }
        return new Decoded(receiver, (Object[]) args);
    }

    /**
     * Whether the call's bytes are all there is to it (see {@link SelfDescribing}): an entry found
     * under them was written by an equal call, and {@link #decode} need not read it back to tell.
     */
    static boolean selfDescribing(CallKey call) {
        try {
            Object receiver = call.receiver();
            return SelfDescribing.call(receiver == null ? null : written(receiver), call.diskArgs());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return false; // read back and compared instead
        }
    }

    /**
     * What is written for a receiver part: a stateless receiver's disk name (its class's name and
     * fingerprints), else the receiver.
     */
    private static Object written(Object receiver) throws UnserializableReceiver {
        if (receiver instanceof StatelessReceiver stateless) {
            String diskName = stateless.diskName();
            if (diskName == null) {
                throw new UnserializableReceiver(stateless);
            }
            return diskName;
        }
        if (!(receiver instanceof Serializable)) {
            throw new UnserializableReceiver(receiver.getClass());
        }
        return receiver;
    }

    /**
     * A receiver part read back, as the key of a call like it holds it: the disk name a stateless
     * receiver was written as stands for the call's own stateless receiver when it is its class's.
     */
    private static Object part(Object readBack, Object callReceiver) {
        if (callReceiver instanceof StatelessReceiver stateless) {
            return readBack != null && readBack.equals(stateless.diskName()) ? stateless : readBack;
        }
        return readBack;
    }

    private static byte[] join(byte[] receiver, byte[] args) {
        return ByteBuffer.allocate(LENGTH + receiver.length + args.length).putInt(receiver.length).put(receiver)
                .put(args).array();
    }
}
