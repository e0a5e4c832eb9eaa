package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.TransparencyHost;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cached call answers exactly what the plain method answers: keys by exact class and iteration
 * order, arguments without value semantics run plain, a self-containing array runs plain quietly,
 * results that are arguments are the caller's own, returned arrays and collections are the
 * caller's to change, a receiver left out by scope reaches the disk tier, and verification catches
 * an impure method. Selected by annotation ({@code TransparencyHost.Cases}) and by a rules file
 * (a wildcard over every public static method of {@code TextKit}, the differential part), on
 * memory, disk and hybrid, and across a restart of the disk and hybrid JVMs on the same store.
 */
class TransparencyIT {

    @TempDir
    static Path workDir;

    private static Map<String, String> plain;
    private static ChildJvm.Result memory;
    private static ChildJvm.Result disk1;
    private static ChildJvm.Result disk2;
    private static ChildJvm.Result hybrid1;
    private static ChildJvm.Result hybrid2;

    @BeforeAll
    static void runHosts() throws Exception {
        Path rules = Files.writeString(workDir.resolve("transparency.rules"), String.join("\n",
                "io.autobot.optimizer.it.hosts.TextKit.*             cached",
                "io.autobot.optimizer.it.hosts.ServiceKit.render     cached(scope=arguments)",
                "io.autobot.optimizer.it.hosts.ImpureKit.next        cached(verify=1)",
                ""));
        ChildJvm.Result without = ChildJvm.of(TransparencyHost.class).workDir(workDir).run();
        assertThat(without.exitCode()).as(without.toString()).isZero();
        plain = compared(without);
        memory = run(rules, "memory", "unused");
        disk1 = run(rules, "disk", "disk-store");
        disk2 = run(rules, "disk", "disk-store");
        hybrid1 = run(rules, "hybrid", "hybrid-store");
        hybrid2 = run(rules, "hybrid", "hybrid-store");
    }

    private static ChildJvm.Result run(Path rules, String strategy, String store) throws Exception {
        ChildJvm.Result result = ChildJvm.of(TransparencyHost.class).withAgent("rules=" + rules + ",cache=" + strategy)
                .env("DISK_CACHE_PATH", workDir.resolve(store).toString()).workDir(workDir).run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private static Map<String, String> compared(ChildJvm.Result run) {
        return run.values().entrySet().stream().filter(entry -> !entry.getKey().endsWith(".runs"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static ChildJvm.Result named(String run) {
        return switch (run) {
            case "memory" -> memory;
            case "disk1" -> disk1;
            case "disk2" -> disk2;
            case "hybrid1" -> hybrid1;
            default -> hybrid2;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "disk1", "disk2", "hybrid1", "hybrid2"})
    void everyAnswerIsThePlainMethods(String run) {
        ChildJvm.Result result = named(run);
        assertThat(plain).hasSizeGreaterThan(100).containsEntry("correct", "true");
        assertThat(compared(result)).as(result.toString()).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "disk1", "disk2", "hybrid1", "hybrid2"})
    void argumentsWithoutValueSemanticsAreSaidOncePerMethodAndNothingOverflows(String run) {
        String stderr = named(run).stderr();
        assertThat(stderr.lines().filter(line -> line.contains("TextKit.content(") && line.contains("not cacheable")))
                .as(stderr).hasSize(1).allMatch(line -> line.startsWith("INFO"));
        assertThat(stderr.lines().filter(line -> line.contains("TextKit.drain(") && line.contains("not cacheable")))
                .as(stderr).hasSize(1).allMatch(line -> line.contains("argument of class java.util.ArrayList$Itr"));
        assertThat(stderr).doesNotContain("StackOverflowError").doesNotContain("internal failure");
        assertThat(stderr.lines().filter(line -> line.contains("TextKit.deep("))).as(stderr).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "disk1", "disk2", "hybrid1", "hybrid2"})
    void verificationCatchesTheImpureMethodsOnceEach(String run) {
        String stderr = named(run).stderr();
        assertThat(stderr.lines().filter(line -> line.contains("verification found"))).as(stderr)
                .hasSize(2).allMatch(line -> line.startsWith("WARN"))
                .anyMatch(line -> line.contains("ImpureKit.next(java.lang.String)"))
                .anyMatch(line -> line.contains("Cases.tick(java.lang.String)"))
                .allMatch(line -> line.contains("arguments (java.lang.String)") && !line.contains("\"t\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "disk1", "disk2", "hybrid1", "hybrid2"})
    void noOtherWarningOnAnyStrategy(String run) {
        HostLog.assertNoUnexpectedWarnings(named(run), "verification found");
    }

    @Test
    void theReportsFiguresAreTheCountedBodies() {
        assertThat(memory.value("TransparencyHost$Cases.split.cache_misses.runs")).isEqualTo(memory.value("split.runs"))
                .isEqualTo("1");
        assertThat(memory.value("TransparencyHost$Cases.split.cache_hits.runs")).isEqualTo("3");
        assertThat(memory.value("ServiceKit.render.cache_misses.runs")).isEqualTo(memory.value("servicekit.runs"));
        assertThat(memory.value("ServiceKit.render.cache_hits.runs")).isEqualTo("3");
        assertThat(memory.value("TextKit.content.not_cacheable.runs")).as("builders and buffers, 2 rounds").isEqualTo("8");
        assertThat(memory.value("TextKit.deep.not_cacheable.runs")).as("the cyclic array, 2 rounds").isEqualTo("2");
        assertThat(memory.value("ImpureKit.next.mismatches.runs")).isEqualTo("1");
        assertThat(memory.value("TransparencyHost$Cases.tick.mismatches.runs")).isEqualTo("1");
        assertThat(disk2.value("ServiceKit.render.cache_misses.runs")).isEqualTo("0");
        assertThat(disk2.value("ServiceKit.render.cache_hits.runs")).isEqualTo("4");
    }

    @Test
    void aReceiverLeftOutByScopeSharesEntriesAndReachesTheDiskTier() {
        assertThat(memory.value("service.runs")).isEqualTo("1");
        assertThat(memory.value("servicekit.runs")).isEqualTo("1");
        assertThat(memory.value("split.runs")).isEqualTo("1");
        assertThat(disk2.value("service.runs")).as("served from disk after a restart").isEqualTo("0");
        assertThat(disk2.value("servicekit.runs")).as(disk2.toString()).isEqualTo("0");
        assertThat(disk2.value("split.runs")).isEqualTo("0");
        assertThat(disk1.stderr()).doesNotContain("ServiceKit.render(java.lang.String): a call on a receiver");
    }
}
