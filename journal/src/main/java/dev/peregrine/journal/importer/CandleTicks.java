package dev.peregrine.journal.importer;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;

/**
 * Candles as the ticks a strategy and the paper venue can use: the standard OHLC bar-to-tick expansion
 * (as MetaTrader's and other testers' "OHLC" modes do), four trades per candle inside its interval
 * {@code [start, start + I)}:
 * <pre>
 *   start          QUOTE, TRADE at open
 *   start + I/4    QUOTE, TRADE at the extreme nearer the open (high or low; on a tie: low first when
 *                  close >= open, high first otherwise)
 *   start + I/2    QUOTE, TRADE at the other extreme
 *   start + 3I/4   QUOTE, TRADE at close, then the CANDLE itself (exchange time = its start)
 * </pre>
 * Each trade carries a quarter of the volume (the close gets the remainder, so they sum to the volume)
 * and no side ({@link Side#NONE}: a resting limit order fills when price trades at or through it,
 * whichever side). Each QUOTE is the {@link SyntheticTouch} around its trade. Time bars of the candle's
 * interval aligned like the candles see exactly the candle's open, high, low, close and volume.
 * The CANDLE event comes last because only then is the candle known: a strategy never sees it early.
 */
public final class CandleTicks implements EventSource
{
    private static final int STEPS = 9;

    private final CandleSeries candles;
    private final int instrumentId;
    private final long priceIncrement;
    private final TimeWindow window;
    private final long interval;
    private int index = -1;
    private int step = STEPS;

    public CandleTicks(final CandleSeries candles, final int instrumentId, final long priceIncrement,
        final TimeWindow window)
    {
        this.candles = candles;
        this.instrumentId = instrumentId;
        this.priceIncrement = priceIncrement;
        this.window = window;
        this.interval = candles.intervalNanos();
    }

    /** The candle interval the expansion uses: the smallest gap between candle starts. */
    public long intervalNanos()
    {
        return interval;
    }

    @Override
    public boolean next(final InboundEvent into)
    {
        if (step == STEPS)
        {
            do
            {
                index++;
            }
            while (index < candles.size() && !window.contains(candles.start(index)));
            if (index >= candles.size())
            {
                index = candles.size();
                return false;
            }
            step = 0;
        }
        final int i = index;
        final int tick = Math.min(step / 2, 3); // the CANDLE goes with the close tick
        final long time = candles.start(i) + interval / 4 * tick;
        if (step == STEPS - 1)
        {
            candle(into, i, time);
        }
        else
        {
            final long price = priceAt(i, tick);
            final long quarter = candles.volume(i) / 4;
            final long quantity = tick == 3 ? candles.volume(i) - 3 * quarter : quarter;
            if ((step & 1) == 0)
            {
                SyntheticTouch.quote(into, instrumentId, time, price, quantity, priceIncrement);
            }
            else
            {
                SyntheticTouch.trade(into, instrumentId, time, 4L * i + tick + 1, price, quantity, Side.NONE);
            }
        }
        step++;
        return true;
    }

    private long priceAt(final int i, final int tick)
    {
        final long o = candles.open(i);
        final long h = candles.high(i);
        final long l = candles.low(i);
        switch (tick)
        {
            case 0:
                return o;
            case 1:
                return highFirst(i) ? h : l;
            case 2:
                return highFirst(i) ? l : h;
            default:
                return candles.close(i);
        }
    }

    private boolean highFirst(final int i)
    {
        final long toHigh = candles.high(i) - candles.open(i);
        final long toLow = candles.open(i) - candles.low(i);
        return toHigh == toLow ? candles.close(i) < candles.open(i) : toHigh < toLow;
    }

    private void candle(final InboundEvent into, final int i, final long time)
    {
        into.clearInputs();
        into.type = EventType.CANDLE;
        into.instrumentId = instrumentId;
        into.exchangeTimeNanos = candles.start(i);
        into.eventTimeNanos = time;
        into.open = candles.open(i);
        into.high = candles.high(i);
        into.low = candles.low(i);
        into.close = candles.close(i);
        into.volume = candles.volume(i);
    }

    @Override
    public double progress()
    {
        return candles.size() == 0 ? 1.0 : Math.max(0, index) / (double)candles.size();
    }

    @Override
    public void close()
    {
    }
}
