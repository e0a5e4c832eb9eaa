package io.autobot.optimizer.agent.cache;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Objects;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A record class whose {@code equals} and {@code hashCode} are the compiler's (one
 * {@code invokedynamic} of {@code java.lang.runtime.ObjectMethods} each): a key compares and hashes
 * its instances component by component, as those methods do, without calling them. Their first
 * call in a JVM builds ObjectMethods' method handles, about 30 ms, then a few ms per record class,
 * on the host's thread; a key made of a record would pay that in the first call of a method, where
 * the host itself may never call them. Components are compared with {@code Objects.equals} (boxed
 * primitives compare as the generated code does), a component that is itself such a record
 * component by component. A record whose methods are written by hand, whose class file cannot be
 * read, or whose fields the agent may not read keeps its own {@code equals} and {@code hashCode}.
 */
final class GeneratedRecord {

    private static final String OBJECT_METHODS = "java/lang/runtime/ObjectMethods";

    private static final ClassValue<GeneratedRecord> RECORDS = new ClassValue<>() {
        @Override
        protected GeneratedRecord computeValue(Class<?> type) {
            return inspect(type);
        }
    };

    private final Field[] components;

    private GeneratedRecord(Field[] components) {
        this.components = components;
    }

    /** The class's components when it is a record with generated {@code equals} and {@code hashCode}, else null. */
    static GeneratedRecord of(Class<?> type) {
        // on the hit path: Class.isRecord is a native call, the superclass an intrinsic
        return type.getSuperclass() == Record.class ? RECORDS.get(type) : null;
    }

    /** The hash of a record of this class, consistent with {@link #same}. */
    int hash(Object record, int depth) {
        int hash = 0;
        for (Field component : components) {
            hash = 31 * hash + hashOf(read(component, record), depth);
        }
        return hash;
    }

    /** Whether two records of this class are equal by their generated {@code equals}. */
    boolean same(Object left, Object right, int depth) {
        for (Field component : components) {
            if (!sameValue(read(component, left), read(component, right), depth)) {
                return false;
            }
        }
        return true;
    }

    private static int hashOf(Object value, int depth) {
        if (value == null) {
            return 0;
        }
        GeneratedRecord nested = depth < KeyValues.MAX_DEPTH ? of(value.getClass()) : null;
        return nested != null ? nested.hash(value, depth + 1) : value.hashCode();
    }

    private static boolean sameValue(Object left, Object right, int depth) {
        if (left == right) {
            return true;
        }
        if (left == null || right == null) {
            return false;
        }
        GeneratedRecord nested = depth < KeyValues.MAX_DEPTH ? of(left.getClass()) : null;
        return nested != null ? left.getClass() == right.getClass() && nested.same(left, right, depth + 1)
                : Objects.equals(left, right);
    }

    private static Object read(Field component, Object record) {
        try {
            return component.get(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e); // made accessible by inspect
        }
    }

    private static GeneratedRecord inspect(Class<?> type) {
        if (!type.isRecord()) {
            return null;
        }
        try {
            ClassFileLocator.Resolution resolution = ClassFileLocator.ForClassLoader.of(type.getClassLoader())
                    .locate(type.getName());
            if (!resolution.isResolved() || !generatedEqualsAndHashCode(resolution.resolve())) {
                return null;
            }
            RecordComponent[] declared = type.getRecordComponents();
            Field[] components = new Field[declared.length];
            for (int i = 0; i < declared.length; i++) {
                components[i] = type.getDeclaredField(declared[i].getName());
                components[i].setAccessible(true);
            }
            return new GeneratedRecord(components);
        } catch (java.io.IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // its own equals and hashCode, as any value class
        }
    }

    /** Whether the class file's {@code equals(Object)} and {@code hashCode()} are ObjectMethods' invokedynamic alone. */
    static boolean generatedEqualsAndHashCode(byte[] classFile) {
        Generated equals = new Generated();
        Generated hashCode = new Generated();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (name.equals("equals") && descriptor.equals("(Ljava/lang/Object;)Z")) {
                    return equals;
                }
                return name.equals("hashCode") && descriptor.equals("()I") ? hashCode : null;
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return equals.generated() && hashCode.generated();
    }

    /** A method body of loads of {@code this} and the argument, one ObjectMethods invokedynamic and a return. */
    private static final class Generated extends MethodVisitor {
        private boolean indy;
        private boolean other;

        Generated() {
            super(Opcodes.ASM9);
        }

        boolean generated() {
            return indy && !other;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            if (indy || !bootstrap.getOwner().equals(OBJECT_METHODS)) {
                other = true;
            }
            indy = true;
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            other |= opcode != Opcodes.ALOAD || varIndex > 1;
        }

        @Override
        public void visitInsn(int opcode) {
            other |= opcode != Opcodes.IRETURN;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            other = true;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            other = true;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            other = true;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            other = true;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            other = true;
        }

        @Override
        public void visitLdcInsn(Object value) {
            other = true;
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            other = true;
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            other = true;
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            other = true;
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            other = true;
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            other = true;
        }
    }
}
