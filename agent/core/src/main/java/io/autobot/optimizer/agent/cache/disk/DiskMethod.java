package io.autobot.optimizer.agent.cache.disk;

import io.autobot.optimizer.agent.cache.CallKey;
import io.autobot.optimizer.agent.call.MethodMeta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the disk tier keeps per instrumented method: the prefix of its keys, the classes its
 * results and arguments may contain, whether it is kept off the disk (memory only) and why,
 * whether storing its results pays ({@link DiskWorth}), and whether it has said that some of its
 * calls are kept off.
 */
final class DiskMethod {

    private final String stableId;
    private final byte[] stableIdBytes;
    private final byte[] methodPrefix;
    private final Set<String> allowed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean toldReceiver = new AtomicBoolean();
    private final AtomicBoolean toldMismatch = new AtomicBoolean();
    private volatile Store allowedLoadedFrom;
    private volatile String refusal;
    private final DiskWorth worth = new DiskWorth();

    DiskMethod(MethodMeta method) {
        this.stableId = method.stableId();
        this.stableIdBytes = EntryFormat.stableId(stableId);
        this.methodPrefix = methodPrefix(stableId);
        if (stableId.endsWith("@null")) {
            refusal = "its class file cannot be read, so a change to it could not be detected";
        }
    }

    /**
     * The key prefix shared by every version of a method: its stable id up to the class-bytes
     * fingerprint, so clearing a method also removes entries of its older versions.
     */
    static byte[] methodPrefix(String stableId) {
        return stableId.substring(0, stableId.lastIndexOf('@') + 1).getBytes(StandardCharsets.UTF_8);
    }

    String stableId() {
        return stableId;
    }

    byte[] methodPrefix() {
        return methodPrefix;
    }

    /** Why the method stays in memory, or null when its results go to disk. */
    String refusal() {
        return refusal;
    }

    /** Whether storing the method's results pays, learnt from its calls. */
    DiskWorth worth() {
        return worth;
    }

    /**
     * Keeps the method in memory from now on.
     *
     * @return whether this call refused it (the caller then warns, once)
     */
    synchronized boolean refuse(String reason) {
        if (refusal != null) {
            return false;
        }
        refusal = reason;
        return true;
    }

    /**
     * The key of a call, for a lookup.
     *
     * @throws CallCodec.UnserializableReceiver when the receiver cannot be serialized
     * @throws IOException when the arguments cannot be serialized
     */
    byte[] key(CallKey call) throws IOException {
        return EntryFormat.key(stableIdBytes, CallCodec.encode(call));
    }

    /** The key of a call with the classes it names and the call read back from it, for a write. */
    CallCodec.Written writtenKey(CallKey call) throws IOException {
        CallCodec.Written written = CallCodec.encodeForWrite(call, call.method().classLoader());
        return new CallCodec.Written(EntryFormat.key(stableIdBytes, written.bytes()), written.classes(),
                written.readBack());
    }

    /** Where the call's bytes start in one of its keys. */
    int callOffset() {
        return stableIdBytes.length + 1;
    }

    /** Whether this is the first time a call on a receiver that cannot be serialized is kept in memory. */
    boolean firstUnserializableReceiver() {
        return toldReceiver.compareAndSet(false, true);
    }

    /** Whether this is the first time a call that does not read back as itself is kept in memory. */
    boolean firstMismatch() {
        return toldMismatch.compareAndSet(false, true);
    }

    /**
     * The classes its results and arguments may contain: those recorded in the store plus those
     * written since (only those while the store is not open: the pending records are this run's).
     */
    Set<String> allowedClasses(Store store) {
        if (store != null && allowedLoadedFrom != store) {
            allowed.addAll(store.allowedClasses(stableId));
            allowedLoadedFrom = store;
        }
        return allowed;
    }

    /** Adds classes written for a result (before the result is readable from the pending queue). */
    void allow(Set<String> classes) {
        allowed.addAll(classes);
    }
}
