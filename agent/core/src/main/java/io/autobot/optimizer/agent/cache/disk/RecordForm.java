package io.autobot.optimizer.agent.cache.disk;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A record as the disk tier writes it: its class's name, the names and types of its components and
 * their values. It is read back by calling the record's canonical constructor, as JDK serialization
 * does, but by reflection: the JDK builds a chain of method handles per record class the first time
 * it reads one, about 14 ms on JDK 17 and 30 ms on JDK 25 per class, paid by a warm restart's first
 * hits (docs/benchmarks.md). Records that JDK serialization treats specially ({@code writeReplace},
 * {@code readResolve}) and records whose fields cannot be read are left to it.
 */
final class RecordForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String type;
    private final String shape;
    private final Object[] values;

    private RecordForm(String type, String shape, Object[] values) {
        this.type = type;
        this.shape = shape;
        this.values = values;
    }

    /** The form of a record, or null when the object is not a record this form can carry. */
    static RecordForm of(Object object) throws IOException {
        if (!(object instanceof Record)) {
            return null;
        }
        Shape shape = SHAPES.get(object.getClass());
        return shape == null ? null : new RecordForm(object.getClass().getName(), shape.signature, shape.values(object));
    }

    /** The component values, in order; do not modify. */
    Object[] values() {
        return values;
    }

    /** The class name of the record this form stands for. */
    String type() {
        return type;
    }

    /**
     * The record again, from its class in {@code loader}.
     *
     * @throws ValueCodec.RejectedClassException when {@code allowed} is given and does not name the class
     * @throws IOException when the class is no longer a record of the same components
     */
    Object rebuild(ClassLoader loader, Set<String> allowed) throws IOException {
        if (allowed != null && !allowed.contains(type)) {
            throw new ValueCodec.RejectedClassException(type);
        }
        Class<?> recordClass;
        try {
            recordClass = Class.forName(type, false, loader);
        } catch (ClassNotFoundException e) {
            throw new InvalidObjectException(type + " cannot be loaded: " + e.getMessage());
        }
        Shape current = SHAPES.get(recordClass);
        if (current == null || !current.signature.equals(shape)) {
            throw new InvalidObjectException(type + " is no longer a record of the components " + shape);
        }
        return current.construct(values);
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    /** What a record class's forms are made and rebuilt with. */
    private static final class Shape {
        private final String signature;
        private final Field[] fields;
        private final Constructor<?> canonical;

        private Shape(String signature, Field[] fields, Constructor<?> canonical) {
            this.signature = signature;
            this.fields = fields;
            this.canonical = canonical;
        }

        /** The shape of a record class, or null when JDK serialization must write it itself. */
        static Shape of(Class<?> type) {
            if (!type.isRecord() || !Serializable.class.isAssignableFrom(type)
                    || declares(type, "writeReplace") || declares(type, "readResolve")) {
                return null;
            }
            try {
                RecordComponent[] components = type.getRecordComponents();
                Field[] fields = new Field[components.length];
                Class<?>[] types = new Class<?>[components.length];
                StringJoiner signature = new StringJoiner(",");
                for (int i = 0; i < components.length; i++) {
                    // the fields, not the accessors: what JDK serialization writes, and no host code runs
                    fields[i] = type.getDeclaredField(components[i].getName());
                    fields[i].setAccessible(true);
                    types[i] = components[i].getType();
                    signature.add(components[i].getName() + ' ' + types[i].getName());
                }
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return new Shape(signature.toString(), fields, canonical);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null; // a record in a module that does not open it to the agent, for one
            }
        }

        private static boolean declares(Class<?> type, String method) {
            try {
                type.getDeclaredMethod(method);
                return true;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }

        Object[] values(Object record) throws IOException {
            Object[] values = new Object[fields.length];
            try {
                for (int i = 0; i < fields.length; i++) {
                    values[i] = fields[i].get(record);
                }
            } catch (IllegalAccessException e) {
                throw new IOException(e);
            }
            return values;
        }

        Object construct(Object[] values) throws IOException {
            try {
                return canonical.newInstance(values);
            } catch (InvocationTargetException e) {
                throw (IOException) new InvalidObjectException(canonical.getDeclaringClass().getName()
                        + "'s constructor refused the values read back: " + e.getCause()).initCause(e.getCause());
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw (IOException) new InvalidObjectException(canonical.getDeclaringClass().getName()
                        + " cannot be built from the values read back: " + e).initCause(e);
            }
        }
    }
}
