package dev.peregrine.bench.strategy;

import dev.peregrine.core.strategy.EmaCrossoverSignal;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The same long-only EMA-crossover backtest in Peregrine and in ta4j 0.17: enter at the close of the
 * bar on which the fast EMA crosses above the slow one, exit at the close of the bar on which it crosses
 * below, one position at a time, no signal during the first {@code warmUpBars} bars. Both write the
 * bar indexes of each entry and exit into {@code trades} (entry, exit, entry, ...) and return how many
 * they wrote; an entry still open at the end has no exit.
 *
 * <p>The two seed their EMAs differently (Peregrine as TA-Lib, with the average of the first
 * {@code period} closes; ta4j with the first close); the warm-up lets that difference decay to far
 * below a double's precision before either may trade. ta4j runs with {@link DoubleNum}, its fastest
 * number type, and its close-price trade model, so both execute at the same price.
 */
public final class EmaCrossoverBacktests
{
    private EmaCrossoverBacktests()
    {
    }

    /** Peregrine: one {@link EmaCrossoverSignal} fed bar closes. Allocates only the signal. */
    public static int peregrine(final double[] close, final int fast, final int slow, final int warmUpBars, final int[] trades)
    {
        final EmaCrossoverSignal signal = new EmaCrossoverSignal(fast, slow, warmUpBars);
        int written = 0;
        boolean inPosition = false;
        for (int i = 0; i < close.length; i++)
        {
            final int s = signal.onBarClose(close[i]);
            if (!inPosition && s == EmaCrossoverSignal.ENTER || inPosition && s == EmaCrossoverSignal.EXIT)
            {
                trades[written++] = i;
                inPosition = !inPosition;
            }
        }
        return written;
    }

    /** The bars as a ta4j series of {@link DoubleNum}: built once, outside what is measured. */
    public static BarSeries ta4jSeries(final RandomWalkBars bars)
    {
        final BarSeries series = new BaseBarSeriesBuilder().withName("random-walk").withNumTypeOf(DoubleNum.class).build();
        final Duration period = Duration.ofSeconds(RandomWalkBars.BAR_SECONDS);
        for (int i = 0; i < bars.count(); i++)
        {
            final ZonedDateTime end = ZonedDateTime.ofInstant(
                Instant.ofEpochSecond(RandomWalkBars.START_EPOCH_SECONDS + (i + 1) * RandomWalkBars.BAR_SECONDS), ZoneOffset.UTC);
            series.addBar(period, end, bars.open[i], bars.high[i], bars.low[i], bars.close[i], bars.volume[i]);
        }
        return series;
    }

    /** ta4j: EMA indicators, crossed-up/down rules, a strategy and its backtest runner over the series. */
    public static int ta4j(final BarSeries series, final int fast, final int slow, final int warmUpBars, final int[] trades)
    {
        final ClosePriceIndicator closes = new ClosePriceIndicator(series);
        final EMAIndicator fastEma = new EMAIndicator(closes, fast);
        final EMAIndicator slowEma = new EMAIndicator(closes, slow);
        final BaseStrategy strategy = new BaseStrategy(
            new CrossedUpIndicatorRule(fastEma, slowEma), new CrossedDownIndicatorRule(fastEma, slowEma), warmUpBars);
        final TradingRecord record = new BarSeriesManager(series, new TradeOnCurrentCloseModel()).run(strategy);
        int written = 0;
        final List<Position> positions = record.getPositions();
        for (final Position position : positions)
        {
            trades[written++] = position.getEntry().getIndex();
            trades[written++] = position.getExit().getIndex();
        }
        final Position open = record.getCurrentPosition();
        if (open != null && open.isOpened())
        {
            trades[written++] = open.getEntry().getIndex();
        }
        return written;
    }
}
