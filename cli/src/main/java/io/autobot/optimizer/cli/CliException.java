package io.autobot.optimizer.cli;

/** A failure the CLI reports as one line on stderr, with the exit code to end with. */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Exit code of a command that failed. */
    static final int FAILURE = 1;
    /** Exit code of a command line that was wrong: unknown verb, missing or invalid value. */
    static final int USAGE = 2;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliException failure(String message) {
        return new CliException(FAILURE, message);
    }

    static CliException invalidValue(String message) {
        return new CliException(USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
