package io.autobot.optimizer.samples.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.api.AgentNotAttachedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessControlTest {

    private final InProcessControl control = new InProcessControl();

    @AfterEach
    void clear() {
        System.clearProperty(InProcessControl.STARTED_PROPERTY);
    }

    @Test
    void withoutTheAgentSaysHowToStartIt() {
        assertThat(control.target()).isEqualTo("no agent in this JVM");
        assertThatThrownBy(control::optimizationLevel).isInstanceOf(AgentNotAttachedException.class)
                .hasMessageContaining("-javaagent:autobot-agent.jar");
    }

    @Test
    void anAgentWithoutItsManagementBeanIsNamedAsSuch() {
        System.setProperty(InProcessControl.STARTED_PROPERTY, "0.1.0");

        assertThat(control.target()).isEqualTo("agent in this JVM, without its management bean");
        assertThatThrownBy(() -> control.setOptimizationLevel("aggressive")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("management bean io.autobot.optimizer:type=Optimizer is not registered");
    }
}
