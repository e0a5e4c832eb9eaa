package io.autobot.optimizer.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GeneratedRecordTest {

    record Point(int x, double y, String label) {
    }

    record Line(Point from, Point to, List<Point> via) {
    }

    /** Equal regardless of case: a hand-written equals is the record's own. */
    record Name(String value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Name name && name.value.equalsIgnoreCase(value);
        }

        @Override
        public int hashCode() {
            return value.toLowerCase(Locale.ROOT).hashCode();
        }
    }

    /** A hand-written hashCode beside a generated equals. */
    record Tagged(String tag) {
        @Override
        public int hashCode() {
            return 7;
        }
    }

    @Test
    void findsTheCompilersEqualsAndHashCodeOnly() {
        assertThat(GeneratedRecord.of(Point.class)).isNotNull();
        assertThat(GeneratedRecord.of(Line.class)).isNotNull();
        assertThat(GeneratedRecord.of(Name.class)).isNull();
        assertThat(GeneratedRecord.of(Tagged.class)).isNull();
        assertThat(GeneratedRecord.of(String.class)).isNull();
        assertThat(KeyValues.kind(Point.class)).isEqualTo(KeyValues.Kind.RECORD);
        assertThat(KeyValues.kind(Name.class)).isEqualTo(KeyValues.Kind.VALUE);
    }

    @Test
    void keysRecordsAsTheirGeneratedEqualsDoes() {
        List<Object[]> pairs = List.of(
                new Object[] {new Point(1, 2.0, "a"), new Point(1, 2.0, "a")},
                new Object[] {new Point(1, 2.0, "a"), new Point(1, 2.0, "b")},
                new Object[] {new Point(1, Double.NaN, null), new Point(1, Double.NaN, null)},
                new Object[] {new Point(1, 0.0, "a"), new Point(1, -0.0, "a")},
                new Object[] {new Line(new Point(1, 1, "p"), new Point(2, 2, "q"), List.of(new Point(3, 3, "r"))),
                        new Line(new Point(1, 1, "p"), new Point(2, 2, "q"), List.of(new Point(3, 3, "r")))},
                new Object[] {new Line(new Point(1, 1, "p"), null, List.of()),
                        new Line(new Point(1, 1, "p"), new Point(2, 2, "q"), List.of())},
                new Object[] {new Name("Ada"), new Name("ADA")});
        for (Object[] pair : pairs) {
            boolean equal = pair[0].equals(pair[1]);
            assertThat(KeyValues.same(pair[0], pair[1])).as("%s and %s", pair[0], pair[1]).isEqualTo(equal);
            if (equal) {
                assertThat(KeyValues.hashArgs(new Object[] {pair[0]}, false))
                        .isEqualTo(KeyValues.hashArgs(new Object[] {pair[1]}, false));
            }
        }
    }

    @Test
    void aClassFileWithAHandWrittenBodyIsNotGenerated() throws Exception {
        byte[] generated;
        byte[] handWritten;
        try (var in = Point.class.getResourceAsStream("GeneratedRecordTest$Point.class");
                var other = Name.class.getResourceAsStream("GeneratedRecordTest$Name.class")) {
            generated = in.readAllBytes();
            handWritten = other.readAllBytes();
        }
        assertThat(GeneratedRecord.generatedEqualsAndHashCode(generated)).isTrue();
        assertThat(GeneratedRecord.generatedEqualsAndHashCode(handWritten)).isFalse();
    }
}
