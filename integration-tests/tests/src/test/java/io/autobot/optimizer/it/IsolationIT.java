package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.autobot.optimizer.it.hosts.CachingHost;
import io.autobot.optimizer.it.hosts.HelloHost;
import io.autobot.optimizer.it.hosts.LateJmxHost;
import io.autobot.optimizer.it.hosts.OwnLogManagerHost;
import io.autobot.optimizer.it.hosts.OwnLibrariesHost;
import io.autobot.optimizer.it.hosts.OwnLoggingHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent coexists with what the host brings: its own libraries, another JDK. */
class IsolationIT {

    @TempDir
    Path workDir;

    @Test
    void aHostWithItsOwnCaffeineAndByteBuddyKeepsWorking() throws Exception {
        ChildJvm.Result result = ChildJvm.of(OwnLibrariesHost.class).withAgent("cache=memory").workDir(workDir).run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("caffeine.jar")).isEqualTo("caffeine-2.9.3.jar");
        assertThat(result.value("caffeine.works")).isEqualTo("true");
        assertThat(result.value("bytebuddy.jar")).isEqualTo("byte-buddy-1.14.18.jar");
        assertThat(result.value("bytebuddy.works")).isEqualTo("true");
        assertThat(result.value("correct")).isEqualTo("true");
        assertThat(result.value("runs")).isEqualTo("1");
    }

    @Test
    void aHostWithItsOwnLoggingConfigurationKeepsItAndTheAgentKeepsItsOwn() throws Exception {
        Path logback = workDir.resolve("logback.xml");
        Files.writeString(logback, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.out</target>
                    <encoder><pattern>HOST|%level|%logger|%msg%n</pattern></encoder>
                  </appender>
                  <logger name="io.autobot.optimizer" level="OFF"/>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        ChildJvm.Result result = ChildJvm.of(OwnLoggingHost.class).withAgent("cache=memory").workDir(workDir)
                .jvmArg("-Dlogback.configurationFile=" + logback)
                // a host that uses slf4j-simple itself and silences it: the agent's copy reads its own keys
                .jvmArg("-Dorg.slf4j.simpleLogger.defaultLogLevel=off")
                .run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("correct")).isEqualTo("true");
        assertThat(result.value("runs")).as("the unhashable argument ran each time, the other once").isEqualTo("4");
        // the host's logging is as the host configured it
        assertThat(result.value("provider")).isEqualTo("ch.qos.logback.classic.LoggerContext");
        assertThat(result.stdout()).contains("HOST|INFO|host.app|host started", "HOST|WARN|host.jul|host jul line",
                "HOST|INFO|host.app|host done");
        assertThat(result.stdout()).as("the agent never logs through the host's logging").doesNotContain("autobot");
        assertThat(result.stderr()).as("no SLF4J provider conflict, no Logback status problem")
                .doesNotContain("SLF4J").doesNotContain("|-WARN").doesNotContain("|-ERROR");
        // and the agent's own lines are where they always are, once
        assertThat(result.stderr()).contains("AutoBot Optimizer").contains(" started (premain");
        assertThat(result.stderr().lines().filter(line -> line.startsWith("WARN io.autobot.optimizer")
                && line.contains("OwnLoggingHost.doubled"))).hasSize(1);
    }

    @Test
    void theSameHostRunsOnJdk25() throws Exception {
        Path jdk25 = ChildJvm.jdk25();
        assumeTrue(jdk25 != null, "no JDK 25 beside the default JDK (looked in /usr/lib/jvm): skipped");
        ChildJvm.Result result = ChildJvm.of(CachingHost.class).javaHome(jdk25).withAgent("cache=memory")
                .workDir(workDir).run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("correct")).isEqualTo("true");
        assertThat(result.value("static.runs")).isEqualTo("2");
        assertThat(result.value("private.runs")).isEqualTo("1");
        assertThat(result.value("orphan.loader.runs")).isEqualTo("1");
        assertThat(result.value("slow.runs")).isEqualTo("1");
        assertThat(result.stderr()).doesNotContain("could not instrument");
    }

    @Test
    void theJvmPrintsNothingBecauseOfTheAgent() throws Exception {
        for (Path javaHome : jdks()) {
            ChildJvm.Result result = ChildJvm.of(HelloHost.class).javaHome(javaHome).withAgent("cache=memory")
                    .workDir(workDir).run();
            assertThat(result.value("correct")).isEqualTo("true");
            // no "Sharing is only supported for boot loader classes" (class-data sharing stays on), no
            // sun.misc.Unsafe deprecation warnings (JDK 24+): only the agent's own start line
            assertThat(result.stderr().lines()).as(javaHome + ": " + result.stderr())
                    .singleElement().asString().startsWith("INFO io.autobot.optimizer - AutoBot Optimizer");
        }
    }

    private static List<Path> jdks() {
        Path jdk25 = ChildJvm.jdk25();
        Path current = Path.of(System.getProperty("java.home"));
        return jdk25 == null ? List.of(current) : List.of(current, jdk25);
    }

    @Test
    void unusedSubsystemsAreNotLoaded() throws Exception {
        ChildJvm.Result result = ChildJvm.of(HelloHost.class).withAgent("cache=memory").workDir(workDir)
                .jvmArg("-Xlog:class+load=info").run();
        assertThat(result.value("correct")).isEqualTo("true");
        assertThat(result.stdout()).contains("io.autobot.optimizer.agent.Agent");
        assertThat(result.stdout()).doesNotContain("shaded.mapdb").doesNotContain("oshi.");
    }

    @Test
    void thePlatformMBeanServerIsMadeWhenTheHostAsksAndHoldsTheBeansAtOnce() throws Exception {
        for (Path javaHome : jdks()) {
            ChildJvm.Result result = ChildJvm.of(LateJmxHost.class).javaHome(javaHome).withAgent("cache=memory")
                    .workDir(workDir).run();
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.value("correct")).isEqualTo("true");
            assertThat(result.value("runs")).isEqualTo("1");
            assertThat(result.value("servers.before")).as(javaHome + ": the agent made no MBean server").isEqualTo("0");
            assertThat(result.value("optimizer.at.once")).as(javaHome + ": " + result).isEqualTo("true");
            assertThat(result.value("operations.at.once")).isEqualTo("1");
            assertThat(result.value("hits")).isEqualTo("1");
            assertThat(result.value("same.server")).isEqualTo("true");
            assertThat(Integer.parseInt(result.value("meters"))).as("the meters' JMX view").isPositive();
            assertThat(result.stderr()).doesNotContain("WARN").doesNotContain("Exception");
        }
    }

    @Test
    void aHostThatPicksItsOwnLogManagerInMainGetsIt() throws Exception {
        for (Path javaHome : jdks()) {
            for (String strategy : List.of("memory", "hybrid")) {
                ChildJvm.Result result = ChildJvm.of(OwnLogManagerHost.class).javaHome(javaHome)
                        .withAgent("cache=" + strategy).workDir(workDir).run();
                assertThat(result.exitCode()).as(result.toString()).isZero();
                assertThat(result.value("manager")).as(javaHome + ", " + strategy + ": " + result)
                        .isEqualTo(OwnLogManagerHost.HostLogManager.class.getName());
                assertThat(result.value("correct")).isEqualTo("true");
                assertThat(result.value("runs")).isEqualTo("1");
            }
        }
    }
}
