package io.autobot.optimizer.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A flight's wait bounds, decided by the limits given, not by how long a wait took: a wait that
 * ignored the owner's limit would run for the hour and fail by the timeout.
 */
@Timeout(30)
class FlightTest {

    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    @Test
    void aWaiterGivesUpOnceHalfTheOwnersTimeLimitHasPassed() {
        Flight flight = new Flight(2); // half of it, 1 ns, is over before anyone waits
        assertThat(flight.await(HOUR)).isSameAs(Flight.TIMED_OUT);
        assertThat(flight.givenUp()).isTrue();
    }

    @Test
    void withoutATimeLimitTheWaitersOwnLimitApplies() {
        Flight flight = new Flight(0);
        assertThat(flight.await(1)).isSameAs(Flight.TIMED_OUT);
        assertThat(flight.givenUp()).isTrue();
    }

    @Test
    void aWaiterGetsTheOwnersResultAndDoesNotGiveUp() {
        Flight flight = new Flight(HOUR);
        flight.succeed("value");
        assertThat(flight.await(HOUR)).isEqualTo("value");
        assertThat(flight.givenUp()).isFalse();
        flight.abandon(); // too late: the result stands
        assertThat(flight.await(HOUR)).isEqualTo("value");
    }

    @Test
    void anAbandonedFlightReleasesItsWaiters() {
        Flight flight = new Flight(0);
        flight.abandon();
        assertThat(flight.await(HOUR)).isSameAs(Flight.ABANDONED);
    }

    @Test
    void anInterruptedWaiterStopsWaitingAndKeepsItsInterrupt() {
        Flight flight = new Flight(0);
        Thread.currentThread().interrupt();
        try {
            assertThat(flight.await(HOUR)).isSameAs(Flight.INTERRUPTED);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
