package dev.peregrine.core.strategy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A strategy's timers: firing order, moving, the limit. */
class StrategyTimersTest
{
    @Test
    void dueTimersAreTakenOutInTheOrderTheyWereSetAndAMovedTimerKeepsItsPlace()
    {
        final StrategyTimers timers = new StrategyTimers();
        assertThat(timers.schedule(7, 300)).isTrue();
        assertThat(timers.schedule(3, 100)).isTrue();
        assertThat(timers.schedule(9, 500)).isTrue();
        assertThat(timers.schedule(7, 200)).isTrue(); // moved, not added

        assertThat(timers.takeDue(300)).isEqualTo(2);
        assertThat(new int[]{timers.firing(0), timers.firing(1)}).containsExactly(7, 3);
        assertThat(timers.takeDue(300)).isZero();
        assertThat(timers.cancel(9)).isTrue();
        assertThat(timers.cancel(9)).isFalse();
        assertThat(timers.isEmpty()).isTrue();
    }

    @Test
    void atMostMaxTimersAreSet()
    {
        final StrategyTimers timers = new StrategyTimers();
        for (int id = 0; id < StrategyTimers.MAX_TIMERS; id++)
        {
            assertThat(timers.schedule(id, 1_000)).isTrue();
        }
        assertThat(timers.schedule(99, 1_000)).isFalse();
        assertThat(timers.schedule(0, 2_000)).as("moving a set timer still works when full").isTrue();
    }
}
