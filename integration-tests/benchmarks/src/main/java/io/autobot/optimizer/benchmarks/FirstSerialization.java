package io.autobot.optimizer.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What JDK serialization costs the first time a JVM uses it on a record class, as the disk tier
 * does on the caller's thread under {@code disk}: serializing a list of five records of fifteen
 * components (the shape of the sample's {@code ComponentMetrics}), then writing and reading it back
 * twice, in a fresh JVM. With {@code warm}, a record of another class is written and read back 40
 * times first, as the disk tier's own warm-up does at start-up: what remains is the record class's
 * own first use. With {@code agent}, every write and read goes through the disk tier's own codec
 * ({@code ValueCodec}, copied into this jar), which writes records in their own form and reads them
 * back through the allow-list. Run each way in its own JVM, a few times:
 *
 * <pre>java -cp integration-tests/benchmarks/target/benchmarks.jar \
 *     io.autobot.optimizer.benchmarks.FirstSerialization [warm] [agent]</pre>
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

    /** The disk tier's codec, or null for plain JDK serialization. */
    private static Codec codec;

    public static void main(String[] args) throws Exception {
        List<String> modes = List.of(args);
        codec = modes.contains("agent") ? new Codec() : null;
        if (modes.contains("warm")) {
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
        System.out.printf("%s: first serialization %.1f ms, first write and read back %.1f ms, second %.1f ms%n",
                codec == null ? "JDK serialization" : "the disk tier's codec", (serialized - start) / 1e6,
                (first - serialized) / 1e6, (second - first) / 1e6);
    }

    private static byte[] serialize(Object value) throws Exception {
        if (codec != null) {
            return codec.encode(value);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object roundTrip(Object value) throws Exception {
        if (codec != null) {
            return codec.roundTrip(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(value)))) {
            return in.readObject();
        }
    }

    /**
     * The disk tier's {@code ValueCodec} (package-private in the agent), called by reflection: a
     * write records the classes written, a read admits only those.
     */
    private static final class Codec {
        private final Method encode;
        private final Method bytes;
        private final Method classes;
        private final Method decode;

        Codec() throws ReflectiveOperationException {
            Class<?> codec = Class.forName("io.autobot.optimizer.agent.cache.disk.ValueCodec");
            Class<?> encoded = Class.forName("io.autobot.optimizer.agent.cache.disk.ValueCodec$Encoded");
            encode = accessible(codec.getDeclaredMethod("encode", Object.class, ClassLoader.class));
            decode = accessible(codec.getDeclaredMethod("decode", byte[].class, int.class, int.class, Set.class,
                    ClassLoader.class));
            bytes = accessible(encoded.getDeclaredMethod("bytes"));
            classes = accessible(encoded.getDeclaredMethod("classes"));
        }

        private static Method accessible(Method method) {
            method.setAccessible(true);
            return method;
        }

        byte[] encode(Object value) throws ReflectiveOperationException {
            return (byte[]) bytes.invoke(encode.invoke(null, value, FirstSerialization.class.getClassLoader()));
        }

        Object roundTrip(Object value) throws ReflectiveOperationException {
            Object encoded = encode.invoke(null, value, FirstSerialization.class.getClassLoader());
            byte[] data = (byte[]) bytes.invoke(encoded);
            return decode.invoke(null, data, 0, data.length, classes.invoke(encoded),
                    FirstSerialization.class.getClassLoader());
        }
    }
}
