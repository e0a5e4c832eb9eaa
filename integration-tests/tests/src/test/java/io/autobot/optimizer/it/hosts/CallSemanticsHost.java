package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.print;

import io.autobot.optimizer.annotations.Batched;
import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Timeout;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls whose meaning the agent must keep exactly: varargs, a batch method that loops over its
 * single method, a pending interrupt of the host's own through a timed call, and a class in a
 * loader that does not delegate to the boot loader. Prints what each call returned or threw; the
 * test compares the lines with and without the agent.
 */
public class CallSemanticsHost {

    static final AtomicInteger COUNT_RUNS = new AtomicInteger();

    @Cached
    static int count(String... xs) {
        COUNT_RUNS.incrementAndGet();
        return xs.length;
    }

    @Cached
    static String kinds(Object... xs) {
        return xs.getClass().getSimpleName() + String.join("|", Arrays.stream(xs).map(String::valueOf).toList());
    }

    @Cached
    static int sum(int... xs) {
        return Arrays.stream(xs).sum();
    }

    @Timeout("10s")
    static String format(String pattern, Object... values) {
        return String.format(pattern, values);
    }

    @Batched(via = "validateAll", size = 4, maxWait = "50ms")
    static String validate(String s) {
        return "ok:" + s;
    }

    /** A batch method that falls back to the single method for each item, as bulk APIs often do. */
    static List<String> validateAll(List<String> xs) {
        List<String> out = new ArrayList<>();
        for (String x : xs) {
            out.add(validate(x));
        }
        return out;
    }

    @Timeout("100ms")
    static String busy() {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < end) {
            Thread.onSpinWait(); // never looks at the interrupt
        }
        return "done";
    }

    public static void main(String[] args) throws Exception {
        print("count", count("a", "b", "c") + "," + count("a", "b", "c") + "," + count(new String[] {"a", "b"}));
        print("count.runs", COUNT_RUNS.get());
        print("kinds", kinds(new String[] {"a"}) + ";" + kinds("x", 1));
        print("sum", sum(1, 2, 3) + "," + sum());
        print("format", format("%s-%s", "x", "y"));
        print("batch", batch());
        print("busy", outcome(() -> {
            Thread.currentThread().interrupt(); // the host's own, pending before the call
            return busy();
        }));
        print("interrupt.kept", Thread.interrupted());
        print("plugin", plugin());
    }

    private static String batch() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String item = "x" + i;
                results.add(pool.submit(() -> validate(item)));
            }
            StringBuilder out = new StringBuilder(validate("a"));
            for (Future<String> result : results) {
                out.append(',').append(result.get(20, TimeUnit.SECONDS));
            }
            return out.toString();
        } finally {
            pool.shutdownNow();
        }
    }

    private static String outcome(java.util.concurrent.Callable<String> call) {
        try {
            return call.call();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    /** Defines {@link IsolatedPlugin} in a loader that delegates only java.* and calls it twice. */
    private static String plugin() {
        try {
            Class<?> type = new JavaOnlyLoader().loadClass(IsolatedPlugin.class.getName());
            Method square = type.getMethod("square", int.class);
            Object first = square.invoke(null, 7);
            Object second = square.invoke(null, 7);
            return first + "," + second;
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return "threw:" + cause.getClass().getSimpleName();
        }
    }

    /** An isolating loader (as OSGi frameworks and plugin hosts have): java.* from the JDK, the rest its own. */
    static final class JavaOnlyLoader extends ClassLoader {

        JavaOnlyLoader() {
            super("java-only", null);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                if (name.startsWith("java.")) {
                    return ClassLoader.getPlatformClassLoader().loadClass(name);
                }
                return findClass(name);
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            String resource = name.replace('.', '/') + ".class";
            try (InputStream in = ClassLoader.getSystemResourceAsStream(resource)) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
