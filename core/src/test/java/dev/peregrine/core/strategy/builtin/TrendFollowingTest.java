package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.peregrine.core.strategy.builtin.ExpectedOutputs.assertSameRun;
import static dev.peregrine.core.strategy.builtin.ExpectedOutputs.lines;
import static dev.peregrine.core.strategy.builtin.ExpectedOutputs.marketFill;
import static dev.peregrine.core.strategy.builtin.ExpectedOutputs.roundTrip;
import static dev.peregrine.core.strategy.builtin.OneSecondBars.BTC;
import static dev.peregrine.core.strategy.builtin.OneSecondBars.ETH;
import static dev.peregrine.core.strategy.builtin.OneSecondBars.SECOND;
import static dev.peregrine.core.strategy.builtin.OneSecondBars.bar;
import static dev.peregrine.core.strategy.builtin.OneSecondBars.bars;
import static dev.peregrine.core.strategy.builtin.OneSecondBars.core;
import static dev.peregrine.core.strategy.builtin.OneSecondBars.position;
import static dev.peregrine.core.strategy.builtin.OneSecondBars.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The trend follower driven through the real core by bar closes, with every order and fill asserted.
 *
 * <p>The EMA path 104, 103, 102, 101, 100, 106, 107, 100, 98 with fast 2 (k = 2/3) and slow 4 (k = 0.4),
 * each seeded with the simple average of its first inputs, by hand:
 * <pre>
 * bar  close  EMA(2)     EMA(4)     relation
 *  1    103   103.5      -
 *  2    102   102.5      -
 *  3    101   101.5      102.5      below (first comparison: remembered, no trade)
 *  4    100   100.5      101.5      below
 *  5    106   104.1667   103.3      above: cross up
 *  6    107   106.0556   104.78     above
 *  7    100   102.0185   102.868    below: cross down
 *  8     98    99.3395   100.9208   below
 * </pre>
 * (bars counted from 0; e.g. bar 5: 100.5 + (106 - 100.5) * 2/3 = 104.1667, 101.5 + (106 - 101.5) * 0.4 = 103.3).
 */
class TrendFollowingTest
{
    private static final String[] EMA_PATH = {"104", "103", "102", "101", "100", "106", "107", "100", "98"};
    private static final String[] MACD_PATH = {"100", "102", "104", "106", "103", "100", "98", "101", "105", "106", "102", "99"};
    private static final String EMA = "trend-following:bar=1s,fast=2,slow=4";
    private static final String MACD = "trend-following:bar=1s,signal=macd,fast=2,slow=3,signal-period=2";

    @Test
    void theHandWorkedPathsCrossWhereThePlainCalculationSays()
    {
        final double[] ema = Textbook.closes(EMA_PATH);
        assertThat(Textbook.emaCrosses(ema, 2, 4)).containsExactly("up@5", "down@7");
        assertThat(Textbook.ema(ema, 2, 0)[5]).isCloseTo(104.1667, within(1e-4));
        assertThat(Textbook.ema(ema, 4, 0)[7]).isCloseTo(102.868, within(1e-9));
        assertThat(Textbook.macdCrosses(Textbook.closes(MACD_PATH), 2, 3, 2)).containsExactly("up@7", "down@10");
    }

    @Test
    void emaCrossUpBuysTheQuantityAndCrossDownSellsBackToFlat()
    {
        final CoreHarness h = core(EMA);

        // Bars 0-4: the slow EMA is seeded on bar 3, below the fast; bar 4 stays below: no cross, no order.
        bars(h, "104", "103", "102", "101", "100");
        assertThat(h.outputs.lines()).isEmpty();

        // Bar 5 (106): fast 104.17 > slow 103.3, the first change of side: buy 0.01 at the ask (107).
        bar(h, "106");
        assertThat(h.outputs.lines()).containsExactlyElementsOf(marketFill(1, "BUY", "0.01", "107"));

        // Bar 6 stays above. Bar 7 (100): fast 102.02 < slow 102.87, cross down: long-only, so sell the 0.01
        // back at the bid (99). Bar 8 stays below: nothing.
        bars(h, "107", "100", "98");
        assertThat(h.outputs.lines()).containsExactlyElementsOf(roundTrip("BUY", "0.01", "107", "99"));
        assertThat(position(h)).isZero();
    }

