package io.autobot.optimizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without the agent, the API says so: the documented example runs, what would change something throws one exception. */
class AutoBotWithoutAgentTest {

    @Test
    @SuppressWarnings("unchecked")
    void theReportSaysTheAgentIsAbsentAndItsFiguresCanBeRead() {
        assertThat(AutoBot.isAttached()).isFalse();
        Map<String, Object> report = AutoBot.performanceReport();
        assertThat(report).containsEntry("agent_attached", false);
        assertThat((String) report.get("message")).contains("not attached").contains("-javaagent");
        Map<String, Object> summary = (Map<String, Object>) report.get("summary");
        assertThat(summary.getOrDefault("avg_execution_time", "none")).isEqualTo("none");
        assertThat((Map<String, Object>) report.get("operations")).isEmpty();
        assertThat(AutoBot.recommendations()).singleElement().asString().contains("not attached");
        assertThat(AutoBot.cacheStatistics()).isEmpty();
    }

    @Test
    void whatWouldChangeSomethingThrowsOneExceptionThatSaysHowToAttach() {
        assertThatThrownBy(() -> AutoBot.setOptimizationLevel("aggressive"))
                .isInstanceOf(AgentNotAttachedException.class).hasMessageContaining("attach");
        assertThatThrownBy(AutoBot::optimizationLevel).isInstanceOf(AgentNotAttachedException.class);
        assertThatThrownBy(AutoBot::clearCache).isInstanceOf(AgentNotAttachedException.class);
        assertThatThrownBy(() -> AutoBot.exportPerformanceData("x.json"))
                .isInstanceOf(AgentNotAttachedException.class);
    }
}
