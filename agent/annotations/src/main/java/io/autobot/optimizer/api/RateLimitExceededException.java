package io.autobot.optimizer.api;

/** Thrown to a caller of a {@code @RateLimited} method that waited for a permit longer than allowed. */
public class RateLimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RateLimitExceededException(String message) {
        super(message);
    }
}
