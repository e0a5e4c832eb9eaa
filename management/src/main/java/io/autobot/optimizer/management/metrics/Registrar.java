package io.autobot.optimizer.management.metrics;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.DoubleSupplier;

/**
 * A {@code MeterRegistrar} of either Micrometer, called through the JDK types of its methods: the
 * agent's own (relocated, for the JMX view) and the one loaded beside the host's Micrometer are
 * different classes of the same shape, so one path serves both.
 */
final class Registrar implements AutoCloseable {

    private final Object target;
    private final Method counter;
    private final Method gauge;
    private final Method timeGauge;
    private final Method timer;
    private final Method close;

    /** The agent's own registrar, whose methods are there by construction. */
    static Registrar of(Object target) {
        try {
            return new Registrar(target);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    Registrar(Object target) throws NoSuchMethodException {
        this.target = target;
        Class<?> type = target.getClass();
        this.counter = type.getMethod("counter", String.class, String[].class, String.class, String.class,
                DoubleSupplier.class);
        this.gauge = type.getMethod("gauge", String.class, String[].class, String.class, String.class,
                DoubleSupplier.class);
        this.timeGauge = type.getMethod("timeGauge", String.class, String[].class, String.class, DoubleSupplier.class);
        this.timer = type.getMethod("timer", String.class, String[].class, String.class, DoubleSupplier.class,
                DoubleSupplier.class);
        this.close = type.getMethod("close");
    }

    void counter(String name, String[] tags, String description, String baseUnit, DoubleSupplier count) {
        call(counter, name, tags, description, baseUnit, count);
    }

    void gauge(String name, String[] tags, String description, String baseUnit, DoubleSupplier value) {
        call(gauge, name, tags, description, baseUnit, value);
    }

    void timeGauge(String name, String[] tags, String description, DoubleSupplier seconds) {
        call(timeGauge, name, tags, description, seconds);
    }

    void timer(String name, String[] tags, String description, DoubleSupplier count, DoubleSupplier totalSeconds) {
        call(timer, name, tags, description, count, totalSeconds);
    }

    @Override
    public void close() {
        call(close);
    }

    private void call(Method method, Object... args) {
        try {
            method.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
