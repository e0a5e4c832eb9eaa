package io.autobot.optimizer.samples.shell;

import java.io.PrintStream;

/** One shell command: it gets the rest of the line after its name. */
@FunctionalInterface
public interface Command {

    void run(String argument, PrintStream out) throws Exception;
}
