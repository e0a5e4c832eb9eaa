package io.autobot.optimizer.cli.shell;

/** The JVM a back end talks to cannot be reached any more: it exited, or its connection broke. */
public class TargetUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TargetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Why a connection broke, in a few words for a one-line error: the innermost cause's message
     * ({@code Connection reset}), {@code connection closed} for an end of stream without one, else
     * the cause's type; never the chain of wrapped exceptions RMI builds.
     */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        return root instanceof java.io.EOFException ? "connection closed" : root.getClass().getSimpleName();
    }
}
