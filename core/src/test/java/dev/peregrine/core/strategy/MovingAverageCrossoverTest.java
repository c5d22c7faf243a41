package dev.peregrine.core.strategy;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

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
        final MovingAverageCrossover strategy = new MovingAverageCrossover(h.core.strategies().get(0).context(), 2, 3,
            new long[]{1, 1}, false, 0, false);
        for (final String p : new String[]{"1", "2", "3", "4", "5"})
        {
            strategy.onTrade(BTC, FixedPoint.parse(p), 1, 1, 0);
        }
        assertThat(strategy.fastAverage(BTC)).isEqualTo(FixedPoint.parse("4.5"));
        assertThat(strategy.slowAverage(BTC)).isEqualTo(FixedPoint.parse("4"));
        assertThat(strategy.fastAverage(ETH)).isZero();
    }

    @Test
    void absurdPricesCannotOverflowTheAveragesIntoNegatives()
    {
        // Fed straight to the strategy, past the core's sanity checks: the arithmetic must hold by itself.
        final CoreHarness h = CoreHarness.btcEth("0.01", "1", "1");
        final MovingAverageCrossover strategy = new MovingAverageCrossover(h.core.strategies().get(0).context(), 2, 3,
            new long[]{1, 1}, false, 0, false);
        final long absurd = FixedPoint.parse("92233720368"); // about Long.MAX_VALUE once scaled
        for (int i = 0; i < 5; i++)
        {
            strategy.onTrade(BTC, absurd, 1, 1, 0);
        }
        assertThat(strategy.fastAverage(BTC)).isEqualTo(absurd);
        assertThat(strategy.slowAverage(BTC)).isEqualTo(absurd);
        strategy.onTrade(BTC, FixedPoint.parse("60000"), 1, 1, 0);
        assertThat(strategy.fastAverage(BTC)).isPositive();
        assertThat(strategy.slowAverage(BTC)).isGreaterThan(strategy.fastAverage(BTC));
    }

    @Test
    void aCrossInsideTheMinimumHoldingTimeIsNotTradedAndTheSideIsTakenOnceItHasPassed()
    {
        final long order = FixedPoint.parse("0.01");
        final long big = FixedPoint.parse("1");
        final CoreHarness h = new CoreHarness(EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{order, order}).limits(new long[]{big, big}, new long[]{big, big}).paperVenue(PaperVenueSettings.FRICTIONLESS).build(),
            context -> new MovingAverageCrossover(context, 2, 3, null, false, 1_000_000_000L, false));
        h.feed(h.events.quote(BTC, "100", "1", "101", "1"));
        h.trades(BTC, "100", "100", "100", "103", "95");
        assertThat(h.outputs.lines()).containsExactly("ORDER #1 i0 SELL 0.01", "FILL #1 i0 SELL 0.01 @ 100");

        // 120 crosses up 2 ms after the sell: inside the second's hold, so nothing is sent.
        h.trades(BTC, "110", "120");
        assertThat(h.outputs.lines()).hasSize(2);

        // Once the hold has passed, the next trade finds the averages still up and buys to the long target.
        h.advanceMillis(1000);
        h.trades(BTC, "121");
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 SELL 0.01", "FILL #1 i0 SELL 0.01 @ 100",
            "ORDER #2 i0 BUY 0.02", "FILL #2 i0 BUY 0.02 @ 101");
    }

    @Test
    void theFlipAfterAPartialFillStaysOnTheLot()
    {
        // BTCUSDT's lot is 0.00001; the touch shows 0.00333333, so a 0.01 buy fills that much and the rest is cancelled.
        final long order = FixedPoint.parse("0.01");
        final long big = FixedPoint.parse("1");
        final CoreHarness h = new CoreHarness(EngineSettings.builder(List.of("BTCUSDT", "ETHUSDT")).windows(2, 3).orderQuantity(new long[]{order, order}).limits(new long[]{big, big}, new long[]{big, big}).paperVenue(PaperVenueSettings.FRICTIONLESS).build(),
            context -> new MovingAverageCrossover(context, 2, 3, null, false, 0, false));
        h.feed(h.events.quote(BTC, "100", "5", "101", "0.00333333"));
        h.trades(BTC, "100", "100", "100", "97", "110");
        assertThat(h.core.positions().quantity(BTC)).isEqualTo(FixedPoint.parse("0.00333333"));

        // Cross down: short 0.01 from +0.00333333 is 0.01333333 to sell, which the lot turns into 0.01333.
        h.trades(BTC, "80");
        assertThat(h.outputs.lines()).contains("ORDER #2 i0 SELL 0.01333");
        assertThat(h.outputs.lines()).noneMatch(line -> line.startsWith("REJECT"));
        assertThat(h.metrics.rejects[RejectReason.INVALID_QUANTITY.ordinal()].get()).isZero();
    }
}
