package io.autobot.optimizer.management.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

class PlatformServerWatchTest {

    private static final String BRIDGE_CALL = "INVOKESTATIC io/autobot/optimizer/bootstrap/PlatformServer.created()V";

    @Test
    void everyReturnOfGetPlatformMBeanServerCallsTheBridgeFirstAndNothingElseChanges() throws Exception {
        byte[] original = Files.readAllBytes(
                Path.of(URI.create("jrt:/java.management/java/lang/management/ManagementFactory.class")));
        byte[] woven = PlatformServerWatch.woven(original);

        List<String> method = instructions(woven, "getPlatformMBeanServer");
        List<String> before = instructions(original, "getPlatformMBeanServer");
        assertThat(before).contains("ARETURN").doesNotContain(BRIDGE_CALL);
        for (int i = 0; i < method.size(); i++) {
            if (method.get(i).equals("ARETURN")) {
                assertThat(method.get(i - 1)).as("the instruction before return " + i).isEqualTo(BRIDGE_CALL);
            }
        }
        List<String> withoutTheCalls = new ArrayList<>(method);
        withoutTheCalls.removeIf(BRIDGE_CALL::equals);
        assertThat(withoutTheCalls).isEqualTo(before);
        assertThat(instructions(woven, "getPlatformMXBean")).isEqualTo(instructions(original, "getPlatformMXBean"));
    }

    /** The opcodes (and, for calls, their targets) of the methods of that name, in order. */
    private static List<String> instructions(byte[] classFile, String methodName) {
        List<String> out = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (!name.equals(methodName)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInsn(int opcode) {
                        out.add(opcode == Opcodes.ARETURN ? "ARETURN" : "op" + opcode);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String callee, String desc, boolean itf) {
                        out.add((opcode == Opcodes.INVOKESTATIC ? "INVOKESTATIC " : "call ") + owner + "." + callee
                                + desc);
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                        out.add("field " + opcode + " " + owner + "." + field);
                    }

                    @Override
                    public void visitJumpInsn(int opcode, net.bytebuddy.jar.asm.Label label) {
                        out.add("jump " + opcode);
                    }
                };
            }
        }, 0);
        return out;
    }
}
