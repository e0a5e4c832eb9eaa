package io.autobot.optimizer.agent.engine;

/**
 * Whether the calling thread has stack to spare for the agent's work on a call. A
 * {@code StackOverflowError} thrown inside a shared data structure while it is half-way through a
 * change can leave it broken for every thread: one thrown while Caffeine's write buffer grew left
 * every later cache write spinning, forever, in a host that recursed until its stack overflowed
 * (a parser's depth guard, a binary search for the deepest input). The agent's own frames are
 * cheap to lose; those structures are not. So a thread deep in calls the agent handles asks
 * first, by descending a fixed number of frames of its own, each holding eight live
 * {@code long}s across its call (about 12 KB compiled, 50 KB interpreted, several times what a
 * Caffeine write with its maintenance takes), on top of the shadow zone the JVM keeps free below
 * every method it enters; an overflow there breaks nothing, and the call then runs as the plain
 * method.
 */
final class StackHeadroom {

    /**
     * How many cached calls must be running their bodies in the host's frames on the thread before
     * it is asked: a memoized recursion, which is what goes on until its stack ends. (Calls through
     * other policies nest at most 64 deep, on the agent's own frames, and are not asked.)
     */
    static final int CHECKED_FROM = 16;

    private static final int FRAMES = 128;

    private StackHeadroom() {
    }

    /** Whether {@link #FRAMES} frames of the probe fit on the calling thread's stack. */
    static boolean ample() {
        try {
            return descend(FRAMES, 1, 2, 3, 4, 5, 6, 7, 8) != 0;
        } catch (StackOverflowError tooDeep) {
            return false;
        }
    }

    /** Every parameter is used after the inner call, so each frame keeps them (the JIT cannot shrink it). */
    private static long descend(int frames, long a, long b, long c, long d, long e, long f, long g, long h) {
        if (frames == 0) {
            return a | 1;
        }
        long below = descend(frames - 1, b, c, d, e, f, g, h, a + 1);
        return below + (a ^ b ^ c ^ d ^ e ^ f ^ g ^ h);
    }
}
