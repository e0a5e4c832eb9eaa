package io.autobot.optimizer.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.api.RateLimitExceededException;
import org.junit.jupiter.api.Test;

/** {@link RateLimitErrors}; named so that its own nested classes do not match by name. */
class FailureKindsTest {

    static final class TooManyRequestsException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void recognisesRateLimitTypesAlongTheCauseChain() {
        assertThat(RateLimitErrors.matches(new TooManyRequestsException())).isTrue();
        assertThat(RateLimitErrors.matches(new IllegalStateException(new TooManyRequestsException()))).isTrue();
        assertThat(RateLimitErrors.matches(new RateLimitExceededException("x"))).isTrue();
        assertThat(RateLimitErrors.matches(new IllegalStateException("rate limit in the message only"))).isFalse();
    }

    @Test
    void neverThrowsWhateverTheHostsExceptionDoes() {
        RuntimeException odd = new RuntimeException() {
            private static final long serialVersionUID = 1L;

            @Override
            public synchronized Throwable getCause() {
                throw new IllegalStateException("broken getCause");
            }
        };
        assertThat(RateLimitErrors.matches(odd)).isFalse();
    }
}
