package io.autobot.optimizer.cli.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code discover} command of the CLI and the shell: starts a window in the target, asks for
 * its state every second (which keeps the window alive: a window nobody asks about for 10 seconds
 * is cancelled there and its temporary changes removed), prints the ranked table and writes the
 * rules file on this machine.
 */
public final class Discover {

    /** The options of one window, checked here with the same limits the agent applies. */
    public record Request(List<String> includes, String duration, int top, Path rulesOut) {

        public Request {
            includes = List.copyOf(includes);
            for (String include : includes) {
                if (include.isBlank() || !include.matches("[\\p{L}\\p{N}_$.*]+")) {
                    throw new IllegalArgumentException("--include '" + include + "' is not accepted: expected a class"
                            + " or package name, with * for any characters but a dot and ** for any characters,"
                            + " such as com.acme.** or com.acme.Prices");
                }
            }
            long seconds = seconds(duration);
            if (seconds < 3 || seconds > 1800) {
                throw new IllegalArgumentException("--duration '" + duration + "' is not accepted: expected a duration"
                        + " from 3s to 30m, such as 30s, 2m or PT1M");
            }
            if (top < 1 || top > 50) {
                throw new IllegalArgumentException("--top " + top + " is not accepted: expected a number from 1 to 50");
            }
            rulesOut = rulesOut == null ? null : rulesOut.toAbsolutePath();
        }

        long seconds() {
            return seconds(duration);
        }

        private static long seconds(String duration) {
            String value = duration == null ? "" : duration.trim().toLowerCase(Locale.ROOT);
            try {
                if (value.startsWith("pt")) {
                    return java.time.Duration.parse(value.toUpperCase(Locale.ROOT)).toSeconds();
                }
                if (value.endsWith("ms")) {
                    return Long.parseLong(value.substring(0, value.length() - 2)) / 1000;
                }
                long amount = Long.parseLong(value.replaceAll("[smh]$", ""));
                return value.endsWith("m") ? amount * 60 : value.endsWith("h") ? amount * 3600 : amount;
            } catch (RuntimeException e) {
                return -1;
            }
        }
    }

    private Discover() {
    }

