package dev.peregrine.core.engine;

import dev.peregrine.core.event.CommandCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The margin-ratio hold in the trading state machine: it reduces like a loss limit and outlives resumes and restarts. */
class MarginRatioStateTest
{
    @Test
    void aHaltedEngineStaysHaltedAndTheHoldStillCountsAfterTheOperatorResumes()
    {
        final TradingStateMachine state = new TradingStateMachine();
        state.onCommand(CommandCode.PAUSE, 1);
        state.onMarginRatioBreached("margin ratio 0.9 above its limit 0.8", 2);
        assertThat(state.state()).isEqualTo(TradingState.HALTED);
        state.onCommand(CommandCode.RESUME, 3);
        assertThat(state.state()).isEqualTo(TradingState.REDUCING);
        assertThat(state.reason()).isEqualTo("operator: resume, but the margin ratio is still above its limit");
    }

    @Test
    void aGracefulRestartKeepsReducingWhileTheHoldHolds()
    {
        final TradingStateMachine state = new TradingStateMachine();
        state.onCommand(CommandCode.STOP, 1);
        state.onMarginRatioBreached("margin ratio 0.9 above its limit 0.8", 2);
        state.onCommand(CommandCode.START, 3);
        assertThat(state.state()).isEqualTo(TradingState.REDUCING);
        assertThat(state.reason()).isEqualTo("a loss or margin limit breached while the engine was stopping still holds");
    }

    @Test
    void theHoldShowsInTheStateHashOnlyWhileItHolds()
    {
        final TradingStateMachine plain = new TradingStateMachine();
        final TradingStateMachine held = new TradingStateMachine();
        held.onCommand(CommandCode.REDUCE, 0);
        plain.onCommand(CommandCode.REDUCE, 0);
        held.onMarginRatioBreached("margin ratio 0.9 above its limit 0.8", 5);
        assertThat(held.hash(7)).isNotEqualTo(plain.hash(7));
        held.onMarginRatioCleared();
        assertThat(held.hash(7)).isEqualTo(plain.hash(7));
    }
}
