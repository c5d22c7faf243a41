package dev.peregrine.core.indicator;

import dev.peregrine.core.output.Hash64;

/**
 * Bollinger Bands over closes: middle = SMA(period), upper/lower = middle +/- k * population standard
 * deviation of the same window; TA-Lib {@code BBANDS} with {@code MAType.Sma}. Ready from the
 * {@code period}-th update. Also %B = (close - lower) / (upper - lower) and width =
 * (upper - lower) / middle, neither of which TA-Lib computes.
 *
 * <p>Conventions. Population deviation, as TA-Lib and Bollinger himself (some platforms use the
 * sample deviation, which widens the bands by sqrt(n / (n - 1))). When the window is flat the bands
 * collapse onto the middle and %B is 0.5 (the close equals the middle, the limit of a symmetric band);
 * width is 0. Width is NaN only if the middle is 0. The deviation is computed without TA-Lib's
 * cancellation error; see {@link RollingStdDev}.
 */
public final class BollingerBands implements Indicator
{
    private final RollingWindow window;
    private final double upperMultiplier;
    private final double lowerMultiplier;
    private double last;

    /** Bands at {@code multiplier} deviations on both sides (2.0 is the usual choice). */
    public BollingerBands(final int period, final double multiplier)
    {
        this(period, multiplier, multiplier);
    }

    public BollingerBands(final int period, final double upperMultiplier, final double lowerMultiplier)
    {
        if (!(upperMultiplier >= 0.0) || !(lowerMultiplier >= 0.0))
        {
            throw new IllegalArgumentException("deviation multipliers must be >= 0, got up=" + upperMultiplier +
                " down=" + lowerMultiplier);
        }
        window = new RollingWindow(period);
        this.upperMultiplier = upperMultiplier;
        this.lowerMultiplier = lowerMultiplier;
    }

    public void update(final double close)
    {
        window.add(close);
        last = close;
    }

    @Override
    public boolean isReady()
    {
        return window.isFull();
    }

    public double middle()
    {
        return window.isFull() ? window.mean() : Double.NaN;
    }

    public double standardDeviation()
    {
        return window.isFull() ? Math.sqrt(window.populationVariance()) : Double.NaN;
    }

    public double upper()
    {
        return middle() + upperMultiplier * standardDeviation();
    }

    public double lower()
    {
        return middle() - lowerMultiplier * standardDeviation();
    }

    /** Where the last close sits in the band: 0 at the lower band, 1 at the upper; 0.5 for a flat band. */
    public double percentB()
    {
        if (!window.isFull())
        {
            return Double.NaN;
        }
        final double lower = lower();
        final double range = upper() - lower;
        return range > 0.0 ? (last - lower) / range : 0.5;
    }

    /** Band width relative to the middle: (upper - lower) / middle. */
    public double width()
    {
        if (!window.isFull())
        {
            return Double.NaN;
        }
        final double middle = middle();
        return middle != 0.0 ? (upper() - lower()) / middle : Double.NaN;
    }

    @Override
    public void reset()
    {
        window.reset();
        last = 0.0;
    }

    @Override
    public long hash(final long seed)
    {
        long h = window.hash(seed);
        h = Hash64.mix(h, upperMultiplier);
        h = Hash64.mix(h, lowerMultiplier);
        return Hash64.mix(h, last);
    }
}
