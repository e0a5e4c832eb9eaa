package io.autobot.optimizer.api.shell;

/** The JVM a back end talks to cannot be reached any more: it exited, or its connection broke. */
public class TargetUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TargetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
