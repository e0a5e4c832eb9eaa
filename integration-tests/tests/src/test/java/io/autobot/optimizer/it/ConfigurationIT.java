package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.CachingHost;
import io.autobot.optimizer.it.hosts.HelloHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad settings from each source: one clear line each, and the host still computes right results. */
class ConfigurationIT {

    @TempDir
    Path workDir;

    @Test
    void aBadEnvironmentValueIsOneClearLineAndTheHostStillWorks() throws Exception {
        ChildJvm.Result result = ChildJvm.of(CachingHost.class).withAgent("cache=memory").workDir(workDir)
                .env("OPTIMIZATION_LEVEL", "turbo")
                .env("CACHE_SIZE", "-5")
                .run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("correct")).isEqualTo("true");
        assertThat(result.value("static.runs")).isEqualTo("2"); // still memoizing
        assertThat(result.stderr().lines().filter(line -> line.contains("OPTIMIZATION_LEVEL")))
                .singleElement().asString()
                .contains("'turbo'").contains("basic, moderate, aggressive").contains("using moderate");
        assertThat(result.stderr().lines().filter(line -> line.contains("CACHE_SIZE")))
                .singleElement().asString().contains("'-5'").contains("1 to 100000000");
        assertThat(result.stderr()).contains("level=moderate");
    }

    @Test
    void badAgentArgumentsAndAMissingConfigFileAreReportedAndIgnored() throws Exception {
        ChildJvm.Result result = ChildJvm.of(HelloHost.class).workDir(workDir)
                .withAgent("cache=memory,workers=zero,batch.wait=forever,config=" + workDir.resolve("nope.properties"))
                .run();
        assertThat(result.value("correct")).isEqualTo("true");
        assertThat(result.value("runs")).isEqualTo("1");
        assertThat(result.stderr()).contains("OPTIMIZATION_MAX_WORKERS='zero'")
                .contains("MAX_BATCH_WAIT_TIME='forever'").contains("nope.properties").contains("no such file");
    }

    @Test
    void aConfigFileAndSystemPropertiesApplyWithTheirPrecedence() throws Exception {
        Path file = workDir.resolve("autobot.properties");
        Files.writeString(file, "level=basic\ncache=memory\n");
        ChildJvm.Result result = ChildJvm.of(HelloHost.class).withAgent().workDir(workDir)
                .env("AUTOBOT_CONFIG", file.toString())
                .jvmArg("-Dautobot.level=aggressive")
                .run();
        assertThat(result.value("correct")).isEqualTo("true");
        assertThat(result.stderr()).contains("level=aggressive").contains("cache=memory");
    }

    @Test
    void debugLoggingNamesWhatWasInstrumented() throws Exception {
        ChildJvm.Result result = ChildJvm.of(HelloHost.class).withAgent("cache=memory,debug=true").workDir(workDir)
                .run();
        assertThat(result.stderr()).contains("DEBUG").contains("instrumented " + HelloHost.class.getName()
                + ".hello(java.lang.String) with [cache]");
        assertThat(result.stderr()).doesNotContain("world"); // argument values are never logged
    }
}