    /**
     * Warm-up 6: bars 0-5 never trade, so bar 5's cross up (which buys without a warm-up, above) is only
     * remembered. Bar 7 crosses down while flat: long-only, nothing to sell. Bar 9 (104) crosses up again:
     * fast 99.3395 + (104 - 99.3395) * 2/3 = 102.4465 above slow 100.9208 + (104 - 100.9208) * 0.4 =
     * 102.1525, the first order, at the ask (105).
     */
    @Test
    void noOrderDuringTheWarmUpAndTheFirstCrossAfterItTrades()
    {
        final CoreHarness h = core(EMA + ",warm-up=6");
        final TrendFollowing strategy = (TrendFollowing)strategy(h);

        bars(h, "104", "103", "102", "101", "100", "106", "107");
        assertThat(h.outputs.lines()).as("bar 5 crossed up inside the warm-up").isEmpty();
        assertThat(strategy.crosses()).isZero();

        bars(h, "100", "98");
        assertThat(h.outputs.lines()).as("bar 7 crossed down, but a flat long-only strategy has nothing to sell").isEmpty();
        assertThat(strategy.crosses()).isEqualTo(1);

        bar(h, "104");
        assertThat(h.outputs.lines()).containsExactlyElementsOf(marketFill(1, "BUY", "0.01", "105"));
        assertThat(h.outputs.decisions()).containsExactly("#1 ema-cross-up ema_fast=102.4465 ema_slow=102.1525 close=104");
    }

    /** The same warm-up in MACD mode: bar 7's cross up (see below) falls inside warm-up 8; bar 10's cross down shorts. */
    @Test
    void theWarmUpHoldsMacdCrossesBackToo()
    {
        final CoreHarness h = core(MACD + ",allow-short=true,warm-up=8");
        bars(h, Arrays.copyOfRange(MACD_PATH, 0, 10));
        assertThat(h.outputs.lines()).isEmpty();

        bars(h, Arrays.copyOfRange(MACD_PATH, 10, MACD_PATH.length));
        assertThat(h.outputs.lines()).containsExactlyElementsOf(marketFill(1, "SELL", "0.01", "101"));
    }

    @Test
    void eachEmaOrderIsExplainedWithTheAveragesAndTheClose()
    {
        final CoreHarness h = core(EMA);
        bars(h, EMA_PATH);
        assertThat(h.outputs.decisions()).containsExactly(
            "#1 ema-cross-up ema_fast=104.1667 ema_slow=103.3 close=106",
            "#2 ema-cross-down ema_fast=102.0185 ema_slow=102.868 close=100");
    }

    @Test
    void withAllowShortACrossDownReversesTheLongIntoAShortInOneOrder()
    {
        final CoreHarness h = core(EMA + ",allow-short=true");
        bars(h, EMA_PATH);
        // Bar 7's target is -0.01 from +0.01: one sell of 0.02.
        assertThat(h.outputs.lines()).containsExactlyElementsOf(lines(
            marketFill(1, "BUY", "0.01", "107"),
            marketFill(2, "SELL", "0.02", "99")));
        assertThat(position(h)).isEqualTo(FixedPoint.parse("-0.01"));
    }

    @Test
    void withoutAQuantityTheEnginesOrderNotionalConvertsAtTheLastTrade()
    {
        final CoreHarness h = new CoreHarness(OneSecondBars.settings().withOrderNotional(1),
            BuiltInStrategies.configure(List.of(StrategySpec.parse(EMA, "s")), OneSecondBars.PRODUCTS,
                OneSecondBars.ORDER_QUANTITY));
        bars(h, "104", "103", "102", "101", "100", "106");
        // 1 quote at the last trade, 106: 0.0094339622..., down to the 0.00000001 lot (not the fixed 0.01).
        assertThat(h.outputs.lines()).containsExactlyElementsOf(marketFill(1, "BUY", "0.00943396", "107"));
    }

    @Test
    void theConfiguredQuantityIsTheTargetPosition()
    {
        final CoreHarness h = core(EMA + ",quantity=0.25");
        bars(h, "104", "103", "102", "101", "100", "106");
        assertThat(h.outputs.lines()).containsExactlyElementsOf(marketFill(1, "BUY", "0.25", "107"));
    }

