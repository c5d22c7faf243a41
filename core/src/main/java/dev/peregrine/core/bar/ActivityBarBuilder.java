package dev.peregrine.core.bar;

import dev.peregrine.core.output.Hash64;

/**
 * Bars that close on activity, not time: a bar closes with the trade that brings its measure (trade count,
 * volume) to the threshold or more. A trade is never split across bars. The bar's start and end times are
 * its first and last trade's times (both inclusive). Clock events do not close them, so in a quiet market
 * the bar in progress simply stays open.
 */
public abstract class ActivityBarBuilder implements BarBuilder
{
    private final int instrumentId;
    private final long threshold;
    private final BarListener listener;
    final OpenBar bar = new OpenBar();

    ActivityBarBuilder(final int instrumentId, final long threshold, final String rule, final BarListener listener)
    {
        if (threshold < 1)
        {
            throw new IllegalArgumentException(rule + ", got " + threshold);
        }
        if (listener == null)
        {
            throw new IllegalArgumentException("a bar listener is required");
        }
        this.instrumentId = instrumentId;
        this.threshold = threshold;
        this.listener = listener;
    }

    /** How far the bar in progress is towards the threshold. */
    abstract long measure(OpenBar openBar);

    @Override
    public final void onTrade(final long price, final long quantity, final long timeNanos)
    {
        bar.add(price, quantity, timeNanos);
        if (measure(bar) >= threshold)
        {
            listener.onBar(instrumentId, bar.firstTimeNanos, bar.lastTimeNanos, bar.open, bar.high, bar.low, bar.close,
                bar.volume, bar.trades);
            bar.clear();
        }
    }

    @Override
    public final void onClock(final long timeNanos)
    {
        // Activity bars ignore time.
    }

    @Override
    public final void reset()
    {
        bar.clear();
    }

    @Override
    public final long hash(final long seed)
    {
        long h = Hash64.mix(seed, instrumentId);
        h = Hash64.mix(h, threshold);
        return bar.hash(h);
    }
}
