package dev.peregrine.core.strategy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmaCrossoverSignalTest
{
    private static List<String> signals(final EmaCrossoverSignal signal, final double... closes)
    {
        final List<String> out = new ArrayList<>();
        for (int i = 0; i < closes.length; i++)
        {
            final int s = signal.onBarClose(closes[i]);
            if (s != EmaCrossoverSignal.NONE)
            {
                out.add((s == EmaCrossoverSignal.ENTER ? "enter@" : "exit@") + i);
            }
        }
        return out;
    }

    @Test
    void crossesUpThenDownOnceEach()
    {
        // 2 and 3 bar EMAs, seeded at bar 2 (9.5 and 9); by hand: bar 3 fast 7.5 < slow 8; bar 4 both 8.5
        // (a tie: no cross yet); bar 5 fast 10.17 > slow 9.75: up; bar 8 fast 8.82 < slow 9.22: down.
        assertThat(signals(new EmaCrossoverSignal(2, 3, 0), 10, 9, 8, 7, 9, 11, 12, 10, 8, 6))
            .containsExactly("enter@5", "exit@8");
    }

    @Test
    void anExactTieNeitherCrossesNorForgetsTheSideItCameFrom()
    {
        // Constant closes after the seed keep fast == slow: no signal; then a rise is one cross up.
        assertThat(signals(new EmaCrossoverSignal(2, 3, 0), 5, 5, 5, 5, 5, 6)).isEmpty();   // never below: no cross
        assertThat(signals(new EmaCrossoverSignal(2, 3, 0), 6, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
            4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 9)).containsExactly("enter@50");
    }

    @Test
    void noSignalDuringTheWarmUpButTheSideIsRemembered()
    {
        assertThat(signals(new EmaCrossoverSignal(2, 3, 6), 10, 9, 8, 7, 9, 11, 12, 10, 8, 6)).containsExactly("exit@8");
    }

    @Test
    void periodsAreValidated()
    {
        assertThatThrownBy(() -> new EmaCrossoverSignal(3, 3, 0)).hasMessageContaining("fast period (3) must be shorter");
    }
}