    /**
     * MACD(2, 3, 2) on 100, 102, 104, 106, 103, 100, 98, 101, 105, 106, 102, 99. As TA-Lib, the fast EMA
     * skips the first input so both start on bar 2: fast = (102 + 104) / 2 = 103, slow = (100 + 102 + 104) / 3
     * = 102, line 1. Bar 3 (106): fast 105, slow 104, line 1; the signal EMA is seeded (1 + 1) / 2 = 1, so
     * the histogram is exactly 0: a tie, nothing remembered. Bar 4 (103): fast 103.667, slow 103.5, line
     * 0.1667, signal 1 + (0.1667 - 1) * 2/3 = 0.4444, histogram -0.2778: the first sign, remembered, no
     * trade. Bars 5, 6: histogram -0.3241, -0.1991. Bar 7 (101): line -0.0795, signal -0.2536, histogram
     * +0.1741: cross up, buy at 102. Bars 8, 9: +0.3292, +0.1289. Bar 10 (102): line -0.1294, signal 0.1346,
     * histogram -0.264: cross down, sell at 101. Bar 11: -0.2914, nothing.
     */
    @Test
    void macdLineCrossingItsSignalLineTrades()
    {
        final CoreHarness h = core(MACD);
        bars(h, Arrays.copyOfRange(MACD_PATH, 0, 7));
        assertThat(h.outputs.lines()).as("a tie and the first sign are no cross").isEmpty();

        bars(h, Arrays.copyOfRange(MACD_PATH, 7, MACD_PATH.length));
        assertThat(h.outputs.lines()).containsExactlyElementsOf(roundTrip("BUY", "0.01", "102", "101"));
        assertThat(h.outputs.decisions()).containsExactly(
            "#1 macd-cross-up macd=-0.0795 macd_signal=-0.2536 macd_histogram=0.1741 close=101",
            "#2 macd-cross-down macd=-0.1294 macd_signal=0.1346 macd_histogram=-0.264 close=102");
    }

    @Test
    void limitOrdersJoinTheTouchAndAFilledLongIsSoldAtTheAsk()
    {
        final CoreHarness h = core(EMA + ",order=limit");
        bars(h, "104", "103", "102", "101", "100", "106");
        // Bar 5's quote is 105 / 107: the buy joins the bid and rests.
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 0.01 LIMIT @ 105",
            "ACCEPTED #1");

        // Bar 6 trades at 107, above it. Bar 7's market (99 / 101, a trade at 100) goes through 105 and fills
        // it; then bar 7 closes with the cross down: sell the filled 0.01 at the ask, 101.
        bars(h, "107", "100");
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 0.01 LIMIT @ 105",
            "ACCEPTED #1",
            "FILL #1 i0 BUY 0.01 @ 105",
            "ORDER #2 i0 SELL 0.01 LIMIT @ 101",
            "ACCEPTED #2");
    }

    @Test
    void aCrossDownCancelsAnUnfilledRestingBuyInsteadOfSellingAgainstIt()
    {
        final CoreHarness h = core(EMA + ",order=limit");
        bars(h, "104", "103", "102", "101", "100", "106");
        // The buy rests at 105. The next bar trades at 100, but a seller was the maker, so it cannot fill our
        // bid; the bar closes with the cross down. Long-only, the target is flat: the resting buy is what
        // would make it long, so it is cancelled and no sell is sent.
        h.feed(h.events.quote(BTC, "99", "1", "101", "1"));
        h.feed(h.events.trade(BTC, "100", "0.1", Side.SELL));
        h.feed(h.events.clockAtNextBoundary(SECOND));
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 0.01 LIMIT @ 105",
            "ACCEPTED #1",
            "CANCEL_REQUEST #1",
            "CANCEL #1 i0 0.01");
        assertThat(position(h)).isZero();
    }

    @Test
    void quietIntervalsAreFlatBarsAndOtherInstrumentsAreIgnored()
    {
        final CoreHarness h = core(EMA);
        bars(h, "104", "103");
        final TrendFollowing strategy = (TrendFollowing)strategy(h);
        assertThat(strategy.bars()).isEqualTo(2);

        // Three seconds without a BTC trade (ETH trades meanwhile): three flat BTC bars, none from ETH.
        h.feed(h.events.trade(ETH, "1900", "1", Side.NONE));
        h.feed(h.events.clockAtNextBoundary(SECOND));
        h.feed(h.events.clockAtNextBoundary(SECOND));
        h.feed(h.events.clockAtNextBoundary(SECOND));
        assertThat(strategy.bars()).isEqualTo(5);
        assertThat(h.outputs.lines()).isEmpty();
    }

    @Test
    void theSameEventsGiveTheSameOutputsAndStateHash()
    {
        final CoreHarness first = core(MACD + ",allow-short=true");
        bars(first, MACD_PATH);
        final CoreHarness second = core(MACD + ",allow-short=true");
        bars(second, MACD_PATH);

        // The MACD path with allow-short: long at bar 7, reversed to short at bar 10.
        assertThat(first.outputs.lines()).containsExactlyElementsOf(lines(
            marketFill(1, "BUY", "0.01", "102"),
            marketFill(2, "SELL", "0.02", "101")));
        assertSameRun(first, second);
    }

    @Test
    void theStrategyHashFollowsItsIndicatorsBetweenOrders()
    {
        final CoreHarness h = core(EMA);
        bars(h, "104", "103", "102", "101");
        final long before = strategy(h).hash(7);
        bar(h, "100");
        assertThat(h.outputs.lines()).isEmpty();
        assertThat(strategy(h).hash(7)).isNotEqualTo(before);
    }
}
