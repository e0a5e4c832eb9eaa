package io.autobot.optimizer.agent.cache.disk;

/** Why a store could not be opened; the kind decides what the tier does about it. */
final class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    enum Kind {
        /** Another JVM holds the store's lock: leave it alone. */
        LOCKED,
        /** The files are damaged or not a store of this version: set them aside and rebuild. */
        DAMAGED,
        /** The files cannot be read or written (permissions, space, a missing library): give up. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final transient Store.Salvage salvage;

    StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.salvage = null;
    }

    /** A damaged store, with what could still be read of it (or null). */
    StoreException(String message, Store.Salvage salvage) {
        super(message);
        this.kind = Kind.DAMAGED;
        this.salvage = salvage;
    }

    Kind kind() {
        return kind;
    }

    /** What could still be read of a damaged store; null when nothing could be or it was not tried. */
    Store.Salvage salvage() {
        return salvage;
    }
}
