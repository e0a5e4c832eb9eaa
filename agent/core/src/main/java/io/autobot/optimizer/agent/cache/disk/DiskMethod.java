package io.autobot.optimizer.agent.cache.disk;

import io.autobot.optimizer.agent.engine.MethodMeta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the disk tier keeps per instrumented method: the prefix of its keys, the classes its
 * results may contain, and whether it is kept off the disk (memory only) and why.
 */
final class DiskMethod {

    private final String stableId;
    private final byte[] stableIdBytes;
    private final byte[] methodPrefix;
    private final Set<String> allowed = ConcurrentHashMap.newKeySet();
    private volatile Store allowedLoadedFrom;
    private volatile String refusal;

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

    /** The key of a call, or null when its arguments cannot be serialized (the method is then refused). */
    byte[] key(Object[] args) throws IOException {
        return EntryFormat.key(stableIdBytes, ValueCodec.encodeArguments(args));
    }

    /** The classes its results may contain: those recorded in the store plus those written since. */
    Set<String> allowedClasses(Store store) {
        if (allowedLoadedFrom != store) {
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
