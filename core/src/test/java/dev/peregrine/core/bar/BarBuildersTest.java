package dev.peregrine.core.bar;

import dev.peregrine.core.bar.RecordedBars.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scripted trades and clock events, and the exact bars they must produce. */
class BarBuildersTest
{
    private static final long S = 1_000_000_000L;
    private static final int BTC = 3;

    @Test
    void timeBarsAlignToTheIntervalAndCloseOnTheFirstEventAtOrAfterTheEnd()
    {
        final RecordedBars out = new RecordedBars();
        final TimeBarBuilder bars = new TimeBarBuilder(BTC, 60 * S, out);
        bars.onTrade(100, 5, 125 * S);          // bar [120, 180)
        bars.onTrade(103, 1, 130 * S);
        bars.onTrade(99, 2, 170 * S);
        bars.onClock(179 * S);                  // before the end: nothing
        assertThat(out.bars).isEmpty();
        bars.onTrade(101, 4, 179 * S + S - 1);  // last nanosecond of the bar
        bars.onClock(180 * S);                  // exactly the end: closes
        assertThat(out.bars).containsExactly(new Bar(BTC, 120 * S, 180 * S, 100, 103, 99, 101, 12, 4));
        bars.onTrade(102, 1, 180 * S);          // belongs to [180, 240)
        bars.onTrade(104, 1, 240 * S);          // closes it, opens [240, 300)
        assertThat(out.bars).last().isEqualTo(new Bar(BTC, 180 * S, 240 * S, 102, 102, 102, 102, 1, 1));
        assertThat(bars.currentBarStartNanos()).isEqualTo(240 * S);
    }

    @Test
    void aQuietMarketClosesItsBarOnClockEventsAndEmptyIntervalsAreFlatAtThePreviousClose()
    {
        final RecordedBars out = new RecordedBars();
        final TimeBarBuilder bars = new TimeBarBuilder(BTC, 10 * S, out);
        bars.onClock(5 * S);                    // before any trade: nothing to be flat at
        assertThat(out.bars).isEmpty();
        bars.onTrade(200, 3, 12 * S);
        bars.onTrade(198, 1, 15 * S);
        bars.onClock(20 * S);                   // no trade needed to close [10, 20)
        bars.onClock(41 * S);                   // [20, 30) and [30, 40) had no trade
        bars.onTrade(205, 2, 44 * S);
        bars.onTrade(207, 2, 63 * S);           // closes [40, 50), flat [50, 60)
        assertThat(out.bars).containsExactly(
            new Bar(BTC, 10 * S, 20 * S, 200, 200, 198, 198, 4, 2),
            new Bar(BTC, 20 * S, 30 * S, 198, 198, 198, 198, 0, 0),
            new Bar(BTC, 30 * S, 40 * S, 198, 198, 198, 198, 0, 0),
            new Bar(BTC, 40 * S, 50 * S, 205, 205, 205, 205, 2, 1),
            new Bar(BTC, 50 * S, 60 * S, 205, 205, 205, 205, 0, 0));
    }

    @Test
    void aLateTradeJoinsTheCurrentBarAndIsCounted()
    {
        final RecordedBars out = new RecordedBars();
        final TimeBarBuilder bars = new TimeBarBuilder(BTC, S, out);
        bars.onTrade(50, 1, 0);
        bars.onClock(S);                        // local clock closes [0, 1s)
        bars.onTrade(49, 7, S - 1000);          // exchange time still in the closed bar
        bars.onClock(2 * S);
        assertThat(out.bars).containsExactly(
            new Bar(BTC, 0, S, 50, 50, 50, 50, 1, 1),
            new Bar(BTC, S, 2 * S, 49, 49, 49, 49, 7, 1));
        assertThat(bars.lateTrades()).isEqualTo(1);
    }

    @Test
    void negativeTimesAlignDownward()
    {
        final RecordedBars out = new RecordedBars();
        final TimeBarBuilder bars = new TimeBarBuilder(BTC, 10, out);
        bars.onTrade(1, 1, -5);
        bars.onClock(0);
        assertThat(out.bars).containsExactly(new Bar(BTC, -10, 0, 1, 1, 1, 1, 1, 1));
    }

    @Test
    void tickBarsCloseOnTheNthTradeAndIgnoreTheClock()
    {
        final RecordedBars out = new RecordedBars();
        final TickBarBuilder bars = new TickBarBuilder(BTC, 3, out);
        bars.onTrade(10, 1, 100);
        bars.onTrade(12, 1, 200);
        bars.onClock(10_000);
        bars.onTrade(11, 2, 300);
        bars.onTrade(9, 1, 400);
        bars.onClock(1_000_000);
        assertThat(out.bars).containsExactly(new Bar(BTC, 100, 300, 10, 12, 10, 11, 4, 3));
        assertThat(bars.pendingTrades()).isEqualTo(1);
    }

    @Test
    void volumeBarsCloseAtTheThresholdWithoutSplittingATrade()
    {
        final RecordedBars out = new RecordedBars();
        final VolumeBarBuilder bars = new VolumeBarBuilder(BTC, 10, out);
        bars.onTrade(100, 4, 1);
        bars.onTrade(101, 6, 2);                // exactly 10: closes
        bars.onTrade(102, 3, 3);
        bars.onTrade(98, 25, 4);                // 28: closes, not split
        bars.onTrade(99, 1, 5);
        assertThat(out.bars).containsExactly(
            new Bar(BTC, 1, 2, 100, 101, 100, 101, 10, 2),
            new Bar(BTC, 3, 4, 102, 102, 98, 98, 28, 2));
        assertThat(bars.pendingVolume()).isEqualTo(1);
    }

    @Test
    void resetForgetsTheBarInProgressAndHashesFollowState()
    {
        final RecordedBars out = new RecordedBars();
        final List<BarBuilder> builders = List.of(new TimeBarBuilder(BTC, S, out), new TickBarBuilder(BTC, 5, out),
            new VolumeBarBuilder(BTC, 100, out));
        for (final BarBuilder builder : builders)
        {
            final long fresh = builder.hash(17);
            builder.onTrade(100, 1, 5);
            assertThat(builder.hash(17)).isNotEqualTo(fresh);
            builder.reset();
            assertThat(builder.hash(17)).isEqualTo(fresh);
            builder.onClock(10 * S);
        }
        assertThat(out.bars).isEmpty();
    }

    @Test
    void constructorsNameTheFix()
    {
        assertThatThrownBy(() -> new TimeBarBuilder(BTC, 0, new RecordedBars())).hasMessageContaining("interval must be > 0");
        assertThatThrownBy(() -> new TickBarBuilder(BTC, 0, new RecordedBars())).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> new VolumeBarBuilder(BTC, 0, new RecordedBars())).hasMessageContaining(">= 1");
    }
}
