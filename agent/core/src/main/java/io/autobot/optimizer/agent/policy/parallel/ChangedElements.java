package io.autobot.optimizer.agent.policy.parallel;

import java.util.function.IntPredicate;

/**
 * Which elements of a chunk array a body changed: those that differ from the same elements as cut
 * ({@link Cut}). Objects are compared by identity, as for lists; primitives by their bits, so that
 * a {@code -0.0} written over {@code 0.0} counts as a write and an untouched {@code NaN} does not.
 */
final class ChangedElements {

    private ChangedElements() {
    }

    /**
     * @param chunk a chunk array after its body ran
     * @param cut the elements as cut, an array of the same component type
     * @param start where the chunk starts in {@code cut}
     * @return whether element {@code i} of the chunk differs from element {@code start + i} of {@code cut}
     */
    static IntPredicate of(Object chunk, Object cut, int start) {
        if (chunk instanceof Object[]) {
            Object[] now = (Object[]) chunk;
            Object[] was = (Object[]) cut;
            return i -> now[i] != was[start + i];
        }
        if (chunk instanceof int[]) {
            int[] now = (int[]) chunk;
            int[] was = (int[]) cut;
            return i -> now[i] != was[start + i];
        }
        if (chunk instanceof long[]) {
            long[] now = (long[]) chunk;
            long[] was = (long[]) cut;
            return i -> now[i] != was[start + i];
        }
        if (chunk instanceof double[]) {
            double[] now = (double[]) chunk;
            double[] was = (double[]) cut;
            return i -> Double.doubleToRawLongBits(now[i]) != Double.doubleToRawLongBits(was[start + i]);
        }
        return ofSmallPrimitives(chunk, cut, start);
    }

    private static IntPredicate ofSmallPrimitives(Object chunk, Object cut, int start) {
        if (chunk instanceof float[]) {
            float[] now = (float[]) chunk;
            float[] was = (float[]) cut;
            return i -> Float.floatToRawIntBits(now[i]) != Float.floatToRawIntBits(was[start + i]);
        }
        if (chunk instanceof short[]) {
            short[] now = (short[]) chunk;
            short[] was = (short[]) cut;
            return i -> now[i] != was[start + i];
        }
        if (chunk instanceof char[]) {
            char[] now = (char[]) chunk;
            char[] was = (char[]) cut;
            return i -> now[i] != was[start + i];
        }
        if (chunk instanceof byte[]) {
            byte[] now = (byte[]) chunk;
            byte[] was = (byte[]) cut;
            return i -> now[i] != was[start + i];
        }
        boolean[] now = (boolean[]) chunk;
        boolean[] was = (boolean[]) cut;
        return i -> now[i] != was[start + i];
    }
}
