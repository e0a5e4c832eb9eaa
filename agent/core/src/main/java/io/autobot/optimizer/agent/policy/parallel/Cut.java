package io.autobot.optimizer.agent.policy.parallel;

/**
 * An argument as it was cut into chunks: one copy of its elements, taken when the call is split,
 * from which every chunk is copied. Bodies change their chunks and other threads may change the
 * argument during the call, but this copy changes neither way: write-back compares each chunk with
 * it, so that only what a body wrote reaches the argument, never an element as it was before the
 * call over another thread's write ({@link WriteBack}); and a chunk the caller takes over is copied
 * from it again, as the worker's was.
 */
final class Cut {

    private final Splittable kind;
    private final Object argument;
    private final Object elements;
    private final int size;
    private final int parts;

    /**
     * @param elements the argument's elements, copied: an array of its component type, or an {@code Object[]}
     */
    Cut(Splittable kind, Object argument, Object elements, int size, int parts) {
        this.kind = kind;
        this.argument = argument;
        this.elements = elements;
        this.size = size;
        this.parts = parts;
    }

    /** A fresh copy of every chunk, in order. */
    Object[] chunks() {
        Object[] chunks = new Object[parts];
        for (int i = 0; i < parts; i++) {
            chunks[i] = chunk(i);
        }
        return chunks;
    }

    /** A fresh copy of chunk {@code index}, of the declared kind. */
    Object chunk(int index) {
        return kind.chunk(argument, elements, start(index), length(index));
    }

    /** The elements as cut, all chunks': an array, never handed to a body nor changed. */
    Object elements() {
        return elements;
    }

    int parts() {
        return parts;
    }

    /** How many elements were cut. */
    int size() {
        return size;
    }

    /** Where chunk {@code index} starts: the first {@code size % parts} chunks are one longer. */
    int start(int index) {
        return index * (size / parts) + Math.min(index, size % parts);
    }

    int length(int index) {
        return size / parts + (index < size % parts ? 1 : 0);
    }
}
