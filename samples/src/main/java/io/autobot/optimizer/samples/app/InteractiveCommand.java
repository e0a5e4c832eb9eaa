package io.autobot.optimizer.samples.app;

import io.autobot.optimizer.samples.pipeline.Pipeline;
import io.autobot.optimizer.samples.pipeline.PipelineResult;
import io.autobot.optimizer.cli.shell.CommandShell;
import io.autobot.optimizer.cli.shell.MBeanBackend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code interactive}: the interactive mode. It is the CLI's own shell
 * ({@link CommandShell}) with the in-process back end: the {@code optimize ...} commands go to the
 * agent's MXBean in this JVM, and {@code generate <prompt>} runs the pipeline.
 */
final class InteractiveCommand {

    static final String USAGE = "interactive [--corpus DIR] [--components N]";
    static final Set<String> VALUED = Set.of(CorpusOption.NAME, "--components");

    private InteractiveCommand() {
    }

    static int run(Options options, PrintStream out) throws IOException {
        int components = options.number("--components", BatchCommand.DEFAULT_COMPONENTS, 1, 10_000);
        Pipeline[] pipeline = new Pipeline[1]; // started at the first 'generate': the optimize commands need none
        PrintWriter writer = new PrintWriter(out, true);
        PrintStream printer = out;
        CommandShell shell = new CommandShell(MBeanBackend.inProcess(), writer).addCommand("generate", "<prompt>",
                "run the analysis and validation pipeline for a prompt, such as: generate Create a web scraper",
                prompt -> {
                    if (prompt.isEmpty()) {
                        throw new IllegalArgumentException("name what to generate, such as: generate Create a web scraper");
                    }
                    if (pipeline[0] == null) {
                        pipeline[0] = new Pipeline(CorpusOption.load(options), printer, components);
                    }
                    long start = System.nanoTime();
                    PipelineResult result = pipeline[0].run(prompt);
                    BatchCommand.printSummary(result, pipeline[0], printer);
                    printer.printf("took %.2f s%n", (System.nanoTime() - start) / 1e9);
                });
        try {
            shell.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        } finally {
            if (pipeline[0] != null) {
                pipeline[0].close();
            }
        }
        return 0;
    }
}
