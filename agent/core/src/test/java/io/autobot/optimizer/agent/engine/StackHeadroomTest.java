package io.autobot.optimizer.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackHeadroomTest {

    @Test
    void aFreshThreadHasHeadroom() {
        assertThat(StackHeadroom.ample()).isTrue();
    }

    @Test
    void saysNoBeforeTheStackEndsAndNeverThrows() throws Exception {
        int[] levels = new int[2]; // where it first said no, and how much deeper plain calls still went
        Thread thread = new Thread(null, () -> descendUntilNo(levels, 0), "small", 256 * 1024);
        thread.start();
        thread.join();
        assertThat(levels[0]).as("levels before it said no").isGreaterThan(0);
        assertThat(levels[1]).as("plain levels that still fit below that point").isGreaterThan(100);
    }

    private static void descendUntilNo(int[] levels, int depth) {
        if (StackHeadroom.ample()) {
            descendUntilNo(levels, depth + 1);
            return;
        }
        levels[0] = depth;
        try {
            plainDepth(levels);
        } catch (StackOverflowError expected) {
            // the plain recursion below ran until the stack ended
        }
    }

    private static void plainDepth(int[] levels) {
        levels[1]++;
        plainDepth(levels);
    }
}
