package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.it.hosts.DiskHost;
import io.autobot.optimizer.it.hosts.ExternalClassHost;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk tier across restarts: a second run with {@code CACHE_STRATEGY=disk} runs no body
 * again, and a class recompiled with a change runs its body again rather than get results of its
 * old code.
 */
class DiskCacheIT {

    private static final String CALC = String.join("\n",
            "import io.autobot.optimizer.annotations.Cached;",
            "public class Calc {",
            "    static int runs;",
            "    @Cached(ttl = \"1h\")",
            "    static String calc(String s) {",
            "        runs++;",
            "        return \"VERSION:\" + s;",
            "    }",
            "    public static void main(String[] args) {",
            "        String x = calc(\"x\");",
            "        calc(\"y\");",
            "        calc(\"x\");",
            "        System.out.println(\"calc.runs=\" + runs);",
            "        System.out.println(\"calc.result=\" + x);",
            "    }",
            "}");

    /** A method whose class stays the same while the record it takes and returns changes. */
    private static final String AREA = String.join("\n",
            "import io.autobot.optimizer.annotations.Cached;",
            "public class Area {",
            "    static int runs;",
            "    @Cached(ttl = \"1h\")",
            "    static Shape grow(Shape s) {",
            "        runs++;",
            "        return new Shape(s.name() + \"+\", s.width() * 2, s.height() * 2);",
            "    }",
            "    public static void main(String[] args) {",
            "        Shape x = grow(new Shape(\"x\", 1, 2));",
            "        grow(new Shape(\"x\", 1, 2));",
            "        System.out.println(\"area.runs=\" + runs);",
            "        System.out.println(\"area.result=\" + x.toString().replace(\" \", \"\"));",
            "    }",
            "}");
    /** The record, then the same record with two components swapped: Area's class file is the same for both. */
    private static final String SHAPE_V1 =
            "public record Shape(String name, int width, int height) implements java.io.Serializable {}";
    private static final String SHAPE_V2 =
            "public record Shape(String name, int height, int width) implements java.io.Serializable {}";

    @TempDir
    static Path work;

    private static ChildJvm.Result first;
    private static ChildJvm.Result second;
    private static ChildJvm.Result v1;
    private static ChildJvm.Result v1Again;
    private static ChildJvm.Result v2;
    private static ChildJvm.Result memoryOnly;
    private static ChildJvm.Result shapeV1;
    private static ChildJvm.Result shapeV2;
    private static ChildJvm.Result shapeV2Again;

    @BeforeAll
    static void runHosts() throws Exception {
        // the default DISK_CACHE_PATH, ./cache/performance_cache, under the host's working directory
        first = ChildJvm.of(DiskHost.class).withAgent().env("CACHE_STRATEGY", "disk").args("basic", "mutate")
                .workDir(work).run();
        second = ChildJvm.of(DiskHost.class).withAgent().env("CACHE_STRATEGY", "disk").args("basic", "mutate")
                .workDir(work).run();

        memoryOnly = ChildJvm.of(DiskHost.class).withAgent().env("CACHE_STRATEGY", "memory")
                .env("DISK_CACHE_PATH", work.resolve("never").toString()).jvmArg("-verbose:class").workDir(work).run();

        Path classes = Files.createDirectories(work.resolve("classes"));
        v1 = compileAndRun(classes, "v1");
        v1Again = compileAndRun(classes, "v1");
        v2 = compileAndRun(classes, "v2");

        shapeV1 = runArea("shape-v1", SHAPE_V1);
        shapeV2 = runArea("shape-v2", SHAPE_V2);
        shapeV2Again = runArea("shape-v2", SHAPE_V2);
    }

    private static ChildJvm.Result compileAndRun(Path classes, String version) throws Exception {
        compile(classes, Map.of("Calc", CALC.replace("VERSION", version)));
        return run(classes, "Calc", "calc-cache");
    }

    private static ChildJvm.Result runArea(String name, String shape) throws Exception {
        Path classes = Files.createDirectories(work.resolve(name));
        compile(classes, Map.of("Area", AREA, "Shape", shape));
        return run(classes, "Area", "area-cache");
    }

