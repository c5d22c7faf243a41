package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import static dev.peregrine.core.strategy.builtin.ExpectedOutputs.assertSameRun;
import static dev.peregrine.core.strategy.builtin.ExpectedOutputs.marketFill;
import static dev.peregrine.core.strategy.builtin.ExpectedOutputs.roundTrip;
import static dev.peregrine.core.strategy.builtin.OneSecondBars.bar;
import static dev.peregrine.core.strategy.builtin.OneSecondBars.bars;
import static dev.peregrine.core.strategy.builtin.OneSecondBars.core;
import static dev.peregrine.core.strategy.builtin.OneSecondBars.position;
import static dev.peregrine.core.strategy.builtin.OneSecondBars.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The mean reverter driven through the real core by bar closes, with every order and fill asserted.
 * RSI(3), Wilder: the first averages are the plain means of the first three changes, then
 * {@code avg = (2 * avg + change) / 3}; Bollinger(4, 1): mean of the last four closes +/- one population
 * standard deviation. Both are first defined on bar 3 (bars counted from 0).
 */
class MeanReversionTest
{
    private static final String SPEC = "mean-reversion:bar=1s,rsi-period=3,bb-period=4,bb-k=1";
    /** Down to 97, back to the middle at 100, then 99. */
    private static final String[] DIP = {"100", "101", "100", "101", "97", "98", "100", "99"};
    /** The mirror image: up to 103, back to the middle at 100, then 101. */
    private static final String[] SPIKE = {"100", "99", "100", "99", "103", "102", "100", "101"};

    @Test
    void theHandWorkedPathsTradeWhereThePlainCalculationSays()
    {
        final double[] dip = Textbook.closes(DIP);
        assertThat(Textbook.meanReversionTrades(dip, 3, 4, 1.0, 30, 70, false)).containsExactly("buy@4", "sell@6");
        assertThat(Textbook.rsi(dip, 3, 4)).isCloseTo(22.2222, within(1e-4));
        assertThat(Textbook.bands(dip, 4, 1.0, 4)[0]).isCloseTo(98.1106, within(1e-4));
        final double[] spike = Textbook.closes(SPIKE);
        assertThat(Textbook.meanReversionTrades(spike, 3, 4, 1.0, 30, 70, true)).containsExactly("sell@4", "buy@6");
        assertThat(Textbook.meanReversionTrades(spike, 3, 4, 1.0, 30, 70, false)).isEmpty();
        // Bar 5 of the limit-order test meets the entry rule again: only the working buy stops a second one.
        final double[] stillOversold = Textbook.closes("100", "101", "100", "101", "97", "96.5");
        assertThat(96.5).isLessThan(Textbook.bands(stillOversold, 4, 1.0, 5)[0]);
        assertThat(Textbook.rsi(stillOversold, 3, 5)).isLessThan(30);
    }

    /**
     * Bar 3 (101): gains +1, +1 and a loss of 1 give RSI 66.7; the window 100, 101, 100, 101 has mean 100.5,
     * deviation 0.5, so the bands are 100 / 101: the close is not below. Bar 4 (97): the change -4 makes the
     * average gain (2/3 * 2 + 0) / 3 = 0.4444 and loss (1/3 * 2 + 4) / 3 = 1.5556, RSI 22.2 < 30; the window
     * 101, 100, 101, 97 has mean 99.75 and deviation sqrt(10.75 / 4) = 1.6394, lower band 98.11 > 97: both
     * hold, so buy 0.01 at the ask (98). Bar 5 (98): mean 99, still below the middle: hold. Bar 6 (100):
     * window 101, 97, 98, 100, mean 99 <= 100: back at the middle, sell at the bid (99). Bar 7: flat and 99 is
     * above the lower band 97.38: nothing.
     */
    @Test
    void buysOversoldBelowTheLowerBandAndSellsWhenTheCloseRevertsToTheMiddle()
    {
        final CoreHarness h = core(SPEC);
        bars(h, "100", "101", "100", "101");
        assertThat(h.outputs.lines()).isEmpty();

        bar(h, "97");
        assertThat(h.outputs.lines()).containsExactlyElementsOf(marketFill(1, "BUY", "0.01", "98"));

        bars(h, "98", "100", "99");
        assertThat(h.outputs.lines()).containsExactlyElementsOf(roundTrip("BUY", "0.01", "98", "99"));
        assertThat(position(h)).isZero();
    }

