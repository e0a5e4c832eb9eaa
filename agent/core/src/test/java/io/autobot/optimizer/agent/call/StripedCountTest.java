package io.autobot.optimizer.agent.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counts added in each thread's own cells are all in the sum, those of threads that ended too. */
class StripedCountTest {

    @Test
    void countsOfManyThreadsAddUpExactly() throws InterruptedException {
        StripedCount count = new StripedCount();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(new Thread(() -> {
                ThreadTally tally = ThreadTally.current();
                for (int i = 0; i < 100_000; i++) {
                    count.increment(tally);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        count.increment();
        count.increment(ThreadTally.current());
        assertThat(count.sum()).isEqualTo(800_002);
    }

    @Test
    void aThreadsCountsOutliveItAndItsCellsAreLetGo() throws InterruptedException {
        StripedCount count = new StripedCount();
        Thread worker = new Thread(() -> {
            for (int i = 0; i < 5; i++) {
                count.increment(ThreadTally.current());
            }
        });
        worker.start();
        worker.join();
        assertThat(count.sum()).isEqualTo(5);
        int live = ThreadTally.liveTallies();
        Thread another = new Thread(() -> count.increment(ThreadTally.current()));
        another.start();
        another.join();
        assertThat(count.sum()).isEqualTo(6);
        assertThat(ThreadTally.liveTallies()).as("the ended thread's cells folded away").isLessThanOrEqualTo(live);
    }

    @Test
    void slotsFarApartAndResetsCountApart() {
        List<StripedCount> counts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            counts.add(new StripedCount()); // spans several chunks of cells
        }
        ThreadTally tally = ThreadTally.current();
        counts.get(0).increment(tally);
        counts.get(199).increment(tally);
        counts.get(199).increment(tally);
        assertThat(counts.get(0).sum()).isEqualTo(1);
        assertThat(counts.get(199).sum()).isEqualTo(2);
        assertThat(counts.get(100).sum()).isZero();
        counts.get(199).reset();
        assertThat(counts.get(199).sum()).isZero();
        counts.get(199).increment(tally);
        assertThat(counts.get(199).sum()).isEqualTo(1);
    }
}
