package io.autobot.optimizer.agent.instrument;

import io.autobot.optimizer.agent.call.ClassFingerprint;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weaves, with ASM alone, a class whose annotated methods all take the {@link ArityAdvice}: they
 * return a value and take at most {@link ArityAdvice#MAX_ARITY} arguments. The code it writes is
 * the code Byte Buddy inlines from that advice ({@link InlineArityAdvice}), and the methods are
 * selected and registered as Byte Buddy's weaver does, through the same {@link AnnotationSpecReader}
 * and {@link OptimizerTransformer}. What it saves is Byte Buddy: a host whose first class with a
 * selected method this weaver serves loads none of Byte Buddy's type descriptions and advice
 * machinery (about 775 classes, most of half a second of its main thread on a small machine) and
 * about 40 of ASM's instead. Any other class (a void method, more arguments, a class file older
 * than Java 7, a return inside one of the method's own handler ranges, or a version ASM does not
 * read) goes to Byte Buddy's {@link AdviceWeaver} whole.
 */
final class InlineWeaver {

    /** What {@link #weave} returns for a class Byte Buddy must weave. */
    static final byte[] BY_BYTE_BUDDY = new byte[0];

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final OptimizerTransformer optimizer;

    InlineWeaver(OptimizerTransformer optimizer) {
        this.optimizer = optimizer;
    }

    /**
     * The class file with the advice added; null when no method of the class is selected (or its
     * loader cannot see the bridge); {@link #BY_BYTE_BUDDY} when this weaver has no advice for one
     * of its selected methods. Throws when the class cannot be woven; the caller leaves it unchanged.
     */
    byte[] weave(ClassLoader loader, byte[] classFile, boolean loaded) {
        ClassOutline outline;
        try {
            outline = ClassOutline.read(classFile);
        } catch (RuntimeException unreadable) { // a class file version ASM does not know: Byte Buddy's reader may
            return BY_BYTE_BUDDY;
        }
        List<Selected> selected = plan(outline);
        if (selected == null) {
            return BY_BYTE_BUDDY;
        }
        if (selected.isEmpty()) {
            return null;
        }
        String name = outline.className.replace('/', '.');
        if (!optimizer.admits(loader, name)) {
            return null;
        }
        String fingerprint = ClassFingerprint.of(loader, name);
        Map<String, Woven> woven = new HashMap<>();
        for (Selected method : selected) {
            MethodMeta meta = optimizer.register(loader, method.outline.signature(), method.spec, fingerprint);
            if (meta != null) {
                woven.put(method.outline.name + method.outline.descriptor, new Woven(meta.id(), method.outline.maxLocals));
            }
        }
        if (woven.isEmpty()) {
            return null;
        }
        byte[] changed = write(classFile, outline.className, woven);
        LOG.debug("transformed {}{} without Byte Buddy", name, loaded ? " (retransformed)" : "");
        return changed;
    }

    /**
     * The selected methods, each with its spec; null when one of them needs Byte Buddy's advice.
     * Selected as {@link AnnotationSelector} selects: a method proper carrying a contract annotation
     * that asks for something.
     */
    private static List<Selected> plan(ClassOutline outline) {
        List<Selected> selected = new ArrayList<>();
        if (outline.isSynthetic()) {
            return selected;
        }
        for (ClassOutline.MethodOutline method : outline.methods) {
            if (method.annotations.isEmpty() || !method.isMethod()) {
                continue;
            }
            MethodSpec spec = AnnotationSpecReader.read(annotation -> attributes(method, annotation),
                    outline::signaturesNamed);
            if (spec.isEmpty()) {
                continue;
            }
            if (!takesTheInlineAdvice(outline, method)) {
                return null;
            }
            selected.add(new Selected(method, spec));
        }
        return selected;
    }

    private static AnnotationSpecReader.Attributes attributes(ClassOutline.MethodOutline method, String annotation) {
        Map<String, Object> attributes = method.annotations.get(annotation);
        return attributes == null ? null : attributes::get;
    }

    private static boolean takesTheInlineAdvice(ClassOutline outline, ClassOutline.MethodOutline method) {
        int arity = Type.getArgumentTypes(method.descriptor).length;
        return outline.majorVersion() >= Opcodes.V1_7
                && !method.descriptor.endsWith(")V")
                && ArityAdvice.forArity(arity) != null
                && !method.returnsInsideAHandlerRange;
    }

    /** The class file with each of these methods woven, the rest copied as they are. */
    private static byte[] write(byte[] classFile, String internalName, Map<String, Woven> woven) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                Woven weave = woven.get(name + descriptor);
                return weave == null ? method
                        : new InlineArityAdvice(method, weave.id, internalName, access, descriptor, weave.maxLocals);
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    private record Selected(ClassOutline.MethodOutline outline, MethodSpec spec) {
    }

    private record Woven(int id, int maxLocals) {
    }
}
