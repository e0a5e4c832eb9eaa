package io.autobot.optimizer.agent.instrument;

import io.autobot.optimizer.agent.call.MethodSignature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * What the inline weaver needs of a class file, read in one pass of ASM:
 * the class's version and modifiers, and of each method its modifiers, parameter names (from the
 * {@code MethodParameters} attribute, as Byte Buddy's type pool reads them), contract annotations
 * and local variable count, and whether a return instruction lies inside one of its own exception
 * handlers' ranges.
 */
final class ClassOutline {

    private static final int ASM_API = Opcodes.ASM9;

    final String className;
    final int version;
    final int access;
    final List<MethodOutline> methods = new ArrayList<>();

    private ClassOutline(String className, int version, int access) {
        this.className = className;
        this.version = version;
        this.access = access;
    }

    /** Reads a class file; throws when ASM cannot (a version newer than it knows, a malformed file). */
    static ClassOutline read(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Reader visitor = new Reader();
        reader.accept(visitor, ClassReader.SKIP_FRAMES); // debug attributes kept: ASM skips MethodParameters with them
        return visitor.outline;
    }

    boolean isSynthetic() {
        return (access & Opcodes.ACC_SYNTHETIC) != 0;
    }

    /** The class file's major version. */
    int majorVersion() {
        return version & 0xFFFF;
    }

    /** The class's methods of a name, as signatures ({@code @Batched}'s {@code via}). */
    List<MethodSignature> signaturesNamed(String name) {
        List<MethodSignature> named = new ArrayList<>();
        for (MethodOutline method : methods) {
            if (method.isMethod() && method.name.equals(name)) {
                named.add(method.signature());
            }
        }
        return List.copyOf(named);
    }

    /** One method of the class. */
    final class MethodOutline {

        final int access;
        final String name;
        final String descriptor;
        final List<String> parameterNames = new ArrayList<>();
        /** The contract annotations' written attributes, by the annotation's name. */
        final Map<String, Map<String, Object>> annotations = new HashMap<>();
        int maxLocals;
        boolean returnsInsideAHandlerRange;

        MethodOutline(int access, String name, String descriptor) {
            this.access = access;
            this.name = name;
            this.descriptor = descriptor;
        }

        /** A method proper with code: not a constructor or initializer, not abstract, native or a bridge. */
        boolean isMethod() {
            return !name.startsWith("<")
                    && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) == 0;
        }

        boolean isStatic() {
            return (access & Opcodes.ACC_STATIC) != 0;
        }

        /** The signature as the engine knows methods, in Byte Buddy's names (arrays as {@code Class.getName()}). */
        MethodSignature signature() {
            Type[] arguments = Type.getArgumentTypes(descriptor);
            List<String> types = new ArrayList<>();
            List<String> names = new ArrayList<>();
            boolean named = parameterNames.size() == arguments.length && !parameterNames.contains(null);
            for (int i = 0; i < arguments.length; i++) {
                types.add(binaryName(arguments[i]));
                names.add(named ? parameterNames.get(i) : "arg" + i);
            }
            return new MethodSignature(className.replace('/', '.'), name, descriptor, List.copyOf(types),
                    List.copyOf(names), binaryName(Type.getReturnType(descriptor)), isStatic(),
                    (access & Opcodes.ACC_SYNCHRONIZED) != 0);
        }
    }

    static String binaryName(Type type) {
        return type.getSort() == Type.ARRAY ? type.getDescriptor().replace('/', '.') : type.getClassName();
    }

    /** The one pass over the class file. */
    private static final class Reader extends ClassVisitor {

        ClassOutline outline;

        Reader() {
            super(ASM_API);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            outline = new ClassOutline(name, version, access);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodOutline method = outline.new MethodOutline(access, name, descriptor);
            outline.methods.add(method);
            return new MethodReader(method);
        }
    }

    /** A method's parameters, annotations, locals, and its returns against its handlers' ranges. */
    private static final class MethodReader extends MethodVisitor {

        private final MethodOutline method;
        /** Per label, how many handler ranges start there minus how many end there. */
        private final Map<Label, Integer> rangeEdges = new HashMap<>();
        private int openRanges;

        MethodReader(MethodOutline method) {
            super(ASM_API);
            this.method = method;
        }

        @Override
        public void visitParameter(String name, int access) {
            method.parameterNames.add(name);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            Type type = Type.getType(descriptor);
            if (type.getSort() != Type.OBJECT || !AnnotationNames.ALL.contains(type.getClassName())) {
                return null;
            }
            Map<String, Object> attributes = new HashMap<>();
            method.annotations.put(type.getClassName(), attributes);
            return new Attributes(attributes);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            rangeEdges.merge(start, 1, Integer::sum);
            rangeEdges.merge(end, -1, Integer::sum);
        }

        @Override
        public void visitLabel(Label label) {
            openRanges += rangeEdges.getOrDefault(label, 0);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.ARETURN && openRanges > 0) {
                method.returnsInsideAHandlerRange = true;
            }
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            method.maxLocals = maxLocals;
        }
    }

    /**
     * An annotation's written attributes in the form {@link AnnotationSpecReader.Attributes} gives:
     * enumeration constants by name, classes by binary name, arrays as lists.
     */
    private static final class Attributes extends AnnotationVisitor {

        private final Map<String, Object> into;

        Attributes(Map<String, Object> into) {
            super(ASM_API);
            this.into = into;
        }

        @Override
        public void visit(String name, Object value) {
            into.put(name, value instanceof Type type ? binaryName(type) : value);
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            into.put(name, value);
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            List<Object> elements = new ArrayList<>();
            into.put(name, elements);
            return new AnnotationVisitor(ASM_API) {
                @Override
                public void visit(String ignored, Object value) {
                    elements.add(value instanceof Type type ? binaryName(type) : value);
                }

                @Override
                public void visitEnum(String ignored, String descriptor, String value) {
                    elements.add(value);
                }
            };
        }
    }
}
