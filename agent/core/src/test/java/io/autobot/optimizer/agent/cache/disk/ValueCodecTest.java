package io.autobot.optimizer.agent.cache.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueCodecTest {

    record Point(int x, String label) implements Serializable {
    }

    /** A record whose accessor is not its field: the field is what is written, as JDK serialization does. */
    record Shouting(String word) implements Serializable {
        @Override
        public String word() {
            return word.toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** A record JDK serialization treats itself: its {@code readResolve} runs on read. */
    record Resolved(int n) implements Serializable {
        private Object readResolve() {
            return new Resolved(n + 1);
        }
    }

    /** A record that cannot be written. */
    record Unwritable(int n) {
    }

    /** Two records of names of one length and components in another order, to swap in a stream. */
    record Pt1(int x, String label) implements Serializable {
    }

    record Pt2(String label, int x) implements Serializable {
    }

    /** Stands for a class the cache never wrote: a gadget in a tampered file. */
    static final class Foreign implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private static Object roundTrip(Object value) throws Exception {
        ValueCodec.Encoded encoded = ValueCodec.encode(value, null);
        return ValueCodec.decode(encoded.bytes(), 0, encoded.bytes().length, encoded.classes(),
                ValueCodecTest.class.getClassLoader());
    }

    @Test
    void readsBackCollectionsRecordsAndArraysAsFreshCopies() throws Exception {
        Map<String, List<Point>> value = new HashMap<>();
        value.put("a", new ArrayList<>(List.of(new Point(1, "one"), new Point(2, "two"))));
        Object copy = roundTrip(value);
        assertThat(copy).isEqualTo(value).isNotSameAs(value);
        assertThat(roundTrip(new int[] {1, 2, 3})).isEqualTo(new int[] {1, 2, 3});
        assertThat(roundTrip(new String[][] {{"x"}})).isEqualTo(new String[][] {{"x"}});
    }

    @Test
    void recordsEveryClassItWrites() throws Exception {
        Set<String> classes = ValueCodec.encode(new ArrayList<>(List.of(new Point(1, "p"))), null).classes();
        assertThat(classes).contains(ArrayList.class.getName(), Point.class.getName());
    }

    @Test
    void rejectsAClassTheCacheNeverWrote() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(List.of(new Foreign()));
        }
        Set<String> allowed = ValueCodec.encode(new ArrayList<>(List.of("x")), null).classes();
        assertThatThrownBy(() -> ValueCodec.decode(bytes.toByteArray(), 0, bytes.size(), allowed, null))
                .isInstanceOf(ValueCodec.RejectedClassException.class);
    }

    @Test
    void rejectsArraysLongerThanTheStream() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new long[1000]);
        }
        byte[] data = bytes.toByteArray();
        // shorten the stream's view so that the claimed length exceeds it: a tampered length field
        assertThatThrownBy(() -> ValueCodec.decode(data, 0, 900, Set.of("[J"), null))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void refusesWhatCannotBeSerializedOrReadBack() {
        assertThatThrownBy(() -> ValueCodec.encode(new Object(), null)).isInstanceOf(NotSerializableException.class);
        Object proxy = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Runnable.class},
                (p, m, a) -> null);
        assertThatThrownBy(() -> ValueCodec.encode(proxy, null)).isInstanceOf(NotSerializableException.class);
        assertThatThrownBy(() -> ValueCodec.encodeArguments(new Object[] {new Object()}))
                .isInstanceOf(NotSerializableException.class);
    }

    @Test
    void encodesEqualArgumentsToEqualBytes() throws Exception {
        assertThat(ValueCodec.encodeArguments(new Object[] {"a", 1, List.of(2L)}))
                .isEqualTo(ValueCodec.encodeArguments(new Object[] {"a", 1, List.of(2L)}))
                .isNotEqualTo(ValueCodec.encodeArguments(new Object[] {"a", 2, List.of(2L)}));
    }

    @Test
    void writesRecordsAsFormsAndReadsThemBackThroughTheirCanonicalConstructor() throws Exception {
        Point shared = new Point(1, "one");
        List<Object> value = new ArrayList<>(List.of(shared, shared, new Shouting("quiet")));
        ValueCodec.Encoded encoded = ValueCodec.encode(value, null);
        assertThat(encoded.classes()).contains(RecordForm.class.getName(), Point.class.getName(),
                Shouting.class.getName());
        assertThat(new String(encoded.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("java.lang.Record"); // the JDK's record descriptor was never written
        @SuppressWarnings("unchecked")
        List<Object> copy = (List<Object>) roundTrip(value);
        assertThat(copy).isEqualTo(value);
        assertThat(copy.get(0)).isNotSameAs(shared).isSameAs(copy.get(1)); // shared once, as written
        assertThat(((Shouting) copy.get(2)).word()).isEqualTo("QUIET"); // the field read back, not the accessor's
    }

    @Test
    void leavesRecordsWithSerializationMethodsAndUnserializableRecordsToTheJdk() throws Exception {
        assertThat(ValueCodec.encode(new Resolved(1), null).classes()).doesNotContain(RecordForm.class.getName());
        assertThat(roundTrip(new Resolved(1))).isEqualTo(new Resolved(2)); // its readResolve ran on the read
        assertThatThrownBy(() -> ValueCodec.encode(new Unwritable(1), null))
                .isInstanceOf(NotSerializableException.class);
        assertThatThrownBy(() -> ValueCodec.encodeArguments(new Object[] {new Unwritable(1)}))
                .isInstanceOf(NotSerializableException.class);
    }

    @Test
    void rejectsARecordFormOfAClassTheCacheNeverWrote() throws Exception {
        ValueCodec.Encoded encoded = ValueCodec.encode(new Point(1, "p"), null);
        Set<String> withoutPoint = new java.util.HashSet<>(encoded.classes());
        withoutPoint.remove(Point.class.getName());
        assertThatThrownBy(() -> ValueCodec.decode(encoded.bytes(), 0, encoded.bytes().length, withoutPoint, null))
                .isInstanceOfSatisfying(ValueCodec.RejectedClassException.class,
                        e -> assertThat(e.classname).isEqualTo(Point.class.getName()));
    }

    @Test
    void refusesAFormWhoseClassNoLongerHasItsComponents() throws Exception {
        // a record class changed since its form was written: read by position, its values would swap
        ValueCodec.Encoded encoded = ValueCodec.encode(new Pt1(1, "p"), null);
        byte[] swapped = new String(encoded.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace(Pt1.class.getName(), Pt2.class.getName()).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Set<String> allowed = new java.util.HashSet<>(encoded.classes());
        allowed.add(Pt2.class.getName());
        assertThatThrownBy(() -> ValueCodec.decode(swapped, 0, swapped.length, allowed, null))
                .isInstanceOf(java.io.InvalidObjectException.class)
                .hasMessageContaining("no longer a record of the components x int,label java.lang.String");
    }

    @Test
    void theWarmUpWritesAndReadsBackItsSampleThroughTheAllowList() {
        // the decode admits only the classes the encode recorded: a sample it could not read back would throw
        org.assertj.core.api.Assertions.assertThatCode(ValueCodec::warmUp).doesNotThrowAnyException();
    }
}
