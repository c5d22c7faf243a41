package dev.peregrine.core.indicator;

/**
 * Simple moving average of the last {@code period} values; TA-Lib {@code SMA}. Ready from the
 * {@code period}-th update (TA-Lib's lookback is {@code period - 1}). O(1) amortised, no drift: see
 * {@link RollingWindow}.
 */
public final class Sma implements SeriesIndicator
{
    private final RollingWindow window;

    public Sma(final int period)
    {
        window = new RollingWindow(period);
    }

    @Override
    public void update(final double value)
    {
        window.add(value);
    }

    @Override
    public boolean isReady()
    {
        return window.isFull();
    }

    @Override
    public double value()
    {
        return window.isFull() ? window.mean() : Double.NaN;
    }

    public int period()
    {
        return window.period();
    }

    @Override
    public void reset()
    {
        window.reset();
    }

    @Override
    public long hash(final long seed)
    {
        return window.hash(seed);
    }
}
