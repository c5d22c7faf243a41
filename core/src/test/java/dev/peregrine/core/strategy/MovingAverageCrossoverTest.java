package dev.peregrine.core.strategy;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MovingAverageCrossoverTest
{
    private static final int BTC = 0;
    private static final int ETH = 1;

    @Test
    void tradesOnlyOnCrossesAndSizesToTheTargetPosition()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "1", "1");
        h.feed(h.events.quote(BTC, "100", "1", "101", "1"));

        // Flat prices: fast == slow, no relation yet. 103 puts fast above slow: the first relation, no trade.
        h.trades(BTC, "100", "100", "100", "103");
        assertThat(h.outputs.lines()).isEmpty();

        // 95: fast 99 < slow 99.33 -> cross down -> go short one order quantity at the bid.
        h.trades(BTC, "95");
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 SELL 0.01",
            "FILL #1 i0 SELL 0.01 @ 100");

        // 110 keeps fast below slow; 120 crosses up: buy back the short and go long (0.02 in one order).
        h.trades(BTC, "110", "120");
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 SELL 0.01",
            "FILL #1 i0 SELL 0.01 @ 100",
            "ORDER #2 i0 BUY 0.02",
            "FILL #2 i0 BUY 0.02 @ 101");
        assertThat(h.core.positions().quantity(BTC)).isEqualTo(FixedPoint.parse("0.01"));
        assertThat(h.core.positions().realizedPnl(BTC)).isCloseTo(-0.01, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void keepsEachInstrumentsWindowApart()
    {
        final CoreHarness h = CoreHarness.btcEth("0.5", "1", "1");
        h.feed(h.events.quote(ETH, "1900", "3", "1900.5", "3"));
        // ETH trades interleaved with BTC trades that would cross if they were mixed into ETH's averages.
        h.trades(ETH, "1900", "1900");
        h.trades(BTC, "10", "10000");
        h.trades(ETH, "1900", "1901");
        assertThat(h.outputs.lines()).isEmpty();
        h.trades(ETH, "1890");
        assertThat(h.outputs.lines()).containsExactly("ORDER #1 i1 SELL 0.5", "FILL #1 i1 SELL 0.5 @ 1900");
    }

    @Test
    void averagesSlideExactly()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "1", "1");
        h.trades(BTC, "1", "2", "3", "4", "5");
        final MovingAverageCrossover strategy = new MovingAverageCrossover(h.core.strategies().get(0), 2, 3,
            new long[]{1, 1}, false);
        for (final String p : new String[]{"1", "2", "3", "4", "5"})
        {
            strategy.onTrade(BTC, FixedPoint.parse(p), 1, 1, 0);
        }
        assertThat(strategy.fastAverage(BTC)).isEqualTo(FixedPoint.parse("4.5"));
        assertThat(strategy.slowAverage(BTC)).isEqualTo(FixedPoint.parse("4"));
        assertThat(strategy.fastAverage(ETH)).isZero();
    }
}
