package io.autobot.optimizer.samples.app;

import io.autobot.optimizer.samples.QuickStart;
import io.autobot.optimizer.samples.bench.BenchmarkRunner;
import io.autobot.optimizer.samples.bench.Workload;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code java [-javaagent:autobot-agent.jar] -jar autobot-samples.jar [command]}: the sample
 * application's commands. Without a command it runs a short demo:
 * {@code batch "Create a web scraper"}, twice, and what the agent did.
 */
public final class Launcher {

    static final String DEMO_PROMPT = "Create a web scraper";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--plain")) {
            // the same workload with the project's annotations erased (docs/discovery.md): run it
            // through a loader that renames them, so the agent sees none and every method runs as written
            Class<?> plain = new PlainLoader(Launcher.class.getClassLoader()).loadClass(Launcher.class.getName());
            Thread.currentThread().setContextClassLoader(plain.getClassLoader());
            plain.getMethod("main", String[].class).invoke(null,
                    (Object) Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int status;
        try {
            status = run(Arrays.asList(args), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("autobot-samples: " + e.getMessage());
            status = 2;
        }
        System.out.flush();
        System.exit(status);
    }

    static int run(List<String> args, PrintStream out) throws Exception {
        if (args.isEmpty()) {
            out.println("AutoBot sample: a batch \"" + DEMO_PROMPT + "\", run twice (the second run shows"
                    + " the cache); 'help' lists the commands");
            return BatchCommand.run(Options.parse(List.of(DEMO_PROMPT, "--repeat", "2"), BatchCommand.VALUED,
                    BatchCommand.FLAGS), out);
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "batch":
                return BatchCommand.run(Options.parse(rest, BatchCommand.VALUED, BatchCommand.FLAGS), out);
            case "interactive":
                return InteractiveCommand.run(Options.parse(rest, InteractiveCommand.VALUED, Set.of()), out);
            case "benchmark":
                return BenchmarkRunner.run(Options.parse(rest, BenchmarkRunner.VALUED, BenchmarkRunner.FLAGS), out);
            case "workload":
                return Workload.run(Options.parse(rest, Workload.VALUED, Set.of()), out);
            case "quickstart":
                QuickStart.main(rest.toArray(new String[0]));
                return 0;
            case "help":
            case "--help":
            case "-h":
                usage(out);
                return 0;
            default:
                throw new IllegalArgumentException("unknown command '" + args.get(0)
                        + "': expected batch, interactive, benchmark, workload, quickstart or help");
        }
    }

    static void usage(PrintStream out) {
        out.println("usage: java [-javaagent:agent/dist/target/autobot-agent.jar] -jar samples/target/autobot-samples.jar"
                + " [--plain] [command]");
        out.println("  --plain        the same workload with the project's annotations erased (for discovery)");
        out.println("  (no command)   the demo: batch \"" + DEMO_PROMPT + "\" twice, then what the agent did");
        out.println("  " + BatchCommand.USAGE);
        out.println("  " + InteractiveCommand.USAGE);
        out.println("  " + BenchmarkRunner.USAGE);
        out.println("  " + Workload.USAGE);
        out.println("  quickstart [limit]   the README's quick start (one @Cached method called twice)");
    }
}