    @Test
    void eachOrderIsExplainedWithRsiTheBandsAndTheClose()
    {
        final CoreHarness h = core(SPEC);
        bars(h, DIP);
        // Bar 6's bands: window 101, 97, 98, 100, mean 99, deviation sqrt(10 / 4) = 1.5811.
        assertThat(h.outputs.decisions()).containsExactly(
            "#1 oversold-below-lower-band rsi=22.2222 bb_lower=98.1106 bb_middle=99.75 bb_upper=101.3894 " +
                "percent_b=-0.3387 close=97",
            "#2 reverted-to-middle rsi=61.1111 bb_lower=97.4189 bb_middle=99 bb_upper=100.5811 percent_b=0.8162 close=100");
    }

    /**
     * The mirror of the dip: bar 4 (103) has RSI 77.8 > 70 and closes above the upper band 101.89, so with
     * allow-short it sells 0.01 at the bid (102); bar 5 (102) is above the middle 101: hold; bar 6 (100) is at
     * or below the middle 101: buy back at the ask (101).
     */
    @Test
    void withAllowShortSellsOverboughtAboveTheUpperBandAndBuysBackAtTheMiddle()
    {
        final CoreHarness h = core(SPEC + ",allow-short=true");
        bars(h, SPIKE);
        assertThat(h.outputs.lines()).containsExactlyElementsOf(roundTrip("SELL", "0.01", "102", "101"));
        assertThat(h.outputs.decisions()).containsExactly(
            "#1 overbought-above-upper-band rsi=77.7778 bb_lower=98.6106 bb_middle=100.25 bb_upper=101.8894 " +
                "percent_b=1.3387 close=103",
            "#2 reverted-to-middle rsi=38.8889 bb_lower=99.4189 bb_middle=101 bb_upper=102.5811 percent_b=0.1838 close=100");
        assertThat(position(h)).isZero();
    }

    @Test
    void withoutAllowShortAnOverboughtSpikeIsNotTraded()
    {
        final CoreHarness h = core(SPEC);
        bars(h, SPIKE);
        assertThat(h.outputs.lines()).isEmpty();
    }

    /**
     * A buy joining the bid (96) at bar 4 has not filled when bar 5 (96.5) is again oversold below the lower
     * band (RSI 19.8, band 96.71): the working buy already makes the strategy long, so no second one.
     */
    @Test
    void aWorkingLimitOrderCountsAsThePositionSoItIsNotSentTwice()
    {
        final CoreHarness h = core(SPEC + ",order=limit,quantity=0.5");
        bars(h, "100", "101", "100", "101", "97", "96.5");
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 0.5 LIMIT @ 96",
            "ACCEPTED #1");
        assertThat(position(h)).isZero();
    }

    @Test
    void theSameEventsGiveTheSameOutputsAndStateHash()
    {
        final CoreHarness first = core(SPEC + ",allow-short=true");
        bars(first, DIP);
        bars(first, SPIKE);
        final CoreHarness second = core(SPEC + ",allow-short=true");
        bars(second, DIP);
        bars(second, SPIKE);

        assertThat(first.outputs.lines()).isNotEmpty();
        assertSameRun(first, second);
    }

    @Test
    void theStrategyHashFollowsItsIndicatorsBetweenOrders()
    {
        final CoreHarness h = core(SPEC);
        bars(h, "100", "101");
        final long before = strategy(h).hash(7);
        bar(h, "100");
        assertThat(h.outputs.lines()).isEmpty();
        assertThat(strategy(h).hash(7)).isNotEqualTo(before);
        assertThat(((MeanReversion)strategy(h)).bars()).isEqualTo(3);
    }
}
