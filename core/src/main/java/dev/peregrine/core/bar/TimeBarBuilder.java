package dev.peregrine.core.bar;

import dev.peregrine.core.output.Hash64;

/**
 * Time bars of any interval, aligned to epoch multiples of the interval ({@code [k * interval,
 * (k + 1) * interval)}, so 1-minute bars start on the minute, UTC).
 *
 * <p>Closing. A bar closes as soon as a trade or a clock event arrives at or after its end, so a quiet
 * market still gets its bar from the timer's clock events (DESIGN.md: time-driven logic runs on clock
 * events). A trade exactly at the end belongs to the next bar.
 *
 * <p>Empty intervals. Once the first trade has been seen, every interval produces exactly one bar: an
 * interval without trades gives a flat bar at the previous close (open = high = low = close), with
 * volume 0 and trade count 0, as exchange klines do. So the series is regular, and an indicator fed
 * from it counts time, not activity; a consumer that wants activity only can skip bars with
 * {@code tradeCount == 0}. Before the first trade nothing is emitted (there is no close to be flat at).
 * A gap of n intervals emits n bars in one call: the work is proportional to the bars produced.
 *
 * <p>Late trades. A trade stamped before the current interval (its own bar already closed by a clock
 * event, e.g. exchange time behind the local clock) is added to the current bar rather than dropped,
 * so volume is never lost; {@link #lateTrades()} counts them.
 */
public final class TimeBarBuilder implements BarBuilder
{
    private final int instrumentId;
    private final long intervalNanos;
    private final BarListener listener;
    private final OpenBar bar = new OpenBar();
    private boolean started;
    private long barStart;
    private long lastClose;
    private long lateTrades;

    public TimeBarBuilder(final int instrumentId, final long intervalNanos, final BarListener listener)
    {
        if (intervalNanos <= 0)
        {
            throw new IllegalArgumentException("bar interval must be > 0 ns, got " + intervalNanos);
        }
        if (listener == null)
        {
            throw new IllegalArgumentException("a bar listener is required");
        }
        this.instrumentId = instrumentId;
        this.intervalNanos = intervalNanos;
        this.listener = listener;
    }

    @Override
    public void onTrade(final long price, final long quantity, final long timeNanos)
    {
        if (!started)
        {
            started = true;
            barStart = Math.floorDiv(timeNanos, intervalNanos) * intervalNanos;
        }
        else
        {
            closeUpTo(timeNanos);
            if (timeNanos < barStart)
            {
                lateTrades++;
            }
        }
        bar.add(price, quantity, timeNanos);
        lastClose = price;
    }

    @Override
    public void onClock(final long timeNanos)
    {
        if (started)
        {
            closeUpTo(timeNanos);
        }
    }

    private void closeUpTo(final long timeNanos)
    {
        while (timeNanos - barStart >= intervalNanos)
        {
            final long end = barStart + intervalNanos;
            if (bar.trades > 0)
            {
                listener.onBar(instrumentId, barStart, end, bar.open, bar.high, bar.low, bar.close, bar.volume, bar.trades);
                bar.clear();
            }
            else
            {
                listener.onBar(instrumentId, barStart, end, lastClose, lastClose, lastClose, lastClose, 0, 0);
            }
            barStart = end;
        }
    }

    /** Start of the interval being built (epoch ns), or Long.MIN_VALUE before the first trade. */
    public long currentBarStartNanos()
    {
        return started ? barStart : Long.MIN_VALUE;
    }

    public long intervalNanos()
    {
        return intervalNanos;
    }

    public long lateTrades()
    {
        return lateTrades;
    }

    @Override
    public void reset()
    {
        bar.clear();
        started = false;
        barStart = 0;
        lastClose = 0;
        lateTrades = 0;
    }

    @Override
    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, instrumentId);
        h = Hash64.mix(h, intervalNanos);
        h = Hash64.mix(h, started ? 1L : 0L);
        h = Hash64.mix(h, barStart);
        h = Hash64.mix(h, lastClose);
        h = Hash64.mix(h, lateTrades);
        return bar.hash(h);
    }
}
