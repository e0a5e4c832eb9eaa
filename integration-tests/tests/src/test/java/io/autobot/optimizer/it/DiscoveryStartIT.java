package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.AttachHost;
import io.autobot.optimizer.it.hosts.DiscoveryHost;
import io.autobot.optimizer.it.support.AgentCli;
import io.autobot.optimizer.it.support.AgentCli.Run;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent {@code discover} attaches starts for discovery only: the JVM's own logs of the classes
 * it loads and redefines show that the window loaded none of the agent's instrumentation, disk tier,
 * system sampling or metrics, and retransformed only the classes of the methods it observed. A full
 * {@code attach} afterwards still instruments the annotated methods, and a window in a JVM where the
 * full agent runs leaves that agent running.
 */
class DiscoveryStartIT {

    /** What the redefinition log says of a retransformed class: {@code redefined name=a.b.C, count=1}. */
    private static final Pattern REDEFINED = Pattern.compile("redefined name=([^,\\s]+)");

    @TempDir
    Path workDir;

    @Test
    void aDiscoveryWindowLoadsOnlyWhatItNeedsAndRetransformsOnlyTheObservedClasses() throws Exception {
        Path log = workDir.resolve("jvm.log");
        try (HostProcess host = HostProcess.start(ChildJvm.of(DiscoveryHost.class).workDir(workDir)
                .jvmArg("-Xlog:class+load=info,redefine+class+load=info:file=" + log))) {
            Thread.sleep(2000);
            Run run = AgentCli.run("discover", host.pid(), "--include", DiscoveryHost.class.getName(), "--duration",
                    "16s", "--json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            Map<String, Object> answer = run.json();
            assertThat(answer.get("restored")).isEqualTo(true);
            assertThat(answer.get("restoredClasses")).as("observed")
                    .isEqualTo(Map.of(DiscoveryHost.Known.class.getName(), true));
            assertThat(host.send("stats").get("agent")).as("detached after the window").isEqualTo("none");
            assertThat(host.stderr()).contains("started for discovery only");

            List<String> lines = Files.readAllLines(log);
            List<String> loaded = lines.stream().filter(line -> line.contains("[class,load]"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).toList();
            assertThat(loaded).as("the agent was loaded")
                    .anyMatch(line -> line.contains("io.autobot.optimizer.agent.agent "));
            assertThat(loaded).as("no scan of the loaded classes, no instrumentation")
                    .noneMatch(line -> line.contains("io.autobot.optimizer.agent.instrument."));
            assertThat(loaded).as("no disk tier").noneMatch(line -> line.contains("mapdb"));
            assertThat(loaded).as("no system sampling")
                    .noneMatch(line -> line.contains("oshi") || line.contains(".jna."));
            assertThat(loaded).as("no Micrometer meters").noneMatch(line -> line.contains("micrometer"));
            assertThat(loaded).as("no per-operation or system beans").noneMatch(line ->
                    line.contains("management.jmx.systembean") || line.contains("management.jmx.operationbean"));
            // the JDK's own I/O and exception classes are retransformed by JFR when its first recording
            // starts (its file, socket and error events), once per JVM: not by the agent
            assertThat(redefined(lines)).as("only the observed methods' class was retransformed")
                    .filteredOn(name -> !name.startsWith("java.") && !name.startsWith("sun.")
                            && !name.startsWith("jdk."))
                    .containsExactly(DiscoveryHost.Known.class.getName());
        }
    }

    /**
     * With the agent loaded at the JVM's start for discovery only, the JVM records which compiled
     * code depends on which class from the start: a window's retransformations (JFR's of the JDK's
     * classes, the observing advice) deoptimize only the code that depends on the changed classes,
     * never all of it, as the first redefinition in a JVM attached late does.
     */
    @Test
    void withTheAgentLoadedAtStartAWindowDoesNotThrowAwayAllCompiledCode() throws Exception {
        Path log = workDir.resolve("jvm.log");
        try (HostProcess host = HostProcess.start(ChildJvm.of(DiscoveryHost.class).workDir(workDir)
                .withAgent("command=discovery").jvmArg("-Xlog:redefine+class+nmethod=debug:file=" + log))) {
            Thread.sleep(2000);
            Run run = AgentCli.run("discover", host.pid(), "--include", DiscoveryHost.class.getName(), "--duration",
                    "9s", "--json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            Map<String, Object> answer = run.json();
            assertThat(answer.get("restored")).isEqualTo(true);
            assertThat(answer.get("restoredClasses")).as("observed")
                    .isEqualTo(Map.of(DiscoveryHost.Known.class.getName(), true));

            List<String> lines = Files.readAllLines(log);
            assertThat(lines).as("the window's redefinitions deoptimized only dependent code")
                    .anyMatch(line -> line.contains("dependent nmethods for deopt"))
                    .noneMatch(line -> line.contains("Marked all nmethods for deopt"));
        }
    }

    @Test
    void aFullAttachAfterADiscoveryWindowInstrumentsTheAnnotatedMethods() throws Exception {
        try (HostProcess host = HostProcess.start(ChildJvm.of(AttachHost.class).workDir(workDir))) {
            Run discover = AgentCli.run("discover", host.pid(), "--include", AttachHost.class.getName(), "--duration",
                    "3s");
            assertThat(discover.exitCode()).as(discover.toString()).isZero();
            assertThat(host.send("call").get("agent")).isEqualTo("none");
            int runsBefore = Integer.parseInt(host.send("call").get("runs"));

            Run attach = AgentCli.run("attach", host.pid());
            assertThat(attach.exitCode()).as(attach.toString()).isZero();
            assertThat(attach.stdout()).contains("AttachHost.cube(int)").contains("AttachHost$Second.square(int)");
            Map<String, String> first = host.send("call");
            Map<String, String> second = host.send("call");
            assertThat(second.get("correct")).isEqualTo("true");
            assertThat(Integer.parseInt(second.get("runs"))).as("cube(7) is cached: one body run after the attach")
                    .isEqualTo(runsBefore + 1);
            assertThat(first.get("runs")).isEqualTo(second.get("runs"));
            assertThat(host.send("bean").get("bean")).isEqualTo("real");
        }
    }

    @Test
    void aWindowWhereTheFullAgentRunsLeavesItRunning() throws Exception {
        try (HostProcess host = HostProcess.start(ChildJvm.of(AttachHost.class).workDir(workDir))) {
            Run attach = AgentCli.run("attach", host.pid());
            assertThat(attach.exitCode()).as(attach.toString()).isZero();
            int runs = Integer.parseInt(host.send("call").get("runs"));

            Run discover = AgentCli.run("discover", host.pid(), "--include", AttachHost.class.getName(), "--duration",
                    "3s", "--json");
            assertThat(discover.exitCode()).as(discover.toString()).isZero();
            Map<String, String> after = host.send("call");
            assertThat(after.get("agent")).as("the full agent stays").isNotEqualTo("none");
            assertThat(Integer.parseInt(after.get("runs"))).as("still cached").isEqualTo(runs);
            assertThat(after.get("correct")).isEqualTo("true");
            assertThat(host.stderr()).doesNotContain("started for discovery only");
        }
    }

    private static Set<String> redefined(List<String> lines) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : lines) {
            Matcher matcher = REDEFINED.matcher(line);
            if (line.contains("redefine") && matcher.find()) {
                names.add(matcher.group(1).replace('/', '.'));
            }
        }
        return names;
    }
}
