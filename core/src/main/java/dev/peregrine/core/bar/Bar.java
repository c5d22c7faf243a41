package dev.peregrine.core.bar;

import dev.peregrine.core.number.FixedPoint;

/**
 * A closed bar as a strategy reads it: a reused flyweight, valid only during the callback that received
 * it (copy what must be kept). Prices and volume are scaled longs ({@link FixedPoint}); {@code close()}
 * and friends as doubles are there for indicators.
 */
public final class Bar
{
    private int instrumentId;
    private long startNanos;
    private long endNanos;
    private long open;
    private long high;
    private long low;
    private long close;
    private long volume;
    private int tradeCount;

    public Bar set(final int instrumentId, final long startNanos, final long endNanos, final long open, final long high,
        final long low, final long close, final long volume, final int tradeCount)
    {
        this.instrumentId = instrumentId;
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.tradeCount = tradeCount;
        return this;
    }

    public int instrumentId()
    {
        return instrumentId;
    }

    /** Time bars: the interval start; activity bars: the first trade's time (epoch ns). */
    public long startNanos()
    {
        return startNanos;
    }

    /** Time bars: the interval end (exclusive); activity bars: the last trade's time (epoch ns). */
    public long endNanos()
    {
        return endNanos;
    }

    public long open()
    {
        return open;
    }

    public long high()
    {
        return high;
    }

    public long low()
    {
        return low;
    }

    public long close()
    {
        return close;
    }

    public long volume()
    {
        return volume;
    }

    /** 0 for a time bar of an interval without trades (flat at the previous close). */
    public int tradeCount()
    {
        return tradeCount;
    }

    public double openValue()
    {
        return FixedPoint.toDouble(open);
    }

    public double highValue()
    {
        return FixedPoint.toDouble(high);
    }

    public double lowValue()
    {
        return FixedPoint.toDouble(low);
    }

    public double closeValue()
    {
        return FixedPoint.toDouble(close);
    }

    public double volumeValue()
    {
        return FixedPoint.toDouble(volume);
    }

    @Override
    public String toString()
    {
        return "Bar{i" + instrumentId + " " + startNanos + ".." + endNanos + " o=" + FixedPoint.toString(open) +
            " h=" + FixedPoint.toString(high) + " l=" + FixedPoint.toString(low) + " c=" + FixedPoint.toString(close) +
            " v=" + FixedPoint.toString(volume) + " n=" + tradeCount + "}";
    }
}
