package dev.peregrine.core.bar;

/**
 * Volume bars: a bar closes with the trade that brings its volume to {@code volumePerBar} or more. A
 * trade is never split across bars, so a bar may hold more than the threshold (its volume is exact,
 * and each trade is counted in one bar only); the excess is not carried into the next bar. Start and
 * end times are the first and last trade's. Clock events do not close activity bars.
 */
public final class VolumeBarBuilder extends ActivityBarBuilder
{
    /** @param volumePerBar scaled quantity, as the trades carry it. */
    public VolumeBarBuilder(final int instrumentId, final long volumePerBar, final BarListener listener)
    {
        super(instrumentId, volumePerBar, "volume per bar must be >= 1 (scaled)", listener);
    }

    @Override
    long measure(final OpenBar openBar)
    {
        return openBar.volume;
    }

    /** Volume in the bar in progress. */
    public long pendingVolume()
    {
        return bar.volume;
    }
}