    /** The shell's words: {@code --include p --duration 30s --top 10 --rules-out f}. */
    public static Request parse(List<String> words) {
        List<String> includes = new ArrayList<>();
        String duration = "30s";
        int top = 10;
        Path rulesOut = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i + 1 >= words.size() || !word.startsWith("--")) {
                throw new IllegalArgumentException("discover: '" + word + "' is not accepted: expected --include"
                        + " <pattern>, --duration <time>, --top <n> or --rules-out <file>");
            }
            String value = words.get(++i);
            switch (word) {
                case "--include" -> includes.add(value);
                case "--duration" -> duration = value;
                case "--top" -> top = parseTop(value);
                case "--rules-out" -> rulesOut = Path.of(value);
                default -> throw new IllegalArgumentException("discover: '" + word + "' is not accepted: expected"
                        + " --include, --duration, --top or --rules-out");
            }
        }
        return new Request(includes, duration, top, rulesOut);
    }

    public static int parseTop(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--top '" + value + "' is not accepted: expected a number from 1 to 50");
        }
    }

    /**
     * Runs the window to its end. Interrupting the calling thread cancels it.
     *
     * @param progress one line now and then, for a person watching
     * @return the answer ({@code --json} prints it): state, samples, restored, rows, rulesFile
     */
    public static Map<String, Object> run(OptimizerBackend backend, Request request, Consumer<String> progress) {
        return run(backend, request, null, progress);
    }

    /**
     * Runs the window to its end, as {@link #run(OptimizerBackend, Request, Consumer)}.
     *
     * @param pid the target's process id, for the next command the answer names (null: {@code <pid>})
     */
    public static Map<String, Object> run(OptimizerBackend backend, Request request, Long pid,
            Consumer<String> progress) {
        String id = backend.startDiscovery(request.includes(), request.duration(), request.top());
        progress.accept("Discovering in " + backend.target() + " for " + request.duration() + " (window " + id + ")...");
        Map<String, Object> report;
        try {
            while (true) {
                Thread.sleep(1000);
                report = backend.pollDiscovery(id);
                String state = String.valueOf(report.get("state"));
                if (!state.equals("sampling") && !state.equals("observing")) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            backend.cancelDiscovery(id);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("discovery interrupted; the window was cancelled");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (pid != null) {
            answer.put("pid", pid);
        }
        answer.put("id", id);
        answer.put("state", report.get("state"));
        answer.put("seconds", report.get("seconds"));
        answer.put("samples", report.get("samples"));
        answer.put("observedSeconds", report.get("observedSeconds"));
        answer.put("restored", report.get("restored"));
        answer.put("restoredClasses", report.get("restoredClasses"));
        answer.put("rows", report.get("rows"));
        answer.put("problems", report.get("problems"));
        if (!"done".equals(report.get("state"))) {
            throw new IllegalStateException("the discovery window " + report.get("state") + ": "
                    + String.join("; ", strings(report.get("problems"))));
        }
        if (request.rulesOut() != null) {
            try {
                Files.writeString(request.rulesOut(), String.valueOf(report.get("rules")), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("--rules-out " + request.rulesOut() + ": cannot write it: " + e, e);
            }
            answer.put("rulesFile", request.rulesOut().toString());
            answer.put("next", next(pid, request.rulesOut().toString()));
        }
        return answer;
    }

    /** The ranked table. */
    public static void print(PrintWriter out, Map<String, Object> answer) {
        List<?> rows = answer.get("rows") instanceof List<?> list ? list : List.of();
        out.printf(Locale.ROOT, "Discovery: %s s window, %s samples, candidates observed for %.0f s; original code back: %s%n",
                answer.get("seconds"), answer.get("samples"), number(answer.get("observedSeconds")),
                Boolean.TRUE.equals(answer.get("restored")) ? "yes" : "NO");
        if (rows.isEmpty()) {
            out.println("No method of the included classes was sampled: widen --include or lengthen --duration.");
        } else {
            out.printf(Locale.ROOT, "%-3s %-60s %9s %7s %10s %7s %12s  %-26s %s%n", "#", "method", "calls", "samples",
                    "mean cost", "repeat", "saved/min", "verdict", "policy");
        }
        int rank = 0;
        for (Object item : rows) {
            Map<?, ?> row = (Map<?, ?>) item;
            long calls = ((Number) row.get("calls")).longValue();
            out.printf(Locale.ROOT, "%-3d %-60s %9s %6.1f%% %10s %7s %12s  %-26s %s%n", ++rank,
                    shorten(String.valueOf(row.get("method")), 60), calls < 0 ? "-" : String.valueOf(calls),
                    number(row.get("share")) * 100, micros(number(row.get("meanCostMicros"))),
                    percent(number(row.get("repeatRate"))), millis(number(row.get("savedMillisPerMinute"))),
                    row.get("verdict"), row.get("policy"));
        }
        if (answer.get("rulesFile") != null) {
            out.println("Rules written to " + answer.get("rulesFile") + ". Read them, then apply them with:");
            out.println("  " + answer.get("next"));
        } else if (rows.stream().anyMatch(row -> !String.valueOf(((Map<?, ?>) row).get("policy")).isEmpty())) {
            out.println("To apply the suggestions, run discover again with --rules-out <file>, then:");
            out.println("  " + next(answer.get("pid"), "<file>"));
        }
    }

    /**
     * The command that applies a rules file written by discovery: {@code verify} re-runs that share of
     * the cache hits and compares, so a method the window misjudged stops being cached (caching.md).
     */
    static String next(Object pid, String rulesFile) {
        String file = rulesFile.contains(" ") ? "\"" + rulesFile + "\"" : rulesFile;
        return "java -jar autobot-agent.jar attach " + (pid == null ? "<pid>" : pid) + " rules=" + file + " verify="
                + VERIFY;
    }

    /** The share of cache hits the next command verifies. */
    static final String VERIFY = "0.01";

    private static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> strings.add(String.valueOf(item)));
        }
        return strings;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String micros(double micros) {
        if (Double.isNaN(micros)) {
            return "-";
        }
        return micros >= 1000 ? String.format(Locale.ROOT, "%.1f ms", micros / 1000)
                : String.format(Locale.ROOT, "%.1f us", micros);
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    private static String millis(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : "..." + text.substring(text.length() - width + 3);
    }
}
