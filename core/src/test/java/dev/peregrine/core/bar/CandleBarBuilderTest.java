package dev.peregrine.core.bar;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CandleBarBuilderTest
{
    private static final long MINUTE = 60_000_000_000L;

    private final List<long[]> bars = new ArrayList<>();
    private final BarListener listener = (id, start, end, open, high, low, close, volume, trades) ->
        bars.add(new long[]{id, start, end, open, high, low, close, volume, trades});

    @Test
    void eachCandleIsOneBarEndingOneIntervalAfterItsStart()
    {
        final CandleBarBuilder builder = new CandleBarBuilder(3, MINUTE, listener);
        builder.onCandle(10 * MINUTE, 100, 120, 90, 110, 7);
        builder.onCandle(11 * MINUTE, 110, 110, 110, 110, 0);

        assertThat(bars).containsExactly(
            new long[]{3, 10 * MINUTE, 11 * MINUTE, 100, 120, 90, 110, 7, 1},
            new long[]{3, 11 * MINUTE, 12 * MINUTE, 110, 110, 110, 110, 0, 0});
        assertThat(builder.candles()).isEqualTo(2);
    }

    @Test
    void tradesAndClocksMakeNoBarsAndTradeBuildersIgnoreCandles()
    {
        final CandleBarBuilder candles = new CandleBarBuilder(0, MINUTE, listener);
        candles.onTrade(100, 1, MINUTE);
        candles.onClock(5 * MINUTE);
        final TimeBarBuilder time = new TimeBarBuilder(0, MINUTE, listener);
        time.onCandle(0, 100, 100, 100, 100, 1);
        time.onClock(5 * MINUTE);

        assertThat(bars).isEmpty();
    }

    @Test
    void theHashIsTheSubscriptionOnlyNoStateToCarry()
    {
        final CandleBarBuilder a = new CandleBarBuilder(0, MINUTE, listener);
        final CandleBarBuilder b = new CandleBarBuilder(0, MINUTE, listener);
        a.onCandle(0, 1, 1, 1, 1, 1);
        assertThat(a.hash(1)).isEqualTo(b.hash(1));
        assertThat(new CandleBarBuilder(0, 2 * MINUTE, listener).hash(1)).isNotEqualTo(b.hash(1));
    }
}
