package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.autobot.optimizer.it.hosts.AttachHost;
import io.autobot.optimizer.it.hosts.BytesRecorder;
import io.autobot.optimizer.it.support.AgentCli;
import io.autobot.optimizer.it.support.AgentCli.Run;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostProcess;
import io.autobot.optimizer.it.support.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a live JVM started without the agent: attach, every verb (text and --json),
 * the shell through its standard input, detach, attach again, and the errors a user can make.
 * One host runs the whole story (in {@link #story()}); the tests check its chapters.
 */
class AttachIT {

    @TempDir
    static Path workDir;

    private static HostProcess host;
    private static long pid;
    private static final Map<String, Map<String, String>> calls = new LinkedHashMap<>();
    private static final Map<String, Run> runs = new ConcurrentHashMap<>();
    private static String bean;
    private static boolean diskCacheBeforeDetach;
    private static boolean diskCacheAfterDetach;
    private static String beanAfterDetach;
    private static String beanReattached;
    private static Map<String, String> recordedAtDetach;
    private static Map<String, String> originalAfterDetach;

    @BeforeAll
    static void story() throws Exception {
        host = HostProcess.start(ChildJvm.of(AttachHost.class).agentBefore("-javaagent:" + recorderJar())
                .workDir(workDir));
        pid = host.pid();
        Process sleeper = new ProcessBuilder("sleep", "120").start();
        // runs that do not depend on the host's state go in parallel with the story
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> independent = new ArrayList<>();
        independent.add(pool.submit(() -> {
            cli("list", "list");
            cli("level bad", "level", pid, "turbo");
            cli("workers bad", "workers", pid, "0");
            cli("rate bad", "rate", pid, "fast");
            cli("level missing", "level", pid);
            cli("pid bad", "status", "twelve");
            cli("attach bad setting", "attach", pid, "level=turbo");
            return null;
        }));
        independent.add(pool.submit(() -> {
            cli("unknown verb", "frobnicate", pid);
            cli("no such process", "status", Integer.MAX_VALUE - 1);
            cli("not a JVM", "status", sleeper.pid());
            cli("help level", "help", "level");
            cli("level --help", "level", "--help");
            cli("usage", "--help");
            Run asNobody = AgentCli.runAs("nobody", "status", pid);
            if (asNobody != null) {
                runs.put("another user", asNobody);
            }
            return null;
        }));
        calls.put("before", host.send("call"));
        cli("list --json", "list", "--agents", "--json");
        cli("status unattached", "status", pid);
        cli("detach unattached", "detach", pid);

        cli("attach", "attach", pid);
        calls.put("attached", host.send("call"));
        bean = host.send("bean").get("bean");
        cli("attach again", "attach", pid, "level=aggressive", "--json");

        cli("status", "status", pid);
        cli("status --json", "status", pid, "--json");
        cli("level", "level", pid, "basic");
        cli("level --json", "level", pid, "moderate", "--json");
        cli("cache --json", "cache", pid, "memory", "--json");
        cli("workers --json", "workers", pid, "8", "--json");
        cli("rate --json", "rate", pid, "50", "--json");
        cli("scenario --json", "scenario", pid, "batch_processing", "--json");
        cli("scenario bad", "scenario", pid, "lunch_break");
        cli("report", "report", pid);
        cli("report --json", "report", pid, "--json");
        cli("recommendations --json", "recommendations", pid, "--json");
        cli("export --json", "export", pid, "perf.json", "--json");
        calls.put("cached", host.send("call"));
        cli("clear-cache --json", "clear-cache", pid, "--json");
        calls.put("cleared", host.send("call"));
        runs.put("shell", AgentCli.runWithInput("optimize status\noptimize level aggressive\noptimize cache memory\n"
                + "workers 3\noptimize rate 25\noptimize report\noptimize recommendations\noptimize level turbo\n"
                + "frobnicate\nhelp\noptimize export perf-shell.json\noptimize clear-cache\nexit\n", "shell", pid));
        cli("status after shell", "status", pid, "--json");

        diskCacheBeforeDetach = Files.exists(workDir.resolve("cache"));
        // from now on the host's recorder, last in the chain, sees what each retransformation leaves
        calls.put("record", host.send("record"));
        cli("detach", "detach", pid);
        recordedAtDetach = host.send("recorded");
        calls.put("detached", host.send("call"));
        calls.put("threads", host.send("threads"));
        beanAfterDetach = host.send("bean").get("bean");
        // retransformed by the host itself with no transformer but its recorder: the class as loaded
        originalAfterDetach = host.send("original");
        diskCacheAfterDetach = Files.exists(workDir.resolve("cache"));
        cli("status detached", "status", pid);
        cli("detach again", "detach", pid);

        cli("attach after detach", "attach", pid, "cache=memory", "--json");
        calls.put("reattached", host.send("call"));
        beanReattached = host.send("bean").get("bean");
        cli("status reattached", "status", pid, "--json");
        try {
            for (Future<?> each : independent) {
                each.get();
            }
        } finally {
            pool.shutdown();
            sleeper.destroyForcibly();
        }
    }

    /** The jar of the host's own recording agent: a manifest naming {@link BytesRecorder}, which is on the class path. */
    private static Path recorderJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", BytesRecorder.class.getName());
        manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
        Path jar = workDir.resolve("recorder.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    @AfterAll
    static void stopHost() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    private static void cli(String name, Object... args) throws Exception {
        runs.put(name, AgentCli.run(args));
    }

    private static Run run(String name) {
        return runs.get(name);
    }

    private static Run succeeded(String name) {
        Run run = run(name);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    /** A failure is one line on stderr, nothing on stdout, and the exit code. */
    private static void failedWithOneLine(String name, int exitCode, String... fragments) {
        Run run = run(name);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.stdout()).as(run.toString()).isEmpty();
        assertThat(run.stderr().lines()).as(run.toString()).hasSize(1);
        assertThat(run.stderr()).as(run.toString()).startsWith("error: ").contains(fragments);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }

    @Test
    void cachingStartsForAMethodLoadedBeforeTheAttach() {
        assertThat(calls.get("before")).containsEntry("runs", "4").containsEntry("agent", "none");
        Run attach = succeeded("attach");
        assertThat(attach.stdout()).contains("attached to process " + pid)
                .contains(AttachHost.class.getName() + ".cube(int)");
        // three calls with one argument: the body ran once
        assertThat(calls.get("attached")).containsEntry("runs", "5").containsEntry("correct", "true");
        assertThat(calls.get("attached").get("agent")).isNotEqualTo("none");
    }

    @Test
    void attachingAgainIsHarmlessAndAppliesTheNewSettings() {
        Map<String, Object> again = succeeded("attach again").json();
        assertThat(again).containsEntry("status", "already-running").containsEntry("pid", pid);
        assertThat((List<Object>) again.get("applied")).containsExactly("level=aggressive");
        assertThat((List<Object>) again.get("instrumented")).anySatisfy(method ->
                assertThat((String) method).startsWith(AttachHost.class.getName() + ".cube(int)"));
        failedWithOneLine("attach bad setting", 2, "OPTIMIZATION_LEVEL='turbo' is not accepted",
                "basic, moderate, aggressive");
    }

    @Test
    void showsStatusAsTextAndJson() {
        assertThat(bean).as("the agent's own Optimizer MXBean").isEqualTo("real");
        assertThat(succeeded("status").stdout()).contains("AutoBot Optimizer in process " + pid)
                .containsPattern("OptimizationLevel\\s+aggressive").contains("Cache statistics");
        Map<String, Object> status = succeeded("status --json").json();
        assertThat(status).containsEntry("pid", pid).containsKeys("version", "settings", "cacheStatistics");
        // what the host did by then: cube(7) and square(7), three calls each, one result each in memory
        assertThat(map(map(status, "cacheStatistics"), "memory_cache")).containsEntry("entries", 2L);
        assertThat(map(status, "settings")).containsEntry("OptimizationLevel", "aggressive")
                .containsKeys("CacheStrategy", "MaxWorkers", "MaxRequestsPerSecond");
    }

    @Test
    void changesSettingsLive() {
        assertThat(succeeded("level").stdout()).isEqualTo("OptimizationLevel = basic\n");
        assertThat(succeeded("level --json").json()).containsEntry("attribute", "OptimizationLevel")
                .containsEntry("value", "moderate");
        assertThat(succeeded("cache --json").json()).containsEntry("attribute", "CacheStrategy")
                .containsEntry("value", "memory");
        assertThat(succeeded("workers --json").json()).containsEntry("attribute", "MaxWorkers")
                .containsEntry("value", 8L);
        assertThat(((Number) succeeded("rate --json").json().get("value")).doubleValue()).isEqualTo(50.0);
    }

    @Test
    void appliesScenarios() {
        Map<String, Object> scenario = succeeded("scenario --json").json();
        assertThat(scenario).containsEntry("scenario", "batch_processing");
        assertThat(map(scenario, "settings")).containsKey("OptimizationLevel");
        failedWithOneLine("scenario bad", 2, "lunch_break");
    }

    @Test
    void showsTheReportAndRecommendations() {
        String text = succeeded("report").stdout();
        assertThat(text).startsWith("Performance report of process " + pid + "\n");
        // the composites' named figures, counts as whole numbers
        assertThat(text).containsPattern("\n {4}total_calls: 6\n").containsPattern("\n {6}cache_hits: 2\n");
        Map<String, Object> report = map(succeeded("report --json").json(), "report");
        assertOperationsAsTheHostCalledThem(report);
        assertThat(succeeded("recommendations --json").json().get("recommendations")).isInstanceOf(List.class);
    }

    @Test
    void exportsThePerformanceData() throws Exception {
        Path file = Path.of((String) succeeded("export --json").json().get("file"));
        assertThat(file.getFileName().toString()).isEqualTo("perf.json");
        Map<String, Object> exported = JsonReader.object(Files.readString(file));
        assertThat(exported).as("export: %s", exported).containsKey("operations");
        assertOperationsAsTheHostCalledThem(exported);
    }

    /**
     * Since the attach, and until the report and the export (nothing calls in between), the host
     * called cube(7) and Second.square(7) three times each: one miss and two hits each.
     */
    private static void assertOperationsAsTheHostCalledThem(Map<String, Object> report) {
        Map<String, Object> operations = map(report, "operations");
        assertThat(operations).as(report.toString()).containsOnlyKeys("AttachHost.cube", "AttachHost$Second.square");
        for (String operation : List.of("AttachHost.cube", "AttachHost$Second.square")) {
            assertThat(map(operations, operation)).as(operation).containsEntry("calls", 3L)
                    .containsEntry("cache_hits", 2L).containsEntry("cache_misses", 1L).containsEntry("errors", 0L);
        }
        assertThat(map(report, "summary")).containsEntry("total_calls", 6L).containsEntry("cache_hits", 4L)
                .containsEntry("cache_misses", 2L);
    }

    @Test
    void clearsTheCache() {
        assertThat(calls.get("cached")).containsEntry("runs", "5"); // still cached after all the changes
        assertThat(succeeded("clear-cache --json").json()).containsEntry("cleared", true);
        assertThat(calls.get("cleared")).containsEntry("runs", "6").containsEntry("correct", "true");
    }

    @Test
    void runsTheShellFromItsStandardInput() {
        Run shell = succeeded("shell");
        assertThat(shell.stdout()).contains("AutoBot> ")
                .contains("AutoBot Optimizer in process " + pid)
                .contains("OptimizationLevel = aggressive")
                .contains("CacheStrategy = memory")
                .contains("MaxWorkers = 3")
                .contains("MaxRequestsPerSecond = 25")
                .contains("Performance data written to ").contains("perf-shell.json")
                .contains("Performance report of process " + pid)
                .contains("error: OPTIMIZATION_LEVEL='turbo' is not accepted")
                .contains("unknown command 'frobnicate': type help for the list")
                .contains("optimize clear-cache")
                .contains("Every cache tier is empty.");
        assertThat(map(succeeded("status after shell").json(), "settings"))
                .containsEntry("OptimizationLevel", "aggressive").containsEntry("MaxWorkers", 3L);
    }

    @Test
    void reportsEachErrorOnOneLineWithItsExitCode() {
        failedWithOneLine("status unattached", 1, "agent not attached to process " + pid, "attach " + pid);
        failedWithOneLine("detach unattached", 1, "agent not attached to process " + pid);
        failedWithOneLine("level bad", 2, "OPTIMIZATION_LEVEL='turbo' is not accepted");
        failedWithOneLine("workers bad", 2, "OPTIMIZATION_MAX_WORKERS='0' is not accepted", "1 to 1024");
        failedWithOneLine("rate bad", 2, "MAX_REQUESTS_PER_SECOND='fast' is not accepted");
        failedWithOneLine("level missing", 2, "'level' needs <pid> <level>; <level> is missing", "help level");
        failedWithOneLine("pid bad", 2, "'twelve'");
        failedWithOneLine("unknown verb", 2, "frobnicate");
        failedWithOneLine("no such process", 1, "no such process: " + (Integer.MAX_VALUE - 1));
        failedWithOneLine("not a JVM", 1, "is not a Java virtual machine");
    }

    @Test
    void refusesAnotherUsersJvmInOneLine() {
        assumeTrue(runs.containsKey("another user"), "needs root and runuser to run the CLI as another user");
        failedWithOneLine("another user", 1, "attach not permitted: process " + pid + " runs as root and this CLI"
                + " as nobody; run the CLI as root");
    }

    @Test
    void listsTheJvmsAndTellsWhichRunTheAgent() {
        assertThat(succeeded("list").stdout()).containsPattern("(?m)^" + pid + "\\s+.*" + AttachHost.class.getName());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jvms = (List<Map<String, Object>>) succeeded("list --json").json().get("jvms");
        assertThat(jvms).anySatisfy(jvm -> {
            assertThat(jvm).containsEntry("pid", pid).containsEntry("agent", "none");
            assertThat((String) jvm.get("name")).contains(AttachHost.class.getName());
        });
    }

    @Test
    void helpsWithEachVerb() {
        assertThat(succeeded("help level").stdout()).contains("Set the optimization level").contains("<pid>");
        assertThat(succeeded("level --help").stdout()).contains("basic, moderate or aggressive");
        String usage = succeeded("usage").stdout();
        for (String verb : List.of("list", "attach", "status", "report", "recommendations", "level", "cache",
                "workers", "rate", "scenario", "clear-cache", "export", "detach", "shell")) {
            assertThat(usage).containsPattern("(?m)^\\s+" + verb + "\\s");
        }
    }

    @Test
    void detachRetransformsEveryInstrumentedClassBackToItsOriginalBytes() {
        assertThat(calls.get("record")).containsEntry("recorder", "recording");
        for (String type : List.of("AttachHost", "AttachHost$Second")) {
            assertThat(recordedAtDetach).as(type + ": " + recordedAtDetach).containsEntry("recorded." + type, "1")
                    .containsEntry("instrumented." + type, "false").containsEntry("fileCallsBridge." + type, "false");
        }
        // the bytes detach left are the bytes of the class as loaded (the JVM rebuilds them, so not the file's)
        assertThat(originalAfterDetach).as(originalAfterDetach.toString()).containsEntry("same.AttachHost", "true")
                .containsEntry("same.AttachHost$Second", "true");
    }

    @Test
    void theAgentsOwnBeanComesAndGoesWithTheAgent() {
        assertThat(bean).isEqualTo("real");
        assertThat(beanAfterDetach).isEqualTo("none");
        assertThat(beanReattached).isEqualTo("real");
    }

    @Test
    void detachRestoresTheOriginalCodeAndStopsTheAgent() {
        assertThat(succeeded("detach").stdout()).contains("detached from process " + pid);
        // three calls, three runs: the original code again, results still right
        assertThat(calls.get("detached")).containsEntry("runs", "9").containsEntry("correct", "true")
                .containsEntry("agent", "none");
        // emptied, never removed: a tool listing the host's properties at that moment must not fail
        assertThat(calls.get("detached")).containsEntry("agent.listed", "true");
        assertThat(calls.get("threads")).containsEntry("agent.threads", "");
        assertThat(diskCacheAfterDetach).as("the disk cache files stay").isEqualTo(diskCacheBeforeDetach);
        failedWithOneLine("status detached", 1, "agent not attached to process " + pid);
        failedWithOneLine("detach again", 1, "agent not attached to process " + pid, "nothing to detach");
    }

    @Test
    void attachWorksAgainAfterDetach() {
        Map<String, Object> attach = succeeded("attach after detach").json();
        assertThat(attach).containsEntry("status", "started");
        // the memory cache was dropped at detach: one run for three calls
        assertThat(calls.get("reattached")).containsEntry("runs", "10").containsEntry("correct", "true");
        assertThat(map(succeeded("status reattached").json(), "settings")).containsEntry("CacheStrategy", "memory");
    }

    @Test
    void saysOneLinePerAttachInTheHostsLog() {
        assertThat(host.stderr().lines().filter(line -> line.contains("AutoBot Optimizer") && line.contains("started")))
                .hasSize(2);
        assertThat(host.stderr()).contains("AutoBot Optimizer stopped").doesNotContain("could not be restored");
    }
}
