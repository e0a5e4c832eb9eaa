package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.autobot.optimizer.it.hosts.FlightHost;
import io.autobot.optimizer.it.hosts.HelloHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's flight-recorder events in a recording the JVM makes with its own settings
 * ({@code -XX:StartFlightRecording}), read back with the JDK's {@code jfr} tool and with
 * {@link RecordingFile}; and a JVM without the recorder runs the agent as before.
 */
class FlightRecorderIT {

    @TempDir
    Path workDir;

    @Test
    void aRecordingListsTheAgentsWork() throws Exception {
        Path recording = workDir.resolve("host.jfr");
        ChildJvm.Result result = ChildJvm.of(FlightHost.class).withAgent("cache=memory").workDir(workDir)
                .jvmArg("-XX:StartFlightRecording:filename=" + recording).run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("correct")).as(result.toString()).isEqualTo("true");
        assertThat(result.value("square.runs")).isEqualTo("1");

        List<RecordedEvent> events = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().startsWith("io.autobot.optimizer.")) {
                events.add(event);
            }
        }
        assertThat(named(events, "CacheMiss")).anySatisfy(miss -> {
            assertThat(miss.getString("operation")).isEqualTo("FlightHost.square");
            assertThat(miss.getString("strategy")).isEqualTo("memory");
        });
        assertThat(named(events, "CacheHit")).filteredOn(hit -> "FlightHost.square".equals(hit.getString("operation")))
                .hasSize(2).allSatisfy(hit -> assertThat(hit.getString("tier")).isEqualTo("memory"));
        assertThat(named(events, "CacheStore")).anySatisfy(store ->
                assertThat(store.getString("method")).contains("FlightHost.square(int)"));
        assertThat(named(events, "Split")).singleElement().satisfies(split -> {
            assertThat(split.getInt("elements")).isEqualTo(64);
            assertThat(split.getInt("chunks")).isGreaterThan(1);
        });
        // two permits a second: the third of three calls in a row waits for its slot
        assertThat(named(events, "ThrottleWait")).isNotEmpty().allSatisfy(wait -> {
            assertThat(wait.getString("operation")).isEqualTo("FlightHost.throttled");
            assertThat(wait.getBoolean("granted")).isTrue();
            assertThat(wait.getDuration().toNanos()).isPositive();
        });
        assertThat(named(events, "Timeout")).singleElement().satisfies(timeout -> {
            assertThat(timeout.getString("operation")).isEqualTo("FlightHost.stuck");
            assertThat(timeout.getDuration("limit").toMillis()).isEqualTo(200);
            assertThat(timeout.getDuration().toMillis()).isGreaterThanOrEqualTo(200);
        });
        assertThat(events).allSatisfy(event ->
                assertThat(event.getEventType().getCategoryNames()).containsExactly("AutoBot Optimizer"));

        // what docs/management.md shows: the JDK's own tool lists the same events
        String printed = jfrPrint(recording);
        assertThat(printed).contains("io.autobot.optimizer.CacheHit {", "io.autobot.optimizer.CacheMiss {",
                "io.autobot.optimizer.Split {", "io.autobot.optimizer.ThrottleWait {", "io.autobot.optimizer.Timeout {",
                "operation = \"FlightHost.square\"");
    }

    @Test
    void aJvmWithoutTheRecorderRunsTheAgentAsBefore() throws Exception {
        // the jdk.jfr module left out of the runtime: the events' classes cannot even load
        ChildJvm.Result result = ChildJvm.of(HelloHost.class).withAgent("cache=memory").workDir(workDir)
                .jvmArg("--limit-modules=java.base,java.instrument,java.management,java.logging,jdk.attach,"
                        + "jdk.management,java.rmi,java.naming,java.sql,jdk.unsupported")
                .run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("correct")).isEqualTo("true");
        assertThat(result.value("runs")).isEqualTo("1");
        assertThat(result.stderr()).contains(" started (premain").doesNotContain("Exception").doesNotContain("Error");
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(event -> event.getEventType().getName().equals("io.autobot.optimizer." + name))
                .collect(Collectors.toList());
    }

    private static String jfrPrint(Path recording) throws Exception {
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        assumeTrue(jfr.toFile().canExecute(), "no jfr tool in " + System.getProperty("java.home"));
        Process process = new ProcessBuilder(jfr.toString(), "print", "--events", "io.autobot.optimizer.*",
                recording.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
