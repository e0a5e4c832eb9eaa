package io.autobot.optimizer.cli;

import io.autobot.optimizer.cli.shell.CommandShell;
import io.autobot.optimizer.cli.shell.OptimizerBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The CLI's {@code shell <pid>}: the {@link CommandShell} behind a JLine line editor, with
 * history (kept in {@code ~/.autobot_history}) and tab completion. Without a terminal (input from
 * a pipe, as in scripts and tests) JLine's dumb terminal reads plain lines.
 */
final class ShellSession {

    private static final String HISTORY = ".autobot_history";

    private final OptimizerBackend backend;
    private final long pid;

    ShellSession(OptimizerBackend backend, long pid) {
        this.backend = backend;
        this.pid = pid;
    }

    /** Runs until exit, quit, end of input or the loss of the target; returns the exit code. */
    int run() {
        try (Terminal terminal = TerminalBuilder.builder().name("autobot").system(true).dumb(true).build()) {
            PrintWriter out = terminal.writer();
            CommandShell shell = new CommandShell(backend, out);
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("autobot")
                    .completer(completer(shell))
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), HISTORY))
                    .build();
            out.println("AutoBot Optimizer shell on process " + pid + ": type help for the commands, exit to leave.");
            out.flush();
            while (true) {
                String line;
                try {
                    line = reader.readLine(CommandShell.PROMPT);
                } catch (UserInterruptException interrupted) {
                    continue; // Ctrl-C drops the line being typed
                } catch (EndOfFileException end) {
                    break;
                }
                if (!shell.execute(line)) {
                    break;
                }
            }
            saveHistory(reader);
            return shell.targetGone() ? CliException.FAILURE : 0;
        } catch (IOException e) {
            throw CliException.failure("cannot open the terminal: " + e.getMessage());
        }
    }

    private static Completer completer(CommandShell shell) {
        return (LineReader reader, ParsedLine line, List<Candidate> candidates) -> {
            List<String> typed = line.words().subList(0, line.wordIndex());
            for (String word : shell.complete(typed)) {
                candidates.add(new Candidate(word));
            }
        };
    }

    private static void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException e) {
            // history is a convenience: a home directory that cannot be written loses it, nothing else
        }
    }
}
