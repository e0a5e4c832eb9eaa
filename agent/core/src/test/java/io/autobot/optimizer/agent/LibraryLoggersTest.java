package io.autobot.optimizer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

class LibraryLoggersTest {

    /** Stands in for a library class that asks the JDK for a logger when it initializes. */
    static final class Library {
        static final System.Logger LOGGER = System.getLogger("library");

        static long now() {
            return System.nanoTime();
        }
    }

    @Test
    void onlySystemGetLoggerIsReplacedByTheAgentsOwnLogger() throws Exception {
        byte[] original;
        try (InputStream in = Library.class.getResourceAsStream("LibraryLoggersTest$Library.class")) {
            original = in.readAllBytes();
        }
        assertThat(calls(original)).contains("java/lang/System.getLogger", "java/lang/System.nanoTime");

        byte[] rewritten = LibraryLoggers.rewritten(original);
        List<String> after = calls(rewritten);
        assertThat(after).doesNotContain("java/lang/System.getLogger")
                .contains("io/autobot/optimizer/agent/LibraryLoggers.getLogger", "java/lang/System.nanoTime");
        assertThat(after).hasSameSizeAs(calls(original));

        // and the class still loads, links and runs: its logger is the agent's
        Class<?> loaded = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(Library.class.getName(), rewritten, 0, rewritten.length);
            }
        }.define();
        java.lang.reflect.Field field = loaded.getDeclaredField("LOGGER");
        field.setAccessible(true); // another loader: another runtime package
        Object logger = field.get(null);
        assertThat(logger.getClass().getName()).isEqualTo(LibraryLoggers.class.getName() + "$Slf4jSystemLogger");
        assertThat(LibraryLoggers.rewritten(rewritten)).as("nothing left to rewrite").isNull();
    }

    @Test
    void theAgentsLoggerSaysWhatItsLevelsAre() {
        System.Logger logger = LibraryLoggers.getLogger("io.autobot.optimizer.test");
        assertThat(logger.getName()).isEqualTo("io.autobot.optimizer.test");
        assertThat(logger.isLoggable(System.Logger.Level.OFF)).isFalse();
        assertThat(logger.isLoggable(System.Logger.Level.ERROR)).isTrue();
        logger.log(System.Logger.Level.TRACE, "not shown {0}", 1); // below the level: formats nothing
        logger.log(System.Logger.Level.WARNING, () -> "shown through the agent's logging", null);
    }

    private static List<String> calls(byte[] classFile) {
        List<String> calls = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        calls.add(owner + "." + method);
                    }
                };
            }
        }, 0);
        return calls;
    }
}
