package io.autobot.optimizer.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.engine.TestMethods;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Key equality beyond the hash: every check here pairs keys whose hashes are equal (or compares a
 * key with itself after a change), so a key that compares hashes, or only the first argument, or
 * arrays by identity, fails.
 */
class CallKeyEqualityTest {

    private final MethodMeta method = TestMethods.cached("equality");

    private CallKey key(Object... args) {
        return CallKey.of(method, args);
    }

    /** Asserts the two keys hash alike (so only equality can tell them apart) and are not equal. */
    private static void differentDespiteEqualHash(CallKey left, CallKey right) {
        assertThat(left.hashCode()).as("the pair is chosen to hash alike").isEqualTo(right.hashCode());
        assertThat(left).isNotEqualTo(right);
        assertThat(right).isNotEqualTo(left);
        assertThat(left.matches(right.receiver(), right.args())).isFalse();
    }

    private static void equalAndHashAlike(CallKey left, CallKey right) {
        assertThat(left).isEqualTo(right).hasSameHashCodeAs(right);
        assertThat(right).isEqualTo(left);
        assertThat(left.matches(right.receiver(), right.args())).isTrue();
    }

    @Test
    void hashCollidingStringsAreDifferentKeys() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        differentDespiteEqualHash(key("Aa"), key("BB"));
        differentDespiteEqualHash(key("AaAa"), key("BBBB"));
        differentDespiteEqualHash(key(new String[] {"Aa"}), key(new String[] {"BB"}));
        differentDespiteEqualHash(key((Object) new Object[] {"x", "Aa"}), key((Object) new Object[] {"x", "BB"}));
        differentDespiteEqualHash(key(List.of("Aa")), key(List.of("BB")));
    }

    @Test
    void laterArgumentsCountAsMuchAsTheFirst() {
        differentDespiteEqualHash(key("same", "Aa"), key("same", "BB"));
        differentDespiteEqualHash(key("same", 1, "Aa"), key("same", 1, "BB"));
        assertThat(key("same", 1, 2)).isNotEqualTo(key("same", 1, 3));
        assertThat(key("same", null)).isNotEqualTo(key("same", "x"));
        assertThat(key("same", "x")).isNotEqualTo(key("same", null));
        equalAndHashAlike(key("same", 1, "Aa", null), key("same", 1, "Aa", null));
    }

    @Test
    void keysOfDifferentArityAreDifferentEvenWhenTheyHashAlike() {
        // [0] hashes 31 * 1 + 0 = 31 after the method part; [0, -930] hashes 31 * (31 + 0) - 930 = 31
        differentDespiteEqualHash(key(0), key(0, -930));
        differentDespiteEqualHash(key(0, -930), key(0));
    }

    @Test
    void aReceiverThatHashesAlikeIsStillCompared() {
        differentDespiteEqualHash(CallKey.of(method, new Named("Aa"), new Object[] {1}),
                CallKey.of(method, new Named("BB"), new Object[] {1}));
        differentDespiteEqualHash(CallKey.of(method, new Named(null), new Object[] {1}),
                CallKey.of(method, new Named(""), new Object[] {1}));
    }

    /** Two arrays of one element type, equal by content, and a third that differs in one element (its hash may differ). */
    static Stream<Arguments> primitiveArrays() {
        return Stream.of(
                Arguments.of("int[]", new int[] {1, 2, 3}, new int[] {1, 2, 3}, new int[] {1, 2, 4}),
                Arguments.of("long[]", new long[] {1L << 40, 2}, new long[] {1L << 40, 2}, new long[] {1L << 40, 3}),
                Arguments.of("byte[]", new byte[] {1, -2}, new byte[] {1, -2}, new byte[] {1, -3}),
                Arguments.of("short[]", new short[] {7, 300}, new short[] {7, 300}, new short[] {7, 301}),
                Arguments.of("char[]", new char[] {'a', 'b'}, new char[] {'a', 'b'}, new char[] {'a', 'c'}),
                Arguments.of("float[]", new float[] {1.5f, Float.NaN}, new float[] {1.5f, Float.NaN},
                        new float[] {1.5f, 2f}),
                Arguments.of("double[]", new double[] {0.25, Double.NaN}, new double[] {0.25, Double.NaN},
                        new double[] {0.25, 1}),
                Arguments.of("boolean[]", new boolean[] {true, false}, new boolean[] {true, false},
                        new boolean[] {true, true}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("primitiveArrays")
    void everyPrimitiveArrayTypeComparesByContent(String type, Object array, Object sameContent, Object other) {
        assertThat(array).isNotSameAs(sameContent);
        equalAndHashAlike(key(array), key(sameContent));
        equalAndHashAlike(key("first", array), key("first", sameContent));
        assertThat(key(array)).isNotEqualTo(key(other));
        assertThat(key("first", array)).isNotEqualTo(key("first", other));
        equalAndHashAlike(key((Object) new Object[] {array}), key((Object) new Object[] {sameContent}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("primitiveArrays")
    void aStoredKeyKeepsItsOwnCopyOfEveryPrimitiveArrayType(String type, Object array, Object sameContent,
            Object other) {
        Object callersArray = copyOf(array);
        CallKey stored = key("first", callersArray).detached();
        CallKey nested = key((Object) new Object[] {callersArray}).detached();
        System.arraycopy(other, 0, callersArray, 0, java.lang.reflect.Array.getLength(other));
        equalAndHashAlike(stored, key("first", sameContent));
        equalAndHashAlike(nested, key((Object) new Object[] {sameContent}));
        assertThat(stored.args()[1]).isNotSameAs(callersArray).isExactlyInstanceOf(array.getClass());
        assertThat(stored.unchanged()).isTrue();
    }

    /**
     * Arrays whose hash is equal but whose content is not, one pair per element type: a key
     * that compares arrays by hash, or one element type's branch by another's, fails here.
     */
    static Stream<Arguments> hashCollidingArrays() {
        // Arrays.hashCode is 31 * (31 + a) + b: (a, b) and (a + 1, b - 31) collide
        return Stream.of(
                Arguments.of(new int[] {1, 40}, new int[] {2, 9}),
                Arguments.of(new long[] {1, 40}, new long[] {2, 9}),
                Arguments.of(new byte[] {1, 40}, new byte[] {2, 9}),
                Arguments.of(new short[] {1, 40}, new short[] {2, 9}),
                Arguments.of(new char[] {1, 40}, new char[] {2, 9}),
                // Double.hashCode folds the two halves of the bits: swapping them keeps the hash
                Arguments.of(new double[] {1.0}, new double[] {Double.longBitsToDouble(0x3FF00000L)}),
                Arguments.of(new float[] {1f, 2f},
                        new float[] {Float.intBitsToFloat(0x3F800001), Float.intBitsToFloat(0x40000000 - 31)}),
                Arguments.of(new Object[] {"Aa"}, new Object[] {"BB"}));
    }

    @ParameterizedTest
    @MethodSource("hashCollidingArrays")
    void arraysThatHashAlikeButDifferInContentAreDifferentKeys(Object left, Object right) {
        differentDespiteEqualHash(key(left), key(right));
        differentDespiteEqualHash(key("first", left), key("first", right));
    }

    @Test
    void floatingPointArraysCompareByBitsAsArraysEqualsDoes() {
        equalAndHashAlike(key(new double[] {Double.NaN}), key(new double[] {0.0 / 0.0}));
        equalAndHashAlike(key(new float[] {Float.NaN}), key(new float[] {0f / 0f}));
        assertThat(key(new double[] {0.0})).isNotEqualTo(key(new double[] {-0.0}));
        assertThat(key(new float[] {0f})).isNotEqualTo(key(new float[] {-0f}));
        assertThat(key(0.0)).as("boxed, as Double.equals").isNotEqualTo(key(-0.0));
        equalAndHashAlike(key(Double.NaN), key(Double.NaN));
    }

    @Test
    void arraysOfDifferentLengthsWithTheSamePrefixDiffer() {
        assertThat(key(new int[] {1, 2})).isNotEqualTo(key(new int[] {1, 2, 0}));
        assertThat(key(new boolean[] {true})).isNotEqualTo(key(new boolean[] {true, false}));
        assertThat(key((Object) new Object[] {1})).isNotEqualTo(key((Object) new Object[] {1, null}));
    }

    @Test
    void primitiveArraysOfDifferentTypesWithEqualValuesDiffer() {
        Object[] sameValues = {new int[] {1}, new long[] {1}, new short[] {1}, new byte[] {1}, new char[] {1}};
        for (Object left : sameValues) {
            for (Object right : sameValues) {
                if (left != right) {
                    assertThat(key(left)).as("%s vs %s", left.getClass(), right.getClass()).isNotEqualTo(key(right));
                }
            }
        }
    }

    @Test
    void nestedArraysCompareByContentAndClassAtEveryDepth() {
        equalAndHashAlike(key((Object) new int[][] {{1, 2}, {3}}), key((Object) new int[][] {{1, 2}, {3}}));
        assertThat(key((Object) new int[][] {{1, 2}, {3}})).isNotEqualTo(key((Object) new int[][] {{1, 2}, {4}}));
        assertThat(key((Object) new int[][] {{1, 2}, {3}})).isNotEqualTo(key((Object) new int[][] {{1, 2}, {3, 0}}));
        differentDespiteEqualHash(key((Object) new String[][] {{"x"}, {"Aa"}}),
                key((Object) new String[][] {{"x"}, {"BB"}}));
        equalAndHashAlike(key((Object) new Object[] {new Object[] {new double[] {Double.NaN}, "a"}}),
                key((Object) new Object[] {new Object[] {new double[] {Double.NaN}, "a"}}));
        assertThat(key((Object) new Object[] {new int[][] {{1}}})).isNotEqualTo(key((Object) new Object[] {new long[][] {{1}}}));
        assertThat(key((Object) new int[][] {{1}})).isNotEqualTo(key((Object) new Object[] {new int[] {1}}));
        assertThat(key((Object) new int[][] {null})).isNotEqualTo(key((Object) new int[][] {{}}));
        equalAndHashAlike(key((Object) new int[][] {null}), key((Object) new int[][] {null}));
    }

    @Test
    void aStoredKeyCopiesNestedArraysAtEveryDepth() {
        int[] inner = {1, 2};
        int[][] outer = {inner};
        Object[] wrapper = {outer, "Aa"};
        CallKey stored = key(wrapper, "tail").detached();
        inner[0] = 9;
        wrapper[1] = "BB";
        equalAndHashAlike(stored, key(new Object[] {new int[][] {{1, 2}}, "Aa"}, "tail"));
        assertThat(stored).isNotEqualTo(key(wrapper, "tail"));
    }

    @Test
    void theSameKeyObjectAndAReusableKeyAgreeWithFreshKeys() {
        CallKey reusable = CallKey.reusable();
        reusable.reuse(method, null, new Object[] {"x", "Aa"});
        differentDespiteEqualHash(reusable, key("x", "BB"));
        equalAndHashAlike(reusable, key("x", "Aa"));
        reusable.reuse(method, null, new Object[] {"x", new char[] {'q'}});
        equalAndHashAlike(reusable, key("x", new char[] {'q'}));
    }

    @Test
    void aKeyEqualsItselfAndNothingButKeys() {
        CallKey key = key("a", new int[] {1});
        assertThat(key.equals(key)).isTrue();
        assertThat(key.equals("a")).isFalse();
        assertThat(key.equals(null)).isFalse();
    }

    @Test
    void hashesSpreadOverArgumentsAndTheirOrder() {
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            hashes.add(key("value-" + i).hashCode());
        }
        assertThat(hashes).hasSizeGreaterThan(95);
        assertThat(key("a", "b").hashCode()).isNotEqualTo(key("b", "a").hashCode());
        assertThat(CallKey.of(method, new Named("x"), new Object[] {1}).hashCode())
                .isNotEqualTo(CallKey.of(method, new Named("y"), new Object[] {1}).hashCode());
    }

    @Test
    void tellsALargeKeyFromASmallOne() {
        assertThat(key("x".repeat(10_000)).largerThan(1024)).isTrue();
        assertThat(key("x").largerThan(1024)).isFalse();
        assertThat(key(new long[2_000]).largerThan(1024)).isTrue();
    }

    @Test
    void describesItselfByMethodAndArityOnly() {
        assertThat(key("a", 2).toString()).contains(method.displayName()).contains("2 args").doesNotContain("a,");
        assertThat(CallKey.of(method, new Named("n"), new Object[] {1}).toString()).contains("a receiver");
        assertThat(key(1).toString()).doesNotContain("a receiver");
    }

    private static Object copyOf(Object array) {
        int length = java.lang.reflect.Array.getLength(array);
        Object copy = java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), length);
        System.arraycopy(array, 0, copy, 0, length);
        return copy;
    }

    /** A receiver with value equality over one field, whose hash can be made to collide. */
    static final class Named {
        final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Named && java.util.Objects.equals(((Named) other).name, name);
        }

        @Override
        public int hashCode() {
            return name == null ? 0 : name.hashCode();
        }
    }
}
