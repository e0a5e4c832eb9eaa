package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.SingleFlightHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller waiting for another caller's run of the same key never hangs the host: it stops
 * waiting when interrupted, or after a bounded time, and runs its own call. The host's scenarios
 * deadlocked before (a lock, a class initializer) or waited out another caller's body (an
 * interrupt). A waiter never gets the exception the owner's call ended in: what the owner met
 * (its cancelled task, its timeout) is the owner's alone.
 */
class SingleFlightIT {

    @TempDir
    static Path workDir;

    private static ChildJvm.Result run;

    @BeforeAll
    static void runHost() throws Exception {
        run = ChildJvm.of(SingleFlightHost.class).withAgent("cache=memory").workDir(workDir).timeoutSeconds(30).run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("correct")).as(run.toString()).isEqualTo("true");
    }

    @Test
    void aWaiterHoldingALockTheOwnerNeedsGivesUpAndTheOwnersResultIsStored() {
        assertThat(run.value("lock.finished")).isEqualTo("true");
        assertThat(run.value("lock.loads.after")).as("the owner's result is served afterwards").isEqualTo("0");
    }

    @Test
    void aWaiterInitializingAClassTheOwnerNeedsGivesUp() {
        assertThat(run.value("init.finished")).isEqualTo("true");
    }

    @Test
    void anInterruptedWaiterStopsWaitingAndItsOwnCallSeesTheInterrupt() {
        assertThat(run.value("interrupt.ended")).isEqualTo("true");
        assertThat(run.value("interrupt.stored")).as("the owner's result is stored").isEqualTo("true");
    }

    @Test
    void theWaiterOfAnOwnerWhoseTaskIsCancelledGetsItsValueNotTheOwnersInterrupt() {
        assertThat(run.value("cancelled.waiter")).as(run.toString()).isEqualTo("value-k");
    }

    @Test
    void aTimedOwnerThatNeedsTheWaitersLockFinishesInTimeAndNeitherGetsTheOthersTimeout() {
        assertThat(run.value("timed.owner")).as(run.toString()).isEqualTo("value-k");
        assertThat(run.value("timed.waiter")).as(run.toString()).isEqualTo("value-k");
    }

    @Test
    void theWaitsThatGaveUpAreCounted() {
        // the lock, the class initializer and the timed owner's waiter gave up; one was interrupted
        assertThat(run.value("statistics")).as(run.toString()).containsPattern("waits_timed_out=3[,}]")
                .containsPattern("waits_interrupted=1[,}]"); // counts: whole numbers, not 3.0
    }
}
