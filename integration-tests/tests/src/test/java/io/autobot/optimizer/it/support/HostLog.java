package io.autobot.optimizer.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

/**
 * What a host printed on stderr, read as the agent's log: the agent logs one line per message,
 * {@code WARN io.autobot.optimizer... - text} (see AgentLogging). A run that should be quiet is
 * checked with {@link #assertNoUnexpectedWarnings}: a disk tier that fails, sets a store aside or
 * falls back to memory says so with a WARN line, and a test that ignored it would pass against a
 * broken tier. The management plane's alerts ({@code ALERT: ...}: a hit rate, a latency or the heap
 * crossing its threshold over the last minute) are figures of the run, not failures, and are left out.
 */
public final class HostLog {

    private HostLog() {
    }

    /** The WARN and ERROR lines, and lines naming an exception, of a host's stderr; alerts left out. */
    public static List<String> warnings(String stderr) {
        return stderr.lines()
                .filter(line -> line.startsWith("WARN") || line.startsWith("ERROR") || line.contains("Exception"))
                .filter(line -> !line.contains(" - ALERT: "))
                .toList();
    }

    /** Fails when stderr has a warning that contains none of the expected fragments. */
    public static void assertNoUnexpectedWarnings(String stderr, String... expected) {
        List<String> unexpected = warnings(stderr).stream()
                .filter(line -> Arrays.stream(expected).noneMatch(line::contains)).toList();
        assertThat(unexpected).as("unexpected warnings on the host's stderr:\n%s", stderr).isEmpty();
    }

    public static void assertNoUnexpectedWarnings(ChildJvm.Result run, String... expected) {
        assertNoUnexpectedWarnings(run.stderr(), expected);
    }
}
