package io.autobot.optimizer.agent.engine;

import java.util.Arrays;

/**
 * One thread's calls whose bodies run in the host's own frame while the agent waits for their
 * end (a cached method's miss, to store its result), innermost last. A call is known by the
 * argument array its enter advice built, which its exit advice hands back: that array belongs to
 * one frame only, so an exit finds its own call and nothing else. Exits of frames that pushed
 * nothing (a body the runtime re-invoked, a call that failed open) find nothing and change nothing.
 *
 * <p>An exit that never came (the exit advice could not even call the agent: a stack that ended
 * just there) leaves its call above the calls of outer frames; the next exit of an outer frame
 * takes it off and abandons it, so what waits for it is released. Popped slots are cleared, and a
 * stack that grew deep (a deep recursion) is given back once it is empty, so the thread keeps no
 * host object after its calls ended.
 */
final class PendingCalls {

    private static final int INITIAL = 8;
    private static final int KEPT = 64;

    private InlineCall[] calls = new InlineCall[INITIAL];
    private int size;

    void push(InlineCall call) {
        if (size == calls.length) {
            calls = Arrays.copyOf(calls, size * 2);
        }
        if (size + 1 == StackHeadroom.CHECKED_FROM) {
            HitGate.hold(); // before the call is on the stack: hits on this thread now check the headroom
        }
        calls[size++] = call;
    }

    /**
     * Takes off the call of this frame, and any call above it whose exit never came (those are
     * abandoned).
     *
     * @return the frame's call, or null when the frame pushed none
     */
    InlineCall pop(Object[] frame) {
        int index = indexOf(frame);
        if (index < 0) {
            return null;
        }
        InlineCall call = calls[index];
        int top = size;
        InlineCall[] held = calls;
        size = index;
        if (top >= StackHeadroom.CHECKED_FROM && index < StackHeadroom.CHECKED_FROM) {
            HitGate.release();
        }
        if (index == 0 && calls.length > KEPT) {
            calls = new InlineCall[INITIAL];
        }
        held[index] = null;
        for (int i = top - 1; i > index; i--) {
            InlineCall stale = held[i];
            held[i] = null;
            stale.abandon();
        }
        return call;
    }

    private int indexOf(Object[] frame) {
        for (int i = size - 1; i >= 0; i--) { // the top, unless an exit never came
            if (calls[i].frame() == frame) {
                return i;
            }
        }
        return -1;
    }

    int size() {
        return size;
    }

    /** The capacity of the stack: what it holds on to. */
    int capacity() {
        return calls.length;
    }
}
