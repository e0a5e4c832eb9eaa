package io.autobot.optimizer.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the call path keeps per thread: the bypass of a body the runtime runs, and the nesting bound. */
class CallStateTest {

    private final CallState state = new CallState();

    @Test
    void aBypassIsForTheNextEntryOfItsMethodOnly() {
        state.bypass(7);
        assertThat(state.consumeBypass(8)).isFalse();
        assertThat(state.consumeBypass(7)).isTrue();
        assertThat(state.consumeBypass(7)).as("consumed").isFalse();
    }

    @Test
    void nestedCallsAreBoundedAndCountedBackAsTheyEnd() {
        for (int i = 0; i < CallState.MAX_NESTED; i++) {
            assertThat(state.enterNested()).isTrue();
        }
        assertThat(state.enterNested()).as("one more would nest too deep").isFalse();
        assertThat(state.enterNested()).isFalse();
        state.exitNested();
        assertThat(state.enterNested()).isTrue();
        for (int i = 0; i < CallState.MAX_NESTED; i++) {
            state.exitNested();
        }
        assertThat(state.enterNested()).isTrue();
    }

    @Test
    void eachThreadHasItsOwnState() throws Exception {
        CallState mine = CallState.current();
        CallState[] theirs = new CallState[1];
        Thread other = new Thread(() -> theirs[0] = CallState.current());
        other.start();
        other.join();
        assertThat(theirs[0]).isNotSameAs(mine);
        assertThat(CallState.current()).isSameAs(mine);
    }
}
