package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.CacheKeysHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a memo key is made of: the receiver of an instance method, the arguments as they were when
 * the call began, and the runtime type of array arguments. Every result equals the one without
 * the agent.
 */
class CacheKeysIT {

    @TempDir
    static Path workDir;

    private static ChildJvm.Result with;
    private static ChildJvm.Result without;

    @BeforeAll
    static void runHost() throws Exception {
        // a heap the uploads' keys would fill (100 x 3 MiB) if their calls were stored
        with = ChildJvm.of(CacheKeysHost.class).withAgent("cache=memory").jvmArg("-Xmx128m").workDir(workDir).run();
        without = ChildJvm.of(CacheKeysHost.class).jvmArg("-Xmx128m").workDir(workDir).run();
        assertThat(with.exitCode()).as(with.toString()).isZero();
        assertThat(without.exitCode()).as(without.toString()).isZero();
    }

    private static Map<String, String> results(ChildJvm.Result run) {
        return run.values().entrySet().stream().filter(entry -> !entry.getKey().endsWith(".runs"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void everyResultIsTheOneWithoutTheAgent() {
        assertThat(results(with)).as(with.toString()).isEqualTo(results(without)).hasSizeGreaterThan(20);
    }

    @Test
    void theReceiverIsPartOfTheKey() {
        assertThat(with.value("planet.mars")).as(with.toString()).isEqualTo(without.value("planet.mars"));
        assertThat(with.value("account.20")).isEqualTo("20");
        assertThat(with.value("shape.b")).isEqualTo("b1");
        assertThat(with.value("label.blue")).as("stateless receivers of two classes").isEqualTo("blue1");
    }

    @Test
    void recordsAreKeyedAsTheirOwnEqualsSays() {
        // components as the generated equals compares them (NaN equals NaN, -0.0 is not 0.0); a
        // hand-written equals (case-insensitive) is the record's own
        assertThat(with.value("place.negative.zero")).isEqualTo("a@-0.0");
        assertThat(with.value("record.runs")).as(with.toString()).isEqualTo("5");
        assertThat(without.value("record.runs")).isEqualTo("8");
    }

    @Test
    void statelessServiceObjectsShareEntries() {
        assertThat(with.value("greet.runs")).isEqualTo("1");
        assertThat(without.value("greet.runs")).isEqualTo("3");
    }

    @Test
    void aReceiverWhoseHashCodeThrowsRunsThePlainMethod() {
        assertThat(with.value("hostile.1")).isEqualTo("21");
        assertThat(with.value("hostile.runs")).isEqualTo("2");
        assertThat(with.stderr().lines().filter(line -> line.contains("Hostile.times"))).as(with.stderr()).hasSize(1);
    }

    @Test
    void aBodyThatChangesItsArgumentGetsItsResultStoredUnderTheArgumentAsPassed() {
        assertThat(with.value("first.312")).isEqualTo("3");
        assertThat(with.value("first.123")).isEqualTo("1");
        assertThat(with.value("first.312.again")).isEqualTo("3");
        assertThat(with.value("nested.123")).isEqualTo("1");
        assertThat(with.value("head.123")).isEqualTo("1");
        assertThat(with.value("head.312.again")).isEqualTo("3");
    }

    @Test
    void arraysOfDifferentTypesAreDifferentKeys() {
        assertThat(with.value("kind.objects")).isEqualTo("Object[]");
        assertThat(with.value("kind.numbers")).isEqualTo("Number[]");
        assertThat(with.value("inner.objects")).isEqualTo("Object[]");
    }

    @Test
    void aCallersReusedBufferDoesNotChangeTheKeysStoredBefore() {
        assertThat(with.value("buffer.BB")).as(with.toString()).isEqualTo("BB");
        assertThat(with.value("buffer.Aa")).isEqualTo("Aa");
    }

    @Test
    void callsWithArgumentsOverTheSizeLimitRunAndAreNotKept() {
        assertThat(with.value("uploads.runs")).as(with.toString()).isEqualTo("100");
        assertThat(with.stderr().lines().filter(line -> line.contains("CacheKeysHost.checksum")))
                .as(with.stderr()).hasSize(1).allMatch(line -> line.startsWith("INFO") && line.contains("max_file_size"));
    }
}
