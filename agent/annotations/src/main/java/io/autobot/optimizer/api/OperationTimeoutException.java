package io.autobot.optimizer.api;

/** Thrown to a caller of a {@code @Timeout} method whose call took longer than its limit. */
public class OperationTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OperationTimeoutException(String message) {
        super(message);
    }
}
