package dev.peregrine.core.indicator;

/**
 * Simple moving average of the last {@code period} values; TA-Lib {@code SMA}. Ready from the
 * {@code period}-th update (TA-Lib's lookback is {@code period - 1}). O(1) amortised, no drift: see
 * {@link RollingWindow}.
 */
public final class Sma extends WindowIndicator
{
    public Sma(final int period)
    {
        super(period);
    }

    @Override
    public double value()
    {
        return window.isFull() ? window.mean() : Double.NaN;
    }
}
