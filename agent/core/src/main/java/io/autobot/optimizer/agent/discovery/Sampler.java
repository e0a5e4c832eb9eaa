package io.autobot.optimizer.agent.discovery;

import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingStream;

/**
 * Where the time goes, from the JVM's own execution samples ({@code jdk.ExecutionSample}, and
 * {@code jdk.NativeMethodSample} to see threads waiting in socket I/O) read through a JFR
 * {@link RecordingStream}. Each sample counts once for every included method on its stack
 * (inclusive time: what caching the method would save). Only counters by method are kept.
 */
final class Sampler implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMillis(20);

    /** A sampled method: its identity, modifiers, and counts. */
    static final class Hot {
        final String className;
        final String name;
        final String descriptor;
        final int modifiers;
        final LongAdder samples = new LongAdder();
        final LongAdder remoteSamples = new LongAdder();
        /** Native-method samples (a thread in a system call) with the method on the stack. */
        final LongAdder nativeSamples = new LongAdder();

        Hot(String className, String name, String descriptor, int modifiers) {
            this.className = className;
            this.name = name;
            this.descriptor = descriptor;
            this.modifiers = modifiers;
        }

        /** The share of the method's samples (execution and native) spent in socket or HTTP client code. */
        double remoteShare() {
            long all = samples.sum() + nativeSamples.sum();
            return all == 0 ? 0 : (double) remoteSamples.sum() / all;
        }

        String key() {
            return className + "." + name + descriptor;
        }

        /** Why caching cannot apply, from the declaration alone; null when it could. */
        String declarationProblem() {
            if (name.equals("<init>")) {
                return "constructor";
            }
            if (name.equals("<clinit>")) {
                return "static initializer";
            }
            if (descriptor.endsWith(")V")) {
                return "void method";
            }
            if (Modifier.isSynchronized(modifiers)) {
                return "synchronized method";
            }
            if (Modifier.isNative(modifiers) || Modifier.isAbstract(modifiers)) {
                return "native method";
            }
            if ((modifiers & 0x1000) != 0 || name.startsWith("lambda$")) {
                return "synthetic method (a lambda body): no rule can name it";
            }
            return null;
        }
    }

    private final DiscoveryOptions.ClassFilter filter;
    private final Map<String, Hot> methods = new ConcurrentHashMap<>();
    private final AtomicLong samples = new AtomicLong();
    private final RecordingStream stream;
    private volatile String firstFailure;
    private volatile boolean running;

    Sampler(DiscoveryOptions.ClassFilter filter) {
        this.filter = filter;
        this.stream = new RecordingStream();
        stream.setReuse(true);
        stream.setOrdered(false);
        stream.enable("jdk.ExecutionSample").withPeriod(PERIOD).withStackTrace();
        stream.enable("jdk.NativeMethodSample").withPeriod(PERIOD).withStackTrace();
        stream.setMaxAge(Duration.ofSeconds(5));
        stream.onEvent("jdk.ExecutionSample", event -> safely(event, false));
        stream.onEvent("jdk.NativeMethodSample", event -> safely(event, true));
        stream.onFlush(() -> running = true);
    }

    /**
     * Whether the stream has delivered its first batch: starting the JVM's first recording (its
     * repository, its metadata, the JDK's own event classes retransformed) can take seconds on a
     * loaded machine, which must not be counted as sampling time.
     */
    boolean running() {
        return running;
    }

    void start() {
        stream.startAsync();
    }

    /** A sample that cannot be read is dropped; the first failure is noted for the report. */
    private void safely(RecordedEvent event, boolean nativeSample) {
        try {
            onSample(event, nativeSample);
        } catch (RuntimeException | LinkageError failure) {
            if (firstFailure == null) {
                firstFailure = failure.toString();
            }
        }
    }

    /** Why a sample could not be read, or null. */
    String firstFailure() {
        return firstFailure;
    }

    private void onSample(RecordedEvent event, boolean nativeSample) {
        RecordedStackTrace trace = event.getStackTrace();
        if (trace == null) {
            return;
        }
        List<RecordedFrame> frames = trace.getFrames();
        if (!nativeSample) {
            samples.incrementAndGet();
        }
        boolean remote = false;
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
            RecordedMethod method = frame.getMethod();
            if (method == null || method.getType() == null) {
                continue;
            }
            String type = method.getType().getName();
            if (!remote && isRemote(type)) {
                remote = true;
            }
            if (method.isHidden() || !filter.includes(type)) {
                continue;
            }
            String key = type + "." + method.getName() + method.getDescriptor();
            if (!seen.add(key)) {
                continue; // recursion counts once per sample
            }
            Hot hot = methods.computeIfAbsent(key,
                    k -> new Hot(type, method.getName(), method.getDescriptor(), method.getModifiers()));
            if (nativeSample) {
                hot.nativeSamples.increment();
                if (remote) {
                    hot.remoteSamples.increment();
                }
            } else {
                hot.samples.increment();
                if (remote) {
                    hot.remoteSamples.increment();
                }
            }
        }
    }

    /** Socket and HTTP client code below a method: it waits on a remote service. */
    private static boolean isRemote(String type) {
        return type.startsWith("java.net.Socket") || type.startsWith("sun.nio.ch.Socket") || type.startsWith("sun.nio.ch.Net")
                || type.startsWith("java.net.http.") || type.startsWith("jdk.internal.net.http.")
                || type.startsWith("sun.net.www.protocol.http.") || type.startsWith("java.net.HttpURLConnection");
    }

    /** Execution samples taken so far (of every thread, included classes or not). */
    long samples() {
        return samples.get();
    }

    /** The sampled methods, most samples first. */
    List<Hot> ranked() {
        List<Hot> ranked = new ArrayList<>(methods.values());
        ranked.sort((a, b) -> Long.compare(b.samples.sum(), a.samples.sum()));
        return ranked;
    }

    @Override
    public void close() {
        stream.close();
        methods.clear();
    }
}
