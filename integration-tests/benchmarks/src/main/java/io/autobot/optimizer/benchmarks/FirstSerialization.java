package io.autobot.optimizer.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What JDK serialization costs the first time a JVM uses it on a record class, as the disk tier
 * does on the caller's thread under {@code disk}: serializing a list of five records of fifteen
 * components (the shape of the sample's {@code ComponentMetrics}), then writing and reading it back
 * twice, in a fresh JVM. With {@code warm}, a record of another class is written and read back 40
 * times first, as the disk tier's own warm-up does at start-up: what remains is the record class's
 * own first use. Run each way in its own JVM, a few times:
 *
 * <pre>java -cp integration-tests/benchmarks/target/benchmarks.jar \
 *     io.autobot.optimizer.benchmarks.FirstSerialization [warm]</pre>
 */
public final class FirstSerialization {

    /** A record of the sample's shape: strings, ints, a list and a boolean. */
    record Metrics(String name, String path, String kind, int lines, int methods, int publicMethods, int fields,
            int nestedTypes, int imports, int internalImports, int maxComplexity, int totalComplexity,
            int maxNesting, List<String> annotations, boolean valid) implements Serializable {
    }

    /** The other record class of the warm-up. */
    record Other(String text, int number) implements Serializable {
    }

    private FirstSerialization() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("warm")) {
            for (int i = 0; i < 40; i++) {
                roundTrip(List.of(new Other("x", i), new Other("y", 2)));
            }
        }
        List<Metrics> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            list.add(new Metrics("Type" + i, "a/Type" + i + ".java", "class", 10, 2, 1, 3, 0, 4, 1, 2, 5, 1,
                    List.of("Deprecated"), true));
        }
        Object value = List.copyOf(list);
        long start = System.nanoTime();
        serialize(value);
        long serialized = System.nanoTime();
        roundTrip(value);
        long first = System.nanoTime();
        roundTrip(value);
        long second = System.nanoTime();
        System.out.printf("first serialization %.1f ms, first write and read back %.1f ms, second %.1f ms%n",
                (serialized - start) / 1e6, (first - serialized) / 1e6, (second - first) / 1e6);
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(value)))) {
            return in.readObject();
        }
    }
}
