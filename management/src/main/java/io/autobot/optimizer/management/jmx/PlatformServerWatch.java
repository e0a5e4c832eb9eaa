package io.autobot.optimizer.management.jmx;

import io.autobot.optimizer.bootstrap.PlatformServer;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when the JVM's platform MBean server exists, without making it: the JDK builds it on the
 * first call of {@code ManagementFactory.getPlatformMBeanServer}, about 170 ms of one core's time,
 * and a JVM that no JMX client, CLI or host code asks for it never needs the agent's beans.
 *
 * <p>The JDK's method is woven (retransformed) to call {@link PlatformServer#created()} before it
 * returns, so the beans are registered on the thread that asked for the server, before it gets
 * it: a JMX client, the CLI or the host finds them on its first query. Where the weave is not
 * possible, or the server was made before it was in place, {@link #poll()} (the management
 * tick's) finds the server within a second. The original method comes back on {@link #stop()}.
 */
public final class PlatformServerWatch {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    private static final String FACTORY = "java/lang/management/ManagementFactory";
    private static final String METHOD = "getPlatformMBeanServer";
    private static final String BRIDGE = "io/autobot/optimizer/bootstrap/PlatformServer";

    private final Instrumentation instrumentation;
    private final Consumer<MBeanServer> onCreated;
    private final AtomicBoolean fired = new AtomicBoolean();
    private final ClassFileTransformer transformer = new Weave();
    private volatile boolean woven;

    private PlatformServerWatch(Instrumentation instrumentation, Consumer<MBeanServer> onCreated) {
        this.instrumentation = instrumentation;
        this.onCreated = onCreated;
    }

    /**
     * Runs {@code onCreated} with the platform server once it exists: now if an MBean server is
     * already there (a JMX agent started with the JVM, an attach after the host made one), else
     * when it is first asked for.
     */
    public static PlatformServerWatch start(Instrumentation instrumentation, Consumer<MBeanServer> onCreated) {
        PlatformServerWatch watch = new PlatformServerWatch(instrumentation, onCreated);
        if (!anyServer()) {
            PlatformServer.listen(() -> watch.fire(ManagementFactory.getPlatformMBeanServer()));
            watch.weave();
        }
        watch.poll(); // made before the weave took: registered now
        return watch;
    }

    /** Fires if a server exists and this has not fired: the fallback, asked once a second. */
    public void poll() {
        if (!fired.get() && anyServer()) {
            fire(ManagementFactory.getPlatformMBeanServer());
        }
    }

    /** Whether the beans' server exists and they were handed to it. */
    public boolean fired() {
        return fired.get();
    }

    /** Stops listening and gives the JDK's method its original code back. */
    public void stop() {
        PlatformServer.listen(null);
        if (woven) {
            instrumentation.removeTransformer(transformer);
            retransform(); // without the transformer: the class file as the JDK has it
            woven = false;
        }
    }

    private void fire(MBeanServer server) {
        if (fired.compareAndSet(false, true)) {
            onCreated.accept(server);
        }
    }

    /** Whether any MBean server was made through the JDK's factory, as the platform server is. */
    private static boolean anyServer() {
        return !MBeanServerFactory.findMBeanServer(null).isEmpty();
    }

    private void weave() {
        if (instrumentation == null || !instrumentation.isRetransformClassesSupported()) {
            return; // the tick's poll
        }
        try {
            // the JDK's module must read the boot loader's unnamed module, where the bridge is
            instrumentation.redefineModule(ManagementFactory.class.getModule(), Set.of(PlatformServer.class.getModule()),
                    Map.of(), Map.of(), Set.of(), Map.of());
            instrumentation.addTransformer(transformer, true);
            woven = true;
            retransform();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("the platform MBean server is looked for once a second: {}", e.toString());
            stopWeaving();
        }
    }

    private void retransform() {
        try {
            instrumentation.retransformClasses(ManagementFactory.class);
        } catch (Exception | LinkageError e) {
            LOG.debug("ManagementFactory could not be retransformed: {}", e.toString());
        }
    }

    private void stopWeaving() {
        if (woven) {
            instrumentation.removeTransformer(transformer);
            woven = false;
        }
    }

    /** Adds {@code PlatformServer.created()} before each return of {@code getPlatformMBeanServer}. */
    private static final class Weave implements ClassFileTransformer {

        @Override
        public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                ProtectionDomain domain, byte[] classFile) {
            if (loader != null || !FACTORY.equals(className)) {
                return null;
            }
            try {
                return woven(classFile);
            } catch (RuntimeException e) {
                return null; // the JDK's class as it is; the tick's poll finds the server
            }
        }
    }

    /** {@code ManagementFactory}'s class file with the call added before each return of the method. */
    static byte[] woven(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0); // one call with no arguments: stack and frames as they were
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor visitor = super.visitMethod(access, name, descriptor, signature, exceptions);
                return METHOD.equals(name) && descriptor.equals("()Ljavax/management/MBeanServer;")
                        ? new CallBeforeReturn(visitor) : visitor;
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class CallBeforeReturn extends MethodVisitor {

        CallBeforeReturn(MethodVisitor visitor) {
            super(Opcodes.ASM9, visitor);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.ARETURN) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "created", "()V", false);
            }
            super.visitInsn(opcode);
        }
    }
}
