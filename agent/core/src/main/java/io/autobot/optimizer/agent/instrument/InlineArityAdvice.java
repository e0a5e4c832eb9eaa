package io.autobot.optimizer.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Writes {@link ArityAdvice} into one method with ASM alone, call for call the code Byte Buddy
 * inlines from it, for a method that returns a value and takes at most
 * {@link ArityAdvice#MAX_ARITY} arguments:
 *
 * <ul>
 *   <li>first {@code Dispatcher.hitN}; a hit is returned at once;
 *   <li>then the argument array, kept in a local, and {@code Dispatcher.enter}; a value it gives is
 *       returned without running the body;
 *   <li>at each return of the body, {@code Dispatcher.exit} with the result; a failure of that call
 *       is dropped and the result returned;
 *   <li>whatever the body throws, {@code Dispatcher.exit} with it, then rethrown as it was.
 * </ul>
 *
 * <p>The advice's three locals (the argument array, the result, the thrown value) sit after the
 * method's own, so the body's code is not renumbered; the body's stack map frames are padded to
 * them. The frames of the added code are written out in full (the class is read with expanded
 * frames), so nothing is computed from the class hierarchy and no class is loaded. The body's
 * exception table keeps its order: the handler around the body is added after the body's own
 * handlers, in ranges that leave out the calls at its returns (a method with a return inside one
 * of its own handlers' ranges is left to Byte Buddy; see {@link ClassOutline}).
 */
final class InlineArityAdvice extends MethodVisitor {

    private static final String DISPATCHER = "io/autobot/optimizer/bootstrap/Dispatcher";
    private static final String OBJECT = "java/lang/Object";
    private static final String OBJECTS = "[Ljava/lang/Object;";
    private static final String THROWABLE = "java/lang/Throwable";
    private static final String ENTER = "(ILjava/lang/Class;Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String EXIT = "(I[Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)V";
    private static final String UNWRAP = "(Ljava/lang/Object;)Ljava/lang/Object;";
    /** The most stack the added code needs above the body's own. */
    private static final int ADDED_STACK = 8;

    private final MethodVisitor out;
    private final int id;
    private final Type owner;
    private final boolean isStatic;
    private final Type[] arguments;
    private final Type result;
    private final int ownLocals;
    private final int frameSlot;
    private final int resultSlot;
    private final int thrownSlot;
    private final Object[] entryLocals;
    /** The handler around the body. */
    private final Label thrown = new Label();
    /** Where a failed exit call at a return goes: the result is returned all the same. */
    private final Label returnAnyway = new Label();
    private boolean begun;
    private boolean returns;
    /** The end of the range of the handler around the body that is open, or null. */
    private Label rangeEnd;

    /**
     * @param out the writer of the method
     * @param id the method's id with the engine
     * @param ownerInternalName the declaring class
     * @param access the method's modifiers
     * @param descriptor the method's descriptor
     * @param ownLocals the method's own local variable slots ({@code max_locals})
     */
    InlineArityAdvice(MethodVisitor out, int id, String ownerInternalName, int access, String descriptor,
            int ownLocals) {
        super(Opcodes.ASM9, out);
        this.out = out;
        this.id = id;
        this.owner = Type.getObjectType(ownerInternalName);
        this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
        this.arguments = Type.getArgumentTypes(descriptor);
        this.result = Type.getReturnType(descriptor);
        if (result.getSort() == Type.VOID || arguments.length > ArityAdvice.MAX_ARITY) {
            throw new IllegalArgumentException("no arity advice for " + descriptor);
        }
        this.ownLocals = ownLocals;
        this.frameSlot = ownLocals;
        this.resultSlot = ownLocals + 1;
        this.thrownSlot = resultSlot + result.getSize();
        this.entryLocals = entryLocals();
    }

    // ---- the body: each event first makes sure the advice's entry code is written

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        begin();
        if (type != Opcodes.F_NEW) {
            throw new IllegalStateException("frames must be expanded");
        }
        bodyFrame(numLocal, local, numStack, stack);
    }

    @Override
    public void visitLabel(Label label) {
        begin();
        out.visitLabel(label);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        begin();
        out.visitLineNumber(line, start);
    }

    @Override
    public void visitInsn(int opcode) {
        instruction();
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.ARETURN) {
            if (opcode != result.getOpcode(Opcodes.IRETURN)) {
                throw new IllegalStateException("a return that does not match the descriptor");
            }
            exitAtReturn();
        } else {
            out.visitInsn(opcode);
        }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        instruction();
        out.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        instruction();
        out.visitVarInsn(opcode, var);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        instruction();
        out.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        instruction();
        out.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        instruction();
        out.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        instruction();
        out.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        instruction();
        out.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        instruction();
        out.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int var, int increment) {
        instruction();
        out.visitIincInsn(var, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        instruction();
        out.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        instruction();
        out.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        instruction();
        out.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        begin();
        closeRange();
        writeHandlers();
        out.visitMaxs(maxStack + ADDED_STACK, ownLocals + 2 + result.getSize());
    }

    // ---- the advice's code

    /** Before the body's first instruction: the body's handlers are all declared by then. */
    private void begin() {
        if (begun) {
            return;
        }
        begun = true;
        // The advice's locals hold a value of their type everywhere after this, as every frame says.
        out.visitInsn(Opcodes.ACONST_NULL);
        out.visitVarInsn(Opcodes.ASTORE, frameSlot);
        out.visitInsn(zero(result));
        out.visitVarInsn(result.getOpcode(Opcodes.ISTORE), resultSlot);
        out.visitInsn(Opcodes.ACONST_NULL);
        out.visitVarInsn(Opcodes.ASTORE, thrownSlot);

        pushId();
        pushSelf();
        int slot = isStatic ? 0 : 1;
        StringBuilder hit = new StringBuilder("(ILjava/lang/Object;");
        for (Type argument : arguments) {
            loadBoxed(argument, slot);
            slot += argument.getSize();
            hit.append("Ljava/lang/Object;");
        }
        out.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCHER, "hit" + arguments.length,
                hit.append(")Ljava/lang/Object;").toString(), false);
        returnIfProvided();

        out.visitLdcInsn(arguments.length);
        out.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT);
        slot = isStatic ? 0 : 1;
        for (int i = 0; i < arguments.length; i++) {
            out.visitInsn(Opcodes.DUP);
            out.visitLdcInsn(i);
            loadBoxed(arguments[i], slot);
            slot += arguments[i].getSize();
            out.visitInsn(Opcodes.AASTORE);
        }
        out.visitVarInsn(Opcodes.ASTORE, frameSlot);
        pushId();
        out.visitLdcInsn(owner);
        pushSelf();
        out.visitVarInsn(Opcodes.ALOAD, frameSlot);
        out.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCHER, "enter", ENTER, false);
        returnIfProvided();
    }

    /** With the dispatcher's answer on the stack: returns it when there is one, else drops it. */
    private void returnIfProvided() {
        Label none = new Label();
        out.visitInsn(Opcodes.DUP);
        out.visitJumpInsn(Opcodes.IFNULL, none);
        out.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCHER, "unwrap", UNWRAP, false);
        unboxOrCast(result);
        out.visitInsn(result.getOpcode(Opcodes.IRETURN));
        out.visitLabel(none);
        frame(entryLocals.length, entryLocals, OBJECT);
        out.visitInsn(Opcodes.POP);
    }

    /** Before each instruction of the body: inside the range of the handler around it. */
    private void instruction() {
        begin();
        if (rangeEnd == null) {
            Label start = new Label();
            rangeEnd = new Label();
            out.visitTryCatchBlock(start, rangeEnd, thrown, THROWABLE);
            out.visitLabel(start);
        }
    }

    private void closeRange() {
        if (rangeEnd != null) {
            out.visitLabel(rangeEnd);
            rangeEnd = null;
        }
    }

    /** In place of a return of the body, the result on the stack. */
    private void exitAtReturn() {
        out.visitVarInsn(result.getOpcode(Opcodes.ISTORE), resultSlot);
        closeRange();
        Label from = new Label();
        Label to = new Label();
        out.visitTryCatchBlock(from, to, returnAnyway, THROWABLE);
        out.visitLabel(from);
        callExit(false);
        out.visitLabel(to);
        out.visitVarInsn(result.getOpcode(Opcodes.ILOAD), resultSlot);
        out.visitInsn(result.getOpcode(Opcodes.IRETURN));
        returns = true;
    }

    /** After the body: the handler around it, and where failed exit calls go. */
    private void writeHandlers() {
        out.visitLabel(thrown);
        frame(0, new Object[0], THROWABLE);
        out.visitVarInsn(Opcodes.ASTORE, thrownSlot);
        Label from = new Label();
        Label to = new Label();
        Label rethrowAnyway = new Label();
        out.visitTryCatchBlock(from, to, rethrowAnyway, THROWABLE);
        out.visitLabel(from);
        callExit(true);
        out.visitLabel(to);
        out.visitVarInsn(Opcodes.ALOAD, thrownSlot);
        out.visitInsn(Opcodes.ATHROW);

        out.visitLabel(rethrowAnyway);
        frame(0, new Object[0], THROWABLE);
        out.visitInsn(Opcodes.POP);
        out.visitVarInsn(Opcodes.ALOAD, thrownSlot);
        out.visitInsn(Opcodes.ATHROW);

        if (returns) {
            out.visitLabel(returnAnyway);
            frame(0, new Object[0], THROWABLE);
            out.visitInsn(Opcodes.POP);
            out.visitVarInsn(result.getOpcode(Opcodes.ILOAD), resultSlot);
            out.visitInsn(result.getOpcode(Opcodes.IRETURN));
        }
    }

    /** {@code Dispatcher.exit(id, frame, result, thrown or null)}. */
    private void callExit(boolean withThrown) {
        pushId();
        out.visitVarInsn(Opcodes.ALOAD, frameSlot);
        loadBoxed(result, resultSlot);
        if (withThrown) {
            out.visitVarInsn(Opcodes.ALOAD, thrownSlot);
        } else {
            out.visitInsn(Opcodes.ACONST_NULL);
        }
        out.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCHER, "exit", EXIT, false);
    }

    private void pushId() {
        out.visitLdcInsn(id);
    }

    private void pushSelf() {
        if (isStatic) {
            out.visitInsn(Opcodes.ACONST_NULL);
        } else {
            out.visitVarInsn(Opcodes.ALOAD, 0);
        }
    }

    private void loadBoxed(Type type, int slot) {
        out.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
        Type boxed = boxed(type);
        if (boxed != null) {
            out.visitMethodInsn(Opcodes.INVOKESTATIC, boxed.getInternalName(), "valueOf",
                    Type.getMethodDescriptor(boxed, type), false);
        }
    }

    private void unboxOrCast(Type type) {
        Type boxed = boxed(type);
        if (boxed != null) {
            out.visitTypeInsn(Opcodes.CHECKCAST, boxed.getInternalName());
            out.visitMethodInsn(Opcodes.INVOKEVIRTUAL, boxed.getInternalName(), type.getClassName() + "Value",
                    Type.getMethodDescriptor(type), false);
        } else if (!type.getInternalName().equals(OBJECT)) {
            out.visitTypeInsn(Opcodes.CHECKCAST, type.getInternalName());
        }
    }

    // ---- frames

    /**
     * A full frame of the given locals (the rest of the method's own slots unknown) followed by the
     * advice's three, and a stack of one value of the given type.
     */
    private void frame(int numLocal, Object[] local, String stackTop) {
        Object[] locals = withAdviceLocals(numLocal, local);
        out.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {stackTop});
    }

    /** The body's frame, padded to the method's own slots, then the advice's locals. */
    private void bodyFrame(int numLocal, Object[] local, int numStack, Object[] stack) {
        Object[] locals = withAdviceLocals(numLocal, local);
        out.visitFrame(Opcodes.F_NEW, locals.length, locals, numStack, stack);
    }

    private Object[] withAdviceLocals(int numLocal, Object[] local) {
        List<Object> locals = new ArrayList<>(numLocal + 3);
        int slots = 0;
        for (int i = 0; i < numLocal; i++) {
            locals.add(local[i]);
            slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
        }
        if (slots > ownLocals) {
            throw new IllegalStateException("a frame with more locals than the method declares");
        }
        for (; slots < ownLocals; slots++) {
            locals.add(Opcodes.TOP);
        }
        locals.add(OBJECTS);
        locals.add(frameType(result));
        locals.add(THROWABLE);
        return locals.toArray();
    }

    /** The locals at the method's entry: the receiver and the parameters. */
    private Object[] entryLocals() {
        List<Object> locals = new ArrayList<>();
        if (!isStatic) {
            locals.add(owner.getInternalName());
        }
        for (Type argument : arguments) {
            locals.add(frameType(argument));
        }
        return locals.toArray();
    }

    private static Object frameType(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT:
                return Opcodes.INTEGER;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            default:
                return type.getInternalName();
        }
    }

    private static int zero(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT:
                return Opcodes.ICONST_0;
            case Type.FLOAT:
                return Opcodes.FCONST_0;
            case Type.LONG:
                return Opcodes.LCONST_0;
            case Type.DOUBLE:
                return Opcodes.DCONST_0;
            default:
                return Opcodes.ACONST_NULL;
        }
    }

    /** The wrapper of a primitive type, or null for a reference type. */
    private static Type boxed(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN:
                return Type.getObjectType("java/lang/Boolean");
            case Type.CHAR:
                return Type.getObjectType("java/lang/Character");
            case Type.BYTE:
                return Type.getObjectType("java/lang/Byte");
            case Type.SHORT:
                return Type.getObjectType("java/lang/Short");
            case Type.INT:
                return Type.getObjectType("java/lang/Integer");
            case Type.FLOAT:
                return Type.getObjectType("java/lang/Float");
            case Type.LONG:
                return Type.getObjectType("java/lang/Long");
            case Type.DOUBLE:
                return Type.getObjectType("java/lang/Double");
            default:
                return null;
        }
    }
}
