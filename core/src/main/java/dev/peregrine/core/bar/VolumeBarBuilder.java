package dev.peregrine.core.bar;

import dev.peregrine.core.output.Hash64;

/**
 * Volume bars: a bar closes with the trade that brings its volume to {@code volumePerBar} or more. A
 * trade is never split across bars, so a bar may hold more than the threshold (its volume is exact,
 * and each trade is counted in one bar only); the excess is not carried into the next bar. Start and
 * end times are the first and last trade's. Clock events do not close activity bars.
 */
public final class VolumeBarBuilder implements BarBuilder
{
    private final int instrumentId;
    private final long volumePerBar;
    private final BarListener listener;
    private final OpenBar bar = new OpenBar();

    /** @param volumePerBar scaled quantity, as the trades carry it. */
    public VolumeBarBuilder(final int instrumentId, final long volumePerBar, final BarListener listener)
    {
        if (volumePerBar < 1)
        {
            throw new IllegalArgumentException("volume per bar must be >= 1 (scaled), got " + volumePerBar);
        }
        if (listener == null)
        {
            throw new IllegalArgumentException("a bar listener is required");
        }
        this.instrumentId = instrumentId;
        this.volumePerBar = volumePerBar;
        this.listener = listener;
    }

    @Override
    public void onTrade(final long price, final long quantity, final long timeNanos)
    {
        bar.add(price, quantity, timeNanos);
        if (bar.volume >= volumePerBar)
        {
            listener.onBar(instrumentId, bar.firstTimeNanos, bar.lastTimeNanos, bar.open, bar.high, bar.low, bar.close,
                bar.volume, bar.trades);
            bar.clear();
        }
    }

    @Override
    public void onClock(final long timeNanos)
    {
        // Activity bars ignore time.
    }

    /** Volume in the bar in progress. */
    public long pendingVolume()
    {
        return bar.volume;
    }

    @Override
    public void reset()
    {
        bar.clear();
    }

    @Override
    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, instrumentId);
        h = Hash64.mix(h, volumePerBar);
        return bar.hash(h);
    }
}
