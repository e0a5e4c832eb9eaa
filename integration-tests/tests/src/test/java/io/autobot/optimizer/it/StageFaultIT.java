package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.autobot.optimizer.it.hosts.InjectedFaults;
import io.autobot.optimizer.it.hosts.LoadHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Injects a failure into one internal stage of the agent at a time, with Byteman rules that make
 * the stage's entry points throw on every third pass, while {@link LoadHost} calls methods under
 * every policy and strategy from 4 threads: every result still equals the plain computation, no
 * exception of the agent reaches the host, nothing hangs, and each broken path is counted (the
 * {@code InternalFailures} attribute) and logged once per method, not once per call.
 */
class StageFaultIT {

    private static final String AGENT = "io.autobot.optimizer.agent.";
    private static final String MANAGEMENT = "io.autobot.optimizer.management.";
    private static final int SECONDS = 3;
    /** Long enough for the management plane to start in the busy host (see the plane's stages). */
    private static final int PLANE_SECONDS = 14;
    /** The warning of an internal failure names the exception and its message. */
    private static final String INTERNAL = "injected fault";

    @TempDir
    Path workDir;

    /**
     * One stage: the methods the rules break; whether its failures are failures of calls (counted
     * in {@code InternalFailures}) or happen beside them; what its warning says; and whether it
     * fails on every pass (stages passed once, at start-up or when a class loads) or every third;
     * and how many seconds the host runs.
     */
    record Stage(String name, boolean onCallPath, String warning, List<String> targets, boolean always,
            int seconds) {

        Stage(String name, boolean onCallPath, String warning, List<String> targets) {
            this(name, onCallPath, warning, targets, false, SECONDS);
        }

        Stage(String name, boolean onCallPath, String warning, List<String> targets, boolean always) {
            this(name, onCallPath, warning, targets, always, SECONDS);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Stage> stages() {
        return Stream.of(
                new Stage("key building", true, INTERNAL,
                        List.of(AGENT + "cache.CallKey#of", AGENT + "cache.CallKey#reuse")),
                new Stage("memory tier", true, INTERNAL,
                        List.of(AGENT + "cache.MemoryTier#get", AGENT + "cache.MemoryTier#hit",
                                AGENT + "cache.MemoryTier#directHit", AGENT + "cache.MemoryTier#put")),
                // under hybrid a result reaches the disk tier through offerBehind (weighed and encoded on its thread)
                new Stage("disk tier", true, INTERNAL, List.of(AGENT + "cache.disk.DiskTier#get",
                        AGENT + "cache.disk.DiskTier#offer", AGENT + "cache.disk.DiskTier#offerBehind")),
                // a result or argument that cannot be serialized keeps its method off the disk tier: expected,
                // not an internal failure; the warning names the exception's type, never its message (data)
                // it encodes on the tier's thread, which starts after 1 s and holds back while the busy host
                // keeps both cores (at most 5 s: WriteBehind.MAX_YIELD_MILLIS): the host runs past that
                new Stage("serialization", false, "cannot be serialized (java.lang.IllegalStateException)",
                        List.of(AGENT + "cache.disk.ValueCodec#encode", AGENT + "cache.disk.ValueCodec#encodeArguments"),
                        false, 8),
                new Stage("splitter", true, INTERNAL,
                        List.of(AGENT + "policy.parallel.Split#runChunk", AGENT + "policy.parallel.ParallelPolicy#parts")),
                // a fault in one sender can first surface in a waiting caller as a batch closed unsent (the
                // same failure type, reported once per method): either line is the batcher's failure logged
                new Stage("batcher", true, "internal failure in policies of",
                        List.of(AGENT + "policy.batch.BatchPolicy#send", AGENT + "policy.batch.BatchPolicy#batchSize")),
                new Stage("rate limiter", true, INTERNAL, List.of(AGENT + "policy.ratelimit.RateLimiter#tryAcquire",
                        AGENT + "policy.ratelimit.RateLimiter#tryAcquireNow")),
                // the watchdog's alarm fails too (InterruptGuard#interrupt); InterruptGuard#finish, which hands
                // back an interrupt meant for the task, belongs with the fail-open core (docs/reliability.md)
                new Stage("timeouts", true, INTERNAL,
                        List.of(AGENT + "policy.timeout.TimeoutPolicy#limitNanos", AGENT + "policy.InterruptGuard#interrupt")),
                new Stage("metrics", true, INTERNAL, List.of(AGENT + "call.OperationStats#recordCall",
                        AGENT + "call.OperationStats#recordMiss", AGENT + "call.OperationStats#recordHit",
                        AGENT + "call.OperationStats#recordFastHit", AGENT + "call.OperationStats#recordDirectHit")),
                // the plane starts management.delay (1 s) after premain, then waits while the busy host keeps
                // both cores (at most 10 s: AgentRuntime): the host runs past that
                new Stage("management plane", false, INTERNAL, List.of(MANAGEMENT + "ManagementPlane#tick",
                        MANAGEMENT + "metrics.MetricsBinding#bindNew", MANAGEMENT + "system.SystemSampler#sample"),
                        false, PLANE_SECONDS),
                // start-up and class loading: the agent goes on without the broken part, the host unoptimized
                new Stage("management start", false, INTERNAL, List.of(MANAGEMENT + "ManagementExtension#start"), true,
                        PLANE_SECONDS),
                // registering a selected method, for either weaver
                new Stage("instrumentation", false, INTERNAL,
                        List.of(AGENT + "instrument.OptimizerTransformer#register"), true),
                // Byte Buddy's weaver (LoadHost.Wide needs it) and the ASM weaver half-way through a method
                new Stage("instrumentation build", false, INTERNAL,
                        List.of(AGENT + "instrument.Instrumenter#weaver"), true),
                new Stage("inline weaver", false, INTERNAL,
                        List.of(AGENT + "instrument.InlineArityAdvice#visitMaxs"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void aFailingStageCostsSpeedNeverCorrectness(Stage stage) throws Exception {
        check(stage, ChildJvm.of(LoadHost.class), "");
    }

    /** Every stage again with the host on JDK 25 (its class loading, Unsafe and threads differ from 17's). */
    @ParameterizedTest(name = "{0}, JDK 25")
    @MethodSource("stages")
    void aFailingStageCostsSpeedNeverCorrectnessOnJdk25(Stage stage) throws Exception {
        Path jdk25 = ChildJvm.jdk25();
        assumeTrue(jdk25 != null, "no JDK 25 beside the default JDK (looked in /usr/lib/jvm): skipped");
        check(stage, ChildJvm.of(LoadHost.class).javaHome(jdk25), " (JDK 25)");
    }

    private void check(Stage stage, ChildJvm host, String where) throws Exception {
        Path rules = writeRules(stage);
        ChildJvm.Result result = host
                // Byteman first: its rules must be in place before the agent's premain runs
                .agentBefore("-javaagent:" + byteman() + "=script:" + rules + ",boot:" + byteman())
                .withAgent("cache=hybrid").env("DISK_CACHE_PATH", workDir.resolve("cache").toString())
                .workDir(workDir).args(String.valueOf(stage.seconds()), "4").timeoutSeconds(90).run();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("finished")).as(result.toString()).isEqualTo("true");
        assertThat(result.value("wrong")).as(result.toString()).isEqualTo("0");
        assertThat(result.value("unexpected")).as(result.toString()).isEqualTo("0");
        long injected = Long.parseLong(result.value("injected"));
        long counted = Long.parseLong(result.value("internal.failures"));
        assertThat(injected).as("the rules fired: " + result).isPositive();

        List<String> warnings = result.stderr().lines().filter(line -> line.contains(stage.warning())).toList();
        assertThat(warnings).as("the failure is logged: " + result).isNotEmpty();
        assertThat(warnings).as("each broken path is logged once, not once per call").doesNotHaveDuplicates();
        // one line per method and failure type at most: LoadHost has nine selected methods
        assertThat(warnings.size()).as(result.toString()).isLessThan(30);
        assertThat(result.stderr()).as("no stack trace reaches the host's stderr").doesNotContain("\tat ");
        if (stage.onCallPath()) {
            assertThat(counted).as("every failure is counted: " + result).isPositive();
            assertThat(Long.parseLong(result.value("internal.failures.operations")))
                    .as("and counted on the operation it happened in").isEqualTo(counted);
        } else {
            // no failure of a call; -1: the management plane is off, so there is no bean to read
            assertThat(counted).as("these are no failures of calls: " + result).isIn(0L, -1L);
        }
        System.out.printf("stage fault %s%s: %s faults injected, %s calls checked, %d counted, %d warning lines%n",
                stage, where, injected, result.value("calls"), counted, warnings.size());
    }

    @Test
    void whenTheBridgeCannotBeDefinedInTheBootLoaderItIsAppendedToTheBootstrapClassPath() throws Exception {
        Stage bridge = new Stage("bridge", false, INTERNAL, List.of(AGENT + "BootstrapInjector#defineAll"), true);
        ChildJvm.Result result = ChildJvm.of(LoadHost.class)
                .agentBefore("-javaagent:" + byteman() + "=script:" + writeRules(bridge) + ",boot:" + byteman())
                .withAgent("cache=memory").jvmArg("-Xlog:class+load=info").workDir(workDir).args("1", "2").run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("wrong")).isEqualTo("0");
        assertThat(result.value("unexpected")).isEqualTo("0");
        assertThat(result.value("injected")).isEqualTo("1");
        assertThat(result.stderr()).contains("AutoBot Optimizer").contains(" started (premain");
        // the bridge came from the appended jar (defined directly, its source reads __JVM_DefineClass__)
        assertThat(result.stdout().lines().filter(line -> line.contains("io.autobot.optimizer.bootstrap.Dispatcher ")))
                .singleElement().asString().contains("source: ").contains("autobot-bootstrap-");
    }

    private Path writeRules(Stage stage) throws IOException {
        StringBuilder script = new StringBuilder();
        int number = 0;
        for (String target : stage.targets()) {
            String[] classAndMethod = target.split("#");
            script.append("RULE ").append(stage.name()).append(' ').append(++number).append('\n')
                    .append("CLASS ").append(classAndMethod[0]).append('\n')
                    .append("METHOD ").append(classAndMethod[1]).append('\n')
                    .append("AT ENTRY\n")
                    .append("IF ").append(InjectedFaults.class.getName())
                    .append(stage.always() ? ".fireAlways()\n" : ".fire()\n")
                    .append("DO throw new java.lang.IllegalStateException(\"injected fault\")\n")
                    .append("ENDRULE\n\n");
        }
        Path rules = workDir.resolve("faults.btm");
        Files.writeString(rules, script);
        return rules;
    }

    /** The Byteman agent jar, from the test class path. */
    private static Path byteman() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> Path.of(entry).getFileName().toString().matches("byteman-[0-9.]+(-.*)?\\.jar"))
                .map(Path::of).findFirst()
                .orElseThrow(() -> new IllegalStateException("byteman is not on the test class path"));
    }
}