    private static void compile(Path classes, Map<String, String> sources) throws Exception {
        Path dir = Files.createDirectories(work.resolve("src").resolve(classes.getFileName()));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                Path.of(Cached.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = dir.resolve(source.getKey() + ".java");
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac").isZero();
    }

    private static ChildJvm.Result run(Path classes, String mainClass, String cache) throws Exception {
        return ChildJvm.of(ExternalClassHost.class).withAgent().env("CACHE_STRATEGY", "disk")
                .env("DISK_CACHE_PATH", work.resolve(cache).toString())
                .args(classes.toString(), mainClass).workDir(work).run();
    }

    @Test
    void theSecondRunExecutesNoBodyForTheSameArguments() {
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.value("correct")).as(first.toString()).isEqualTo("true");
        assertThat(first.value("runs")).isEqualTo("4"); // text, report, squares, nothing: once each
        assertThat(second.value("correct")).as(second.toString()).isEqualTo("true");
        assertThat(second.value("runs")).as(second.toString()).isEqualTo("0");
    }

    @Test
    void keepsMethodsWithUnserializableValuesInMemoryAndSaysSoOnce() {
        for (ChildJvm.Result run : new ChildJvm.Result[] {first, second}) {
            assertThat(run.value("opaque.runs")).isEqualTo("1");
            assertThat(run.value("handle.runs")).isEqualTo("1");
            assertThat(run.stderr().lines().filter(line -> line.contains("cannot be serialized")).count())
                    .as(run.stderr()).isEqualTo(2);
        }
        assertThat(first.stderr()).contains("DiskHost.opaque(int): its result cannot be serialized");
        assertThat(first.stderr()).contains("DiskHost.byHandle(io.autobot.optimizer.it.hosts.DiskHost$Handle):"
                + " an argument cannot be serialized");
    }

    @Test
    void createsTheDefaultDirectoryOwnerOnly() throws Exception {
        Path directory = work.resolve("cache/performance_cache");
        assertThat(directory.resolve("autobot-cache.db")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
    }

    @Test
    void aRecompiledClassRunsItsBodyAgain() {
        assertThat(v1.value("calc.runs")).as(v1.toString()).isEqualTo("2");
        assertThat(v1.value("calc.result")).isEqualTo("v1:x");
        assertThat(v1Again.value("calc.runs")).as(v1Again.toString()).isEqualTo("0");
        assertThat(v1Again.value("calc.result")).isEqualTo("v1:x");
        assertThat(v2.value("calc.runs")).as(v2.toString()).isEqualTo("2");
        assertThat(v2.value("calc.result")).isEqualTo("v2:x");
    }

    @Test
    void aRecordWhoseComponentsChangedIsComputedAgainNotReadBackByPosition() {
        assertThat(shapeV1.value("area.runs")).as(shapeV1.toString()).isEqualTo("1");
        assertThat(shapeV1.value("area.result")).isEqualTo("Shape[name=x+,width=2,height=4]");
        // the method's class file is unchanged, so its entries are found; the record's are of another shape
        assertThat(shapeV2.value("area.runs")).as(shapeV2.toString()).isEqualTo("1");
        assertThat(shapeV2.value("area.result")).isEqualTo("Shape[name=x+,height=4,width=2]");
        assertThat(shapeV2Again.value("area.runs")).as(shapeV2Again.toString()).isEqualTo("0");
        assertThat(shapeV2Again.value("area.result")).isEqualTo("Shape[name=x+,height=4,width=2]");
    }

    @Test
    void neverLoadsMapDbWhenNoStrategyUsesTheDisk() {
        assertThat(memoryOnly.value("correct")).as(memoryOnly.toString()).isEqualTo("true");
        assertThat(memoryOnly.stdout()).contains("io.autobot.optimizer.agent.cache.ResultCache")
                .doesNotContain("io.autobot.optimizer.shaded.mapdb").doesNotContain("io.autobot.optimizer.shaded.kotlin")
                .doesNotContain("io.autobot.optimizer.agent.cache.disk");
        assertThat(work.resolve("never")).doesNotExist();
    }

    @Test
    void saysNothingElse() {
        for (ChildJvm.Result run : new ChildJvm.Result[] {first, second, v1, v1Again, v2, shapeV1, shapeV2,
                shapeV2Again}) {
            assertThat(run.stderr()).doesNotContain("Exception").doesNotContain("disk cache at");
            HostLog.assertNoUnexpectedWarnings(run, "cannot be serialized");
        }
    }
}
