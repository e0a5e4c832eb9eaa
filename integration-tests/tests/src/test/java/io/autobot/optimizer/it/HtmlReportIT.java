package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import io.autobot.optimizer.it.hosts.ManagementHost;
import io.autobot.optimizer.it.support.AgentCli;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.JmxClient;
import io.autobot.optimizer.it.support.JsonReader;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --format html} as a user sees it: a host JVM with the agent exports its report
 * as a page through the CLI and through JMX; a real headless chromium, with every network
 * request sent to a dead proxy, opens the page; its DOM has the SVG charts naming the host's
 * operations, its screenshot is a picture of the expected size with something drawn on it, and
 * chromium's network log has no request but the page's own file. Skipped with a message where no
 * chromium is installed (CI installs the Debian package).
 */
class HtmlReportIT {

    private static final String OPTIMIZER = "io.autobot.optimizer:type=Optimizer";
    private static final String HOST = "it.autobot:type=Host";
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 2600;

    @TempDir
    static Path workDir;

    private static Process host;
    private static JmxClient jmx;
    private static Path exportDir;

    @BeforeAll
    static void startHost() throws Exception {
        exportDir = workDir.resolve("exports");
        host = ChildJvm.of(ManagementHost.class).withAgent("level=basic,export.dir=" + exportDir).workDir(workDir)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("ready=")) {
            host.destroyForcibly();
            throw new AssertionError("the host did not start: " + line + "\n"
                    + new String(host.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        Thread drain = new Thread(() -> {
            try {
                host.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.io.IOException ended) {
                // the host ended
            }
        }); // never let the agent's log fill the pipe and block the host
        drain.setDaemon(true);
        drain.start();
        jmx = JmxClient.attach(host.pid());
        jmx.invoke(HOST, "cached", 3);
        jmx.invoke(HOST, "cached", 3);
        jmx.invoke(HOST, "slow", 4, 20L);
        jmx.invoke(HOST, "parallelThreads", 4);
    }

    @AfterAll
    static void stopHost() throws Exception {
        if (jmx != null) {
            jmx.close();
        }
        if (host != null) {
            host.getOutputStream().close();
            if (!host.waitFor(10, TimeUnit.SECONDS)) {
                host.destroyForcibly();
            }
        }
    }

    @Test
    void theCliWritesThePageWithTheFormatOptionOrFromTheFileName() throws Exception {
        AgentCli.Run explicit = AgentCli.run("export", host.pid(), "cli.html", "--format", "html");
        assertThat(explicit.exitCode()).as(explicit.toString()).isZero();
        assertThat(explicit.stdout()).contains("Performance data written to " + exportDir.resolve("cli.html"));
        assertThat(exportDir.resolve("cli.html")).content().startsWith("<!DOCTYPE html>").contains("<svg ");

        AgentCli.Run inferred = AgentCli.run("export", host.pid(), "named.html", "--json");
        assertThat(inferred.exitCode()).as(inferred.toString()).isZero();
        assertThat(inferred.json().get("file")).isEqualTo(exportDir.resolve("named.html").toString());
        assertThat(exportDir.resolve("named.html")).content().startsWith("<!DOCTYPE html>");

        AgentCli.Run json = AgentCli.run("export", host.pid(), "default.json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(exportDir.resolve("default.json")).content().startsWith("{");

        AgentCli.Run unknown = AgentCli.run("export", host.pid(), "cli.pdf", "--format", "pdf");
        assertThat(unknown.exitCode()).as(unknown.toString()).isNotZero();
        assertThat(unknown.stderr()).contains("--format 'pdf' is not a format: expected json or html");

        AgentCli.Run mismatched = AgentCli.run("export", host.pid(), "page.json", "--format", "html");
        assertThat(mismatched.exitCode()).as(mismatched.toString()).isNotZero();
        assertThat(mismatched.stderr()).contains("page.json").contains(".html").contains("AUTOBOT_EXPORT_DIR");
        assertThat(exportDir.resolve("page.json")).doesNotExist();
    }

    @Test
    void jmxWritesThePageOnlyInsideTheExportDirectory() throws Exception {
        String written = (String) jmx.invoke(OPTIMIZER, "exportPerformanceData", "jmx.html", "html");
        assertThat(Path.of(written)).isEqualTo(exportDir.resolve("jmx.html").toAbsolutePath());
        assertThat(Path.of(written)).content().startsWith("<!DOCTYPE html>").contains("slow_lookup");
        for (String outside : List.of("../escape.html", workDir.resolve("elsewhere.html").toString())) {
            Exception refused = catchException(() -> jmx.invoke(OPTIMIZER, "exportPerformanceData", outside, "html"));
            assertThat(JmxClient.thrown(refused)).as(outside).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("AUTOBOT_EXPORT_DIR");
        }
        Files.createSymbolicLink(exportDir.resolve("link.html"), workDir.resolve("victim.html"));
        Exception linked = catchException(() -> jmx.invoke(OPTIMIZER, "exportPerformanceData", "link.html", ""));
        assertThat(JmxClient.thrown(linked)).isInstanceOf(IllegalArgumentException.class);
        assertThat(workDir.resolve("escape.html")).doesNotExist();
        assertThat(workDir.resolve("victim.html")).doesNotExist();
    }

    @Test
    void chromiumShowsTheChartsOfTheHostsOperationsWithoutTheNetwork() throws Exception {
        String chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "no chromium on the PATH: the page is not opened in a browser"
                + " (install the Debian package chromium; .ci/run does)");
        Path page = Path.of((String) jmx.invoke(OPTIMIZER, "exportPerformanceData", "browser.html", "html"));
        Map<String, Object> document = JsonReader.object(Files.readString(Path.of((String) jmx.invoke(OPTIMIZER,
                "exportPerformanceData", "browser.json", "json"))));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> figures = (Map<String, Map<String, Object>>) document.get("operations");
        Set<String> operations = new HashSet<>();
        Set<String> notCalled = new HashSet<>();
        figures.forEach((name, values) -> (((Number) values.get("calls")).longValue() > 0 ? operations : notCalled)
                .add(name));
        assertThat(operations).contains("slow_lookup").hasSizeGreaterThanOrEqualTo(3);
        String source = Files.readString(page);
        assertThat(source).doesNotContainPattern("(?i)\\b(src|href)\\s*=").doesNotContain("http://")
                .doesNotContain("https://").doesNotContain("<script");

        Path netLog = workDir.resolve("netlog.json");
        Browser dom = browse(chromium, page, "dom", "--dump-dom", "--log-net-log=" + netLog);
        assertThat(dom.exitCode).as(dom.stderr).isZero();
        List<String> charts = between(dom.stdout, "<svg ", "</svg>");
        assertThat(charts).as("the SVG charts in the DOM chromium built").hasSizeGreaterThanOrEqualTo(5);
        String chartText = String.join("\n", charts);
        for (String operation : operations) {
            assertThat(chartText).as("a chart names " + operation).contains(">" + operation + "</text>");
        }
        for (String operation : notCalled) { // not charted (no latency to draw), named under the charts
            assertThat(chartText).doesNotContain(">" + operation + "</text>");
            assertThat(dom.stdout).containsPattern("Not called yet, so not in the charts: [^<]*" + operation);
        }
        assertThat(charts).allMatch(chart -> chart.contains("<title>") && chart.contains("role=\"img\""));
        assertThat(dom.stdout).contains("Latency per operation", "Calls and cache hit rate per minute",
                "CPU and memory per minute", "Recommendations");
        assertThat(pageRequests(netLog)).as("what the page asked chromium to fetch")
                .allMatch(url -> url.startsWith("file:") || url.startsWith("data:"));

        // the control: the same check sees a page that does fetch (chromium's own calls home are not the page's)
        Path fetching = Files.writeString(workDir.resolve("fetching.html"), "<!DOCTYPE html><p>x</p>"
                + "<img src=\"http://example.com/x.png\" alt=\"\">");
        Path controlLog = workDir.resolve("control-netlog.json");
        assertThat(browse(chromium, fetching, "control", "--dump-dom", "--log-net-log=" + controlLog).exitCode)
                .isZero();
        assertThat(pageRequests(controlLog)).contains("http://example.com/x.png");

        Path screenshot = workDir.resolve("browser.png");
        Browser shot = browse(chromium, page, "shot", "--screenshot=" + screenshot,
                "--window-size=" + WIDTH + "," + HEIGHT, "--hide-scrollbars");
        assertThat(shot.exitCode).as(shot.stderr).isZero();
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).as("a PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        assertThat(colours(image)).as("distinct colours: text, bars, lines, not a blank page").isGreaterThan(20);
        Path kept = Path.of("target", "html-report", "HtmlReportIT.png");
        Files.createDirectories(kept.getParent());
        Files.copy(screenshot, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // to look at
    }

    private record Browser(int exitCode, String stdout, String stderr) {
    }

    /** Runs chromium headless on the page, every request through a proxy on a port nothing listens on. */
    private static Browser browse(String chromium, Path page, String name, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--proxy-server=127.0.0.1:9", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--user-data-dir=" + workDir.resolve("chromium-" + name)));
        command.addAll(List.of(options));
        command.add(page.toUri().toString());
        Path out = workDir.resolve(name + ".out");
        Path err = workDir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s: " + command + "\n" + Files.readString(err));
        }
        return new Browser(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return null;
    }

    /**
     * The URLs chromium's network log shows requests started for on behalf of a page opened from
     * a file: those whose network isolation key is {@code file://}. Chromium's own background
     * calls (its clock, updates, accounts) have other keys and are not the page's doing.
     */
    @SuppressWarnings("unchecked")
    private static Set<String> pageRequests(Path netLog) throws java.io.IOException {
        Map<String, Object> log = JsonReader.object(Files.readString(netLog));
        Map<String, Object> types = (Map<String, Object>) ((Map<String, Object>) log.get("constants"))
                .get("logEventTypes");
        Object startJob = types.get("URL_REQUEST_START_JOB");
        assertThat(startJob).as("the net log names its event types").isNotNull();
        Set<String> urls = new HashSet<>();
        for (Object item : (List<Object>) log.get("events")) {
            Map<String, Object> event = (Map<String, Object>) item;
            Map<String, Object> params = (Map<String, Object>) event.getOrDefault("params", Map.of());
            if (startJob.equals(event.get("type")) && String.valueOf(params.get("network_isolation_key"))
                    .contains("file://")) {
                urls.add(String.valueOf(params.get("url")));
            }
        }
        return urls;
    }

    private static int colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static List<String> between(String text, String start, String end) {
        List<String> parts = new ArrayList<>();
        Matcher matcher = Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL)
                .matcher(text);
        while (matcher.find()) {
            parts.add(matcher.group(1));
        }
        return parts;
    }
}
