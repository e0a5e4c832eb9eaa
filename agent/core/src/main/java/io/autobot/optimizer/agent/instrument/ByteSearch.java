package io.autobot.optimizer.agent.instrument;

/** Finds a byte pattern in a class file: the transformer's first, cheap filter. */
final class ByteSearch {

    private ByteSearch() {
    }

    /** Whether {@code pattern} (non-empty) occurs in {@code data}. */
    static boolean contains(byte[] data, byte[] pattern) {
        byte first = pattern[0];
        int last = data.length - pattern.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (data[i] != first) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
