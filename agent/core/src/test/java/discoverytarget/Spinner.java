package discoverytarget;

/** Busy code outside the agent's packages, for the discovery tests. */
public final class Spinner {

    public static volatile long sink;

    private Spinner() {
    }

    public static long spin(long seed) {
        long h = seed;
        for (int i = 0; i < 100_000; i++) {
            h ^= h << 13;
            h ^= h >>> 7;
            h ^= h << 17;
        }
        return h;
    }
}
