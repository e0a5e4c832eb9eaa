package io.autobot.optimizer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.tools.attach.VirtualMachineDescriptor;
import com.sun.tools.attach.spi.AttachProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final AttachProvider PROVIDER = AttachProvider.providers().get(0);

    private static VirtualMachineDescriptor jvm(long pid, String displayName) {
        return new VirtualMachineDescriptor(PROVIDER, String.valueOf(pid), displayName);
    }

    private final List<VirtualMachineDescriptor> jvms = List.of(
            jvm(100, "com.example.OrderService --port 8080"),
            jvm(200, "/opt/app/billing.jar --config prod"),
            jvm(300, "com.example.OrderWorker"),
            jvm(400, "io.autobot.optimizer.cli.Main status OrderService"));

    @Test
    void aNumberIsTheProcessId() {
        assertThat(Targets.pid("12345")).isEqualTo(12345);
        assertThat(Targets.pid(" 42 ")).isEqualTo(42);
    }

    @Test
    void aNameFindsTheOneJvmWhoseMainClassOrJarContainsIt() {
        assertThat(Targets.byName("OrderService", jvms, 400)).isEqualTo(100);
        assertThat(Targets.byName("com.example.OrderWorker", jvms, 400)).isEqualTo(300);
        assertThat(Targets.byName("billing.jar", jvms, 400)).isEqualTo(200);
        assertThat(Targets.byName("billing", jvms, 400)).as("a part of the jar's name").isEqualTo(200);
    }

    @Test
    void argumentsOfAJvmAreNotItsName() {
        assertThatThrownBy(() -> Targets.byName("8080", jvms, 400)).isInstanceOf(CliException.class)
                .hasMessageContaining("'8080'");
    }

    @Test
    void theCliItselfIsNeverTheTarget() {
        assertThatThrownBy(() -> Targets.byName("cli.Main", jvms, 400)).isInstanceOf(CliException.class)
                .hasMessageContaining("no JVM");
    }

    @Test
    void aNameOfSeveralJvmsListsThemAndChoosesNone() {
        assertThatThrownBy(() -> Targets.byName("com.example.Order", jvms, 400)).isInstanceOf(CliException.class)
                .hasMessageContaining("2 JVMs").hasMessageContaining("100 (com.example.OrderService)")
                .hasMessageContaining("300 (com.example.OrderWorker)");
    }

    @Test
    void anEmptyTargetSaysWhatIsAccepted() {
        assertThatThrownBy(() -> Targets.pid(" ")).isInstanceOf(CliException.class)
                .hasMessageContaining("process id").hasMessageContaining("main class");
    }
}
