package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.it.hosts.ExternalClassHost;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CACHE_STRATEGY=distributed} on a real redis-server: three JVMs in turn; a result computed
 * in the first is a hit in the second and third; a class recompiled with a change reads none of the
 * old class's entries; Redis classes are loaded only when the URL is set; a JVM whose Redis is down
 * (killed) and comes back gives right results throughout and shares again.
 */
class FleetCacheIT {

    private static final String CALC = String.join("\n",
            "import io.autobot.optimizer.annotations.Cached;",
            "public class Calc {",
            "    static int runs;",
            "    @Cached(ttl = \"1h\")",
            "    static String calc(String s) {",
            "        runs++;",
            "        return \"VERSION:\" + s;",
            "    }",
            "    public static void main(String[] args) throws Exception {",
            "        boolean right = true;",
            "        int rounds = Integer.getInteger(\"rounds\", 1);",
            "        for (int round = 0; round < rounds; round++) {",
            "            for (int i = 0; i < 20; i++) {",
            "                String k = rounds > 1 ? \"r\" + round + \"-\" + i : \"k\" + i;",
            "                right &= calc(k).equals(\"VERSION:\" + k);",
            "            }",
            "            if (rounds > 1) { Thread.sleep(100); }",
            "        }",
            "        System.out.println(\"calc.runs=\" + runs);",
            "        System.out.println(\"calc.right=\" + right);",
            "    }",
            "}");

    @TempDir
    static Path work;
    private static RedisServer redis;
    private static Path classes;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start(work.resolve("redis"));
        classes = Files.createDirectories(work.resolve("classes"));
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    private static void compile(String version) throws Exception {
        Path source = work.resolve("src/Calc.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, CALC.replace("VERSION", version));
        String annotations = Path.of(Cached.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", classes.toString(), "-cp", annotations, source.toString()))
                .as("javac").isZero();
    }

    private static ChildJvm calc() {
        return ChildJvm.of(ExternalClassHost.class).withAgent().env("CACHE_STRATEGY", "distributed")
                .env("AUTOBOT_REDIS_URL", redis.url()).env("AUTOBOT_REDIS_TIMEOUT", "200ms")
                .args(classes.toString(), "Calc").workDir(work);
    }

    @Test
    void aResultComputedInOneJvmIsAHitInTheOthersAndAChangedClassReadsNoneOfTheOld() throws Exception {
        compile("v1");
        ChildJvm.Result first = calc().run();
        ChildJvm.Result second = calc().run();
        ChildJvm.Result third = calc().run();
        assertThat(first.value("calc.runs")).as(first.toString()).isEqualTo("20");
        assertThat(second.value("calc.runs")).as(second.toString()).isEqualTo("0");
        assertThat(third.value("calc.runs")).as(third.toString()).isEqualTo("0");
        for (ChildJvm.Result result : new ChildJvm.Result[] {first, second, third}) {
            assertThat(result.value("calc.right")).as(result.toString()).isEqualTo("true");
            assertThat(result.stderr()).as(result.toString()).doesNotContain("WARN").doesNotContain("Exception");
        }

        compile("v2"); // the same names, another body: another fingerprint
        ChildJvm.Result changed = calc().run();
        assertThat(changed.value("calc.runs")).as(changed.toString()).isEqualTo("20");
        assertThat(changed.value("calc.right")).as(changed.toString()).isEqualTo("true");
    }

    @Test
    void withoutTheUrlNoRedisClassIsLoaded() throws Exception {
        compile("plain");
        ChildJvm.Result memory = ChildJvm.of(ExternalClassHost.class).withAgent().env("CACHE_STRATEGY", "memory")
                .jvmArg("-verbose:class").args(classes.toString(), "Calc").workDir(work).run();
        assertThat(memory.value("calc.right")).isEqualTo("true");
        assertThat(memory.stdout()).doesNotContain("shaded.redis").doesNotContain("shaded.pool2")
                .doesNotContain("agent.redis.JedisClient");
    }

    @Test
    void redisKilledAndRestartedMidRunCostsOnlyHitsAndTheTierRecovers() throws Exception {
        compile("fault");
        // a JVM calling for 6 s (60 rounds of 20 keys) while Redis is killed after 1.5 s and back after 3.5 s
        var running = calc().jvmArg("-Drounds=60").start();
        Thread.sleep(1500);
        redis.kill();
        Thread.sleep(2000);
        redis.startProcess();
        String out = new String(running.getInputStream().readAllBytes());
        String err = new String(running.getErrorStream().readAllBytes());
        assertThat(running.waitFor()).as(err).isZero();
        assertThat(out).contains("calc.right=true");
        assertThat(err).doesNotContain("Exception in thread").doesNotContain("wrong");
        assertThat(err.split("Redis at .* cannot be used", -1).length - 1).as(err).isLessThanOrEqualTo(1);
        // Redis (restarted empty) is shared again: one JVM computes, the next reads its results
        ChildJvm.Result writer = calc().run();
        ChildJvm.Result reader = calc().run();
        assertThat(writer.value("calc.runs")).as(writer.toString()).isEqualTo("20");
        assertThat(reader.value("calc.runs")).as(reader.toString()).isEqualTo("0");
    }
}
