package io.autobot.optimizer.samples.remote;

/** The service answered 429: too many requests. It says how long to wait before the next one. */
public class TooManyRequestsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterMillis;

    public TooManyRequestsException(long retryAfterMillis) {
        super("429 Too Many Requests (retry after " + retryAfterMillis + " ms)");
        this.retryAfterMillis = retryAfterMillis;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
