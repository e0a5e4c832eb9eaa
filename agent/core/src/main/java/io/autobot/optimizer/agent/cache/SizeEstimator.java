package io.autobot.optimizer.agent.cache;

import java.util.Collection;
import java.util.Map;

/**
 * A cheap, bounded estimate of a result's (or a key's) size in bytes, to keep results and keys
 * over the profile's {@code max_file_size} out of the cache. It walks strings, arrays, collections and maps and
 * gives up (answering "too big") once the limit or a step budget is reached; other objects count
 * as a small fixed size. It is an estimate of the payload, not a heap measurement.
 */
final class SizeEstimator {

    private static final int OBJECT_BYTES = 16;
    private static final int STEP_BUDGET = 100_000;

    private SizeEstimator() {
    }

    /** Whether the value's estimated size is larger than {@code limit} bytes. */
    static boolean exceeds(Object value, long limit) {
        Walk walk = new Walk(limit);
        walk.add(value, 0);
        return walk.bytes > limit;
    }

    /**
     * Whether a key's parts together are estimated larger than {@code limit} bytes: its receiver
     * part (null for none) and its arguments, which a stored key keeps (arrays and collections as
     * copies).
     */
    static boolean exceeds(Object receiver, Object[] args, long limit) {
        Walk walk = new Walk(limit);
        walk.add(receiver, 0);
        walk.add(args, 0);
        return walk.bytes > limit;
    }

    private static final class Walk {
        private final long limit;
        private long bytes;
        private int steps;

        Walk(long limit) {
            this.limit = limit;
        }

        void add(Object value, int depth) {
            if (bytes > limit) {
                return;
            }
            if (++steps > STEP_BUDGET || depth > 32) {
                bytes = limit + 1;
                return;
            }
            if (value == null) {
                return;
            }
            if (value instanceof CharSequence) {
                bytes += OBJECT_BYTES + 2L * ((CharSequence) value).length();
            } else if (value instanceof byte[]) {
                bytes += OBJECT_BYTES + ((byte[]) value).length;
            } else if (value instanceof boolean[]) {
                bytes += OBJECT_BYTES + ((boolean[]) value).length;
            } else if (value instanceof short[]) {
                bytes += OBJECT_BYTES + 2L * ((short[]) value).length;
            } else if (value instanceof char[]) {
                bytes += OBJECT_BYTES + 2L * ((char[]) value).length;
            } else if (value instanceof int[] || value instanceof float[]) {
                bytes += OBJECT_BYTES + 4L * java.lang.reflect.Array.getLength(value);
            } else if (value instanceof long[] || value instanceof double[]) {
                bytes += OBJECT_BYTES + 8L * java.lang.reflect.Array.getLength(value);
            } else if (value instanceof Object[]) {
                bytes += OBJECT_BYTES;
                for (Object element : (Object[]) value) {
                    add(element, depth + 1);
                }
            } else if (value instanceof Collection) {
                bytes += OBJECT_BYTES;
                for (Object element : (Collection<?>) value) {
                    add(element, depth + 1);
                }
            } else if (value instanceof Map) {
                bytes += OBJECT_BYTES;
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    add(entry.getKey(), depth + 1);
                    add(entry.getValue(), depth + 1);
                }
            } else {
                bytes += OBJECT_BYTES;
            }
        }
    }
}
