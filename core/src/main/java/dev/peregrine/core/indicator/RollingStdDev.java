package dev.peregrine.core.indicator;

/**
 * Population standard deviation (divides by {@code period}, not {@code period - 1}) of the last
 * {@code period} values; TA-Lib {@code STDDEV} with {@code nbDev = 1}. Ready from the
 * {@code period}-th update.
 *
 * <p>Difference from TA-Lib: TA-Lib computes {@code sqrt(mean(x^2) - mean(x)^2)} from running sums and
 * returns 0 whenever that variance is below 1e-8. At BTC prices (x^2 about 4e9) the subtraction
 * loses most digits, so TA-Lib's value is off by up to about {@code sqrt(period * ulp(x^2))} (around
 * 1e-3 here) and its 1e-8 floor depends on the price scale. Peregrine keeps the mean and the sum of
 * squared deviations instead (see {@link RollingWindow}), so the result is accurate to a few ulps and
 * exactly 0 only for a truly flat window. Tests check it to 1e-9 relative against exact decimal
 * arithmetic and against TA-Lib on the same series shifted to zero mean, where TA-Lib's cancellation
 * vanishes.
 */
public final class RollingStdDev extends WindowIndicator
{
    public RollingStdDev(final int period)
    {
        super(period);
    }

    @Override
    public double value()
    {
        return window.isFull() ? Math.sqrt(window.populationVariance()) : Double.NaN;
    }

    /** The mean of the same window, free with the deviation. */
    public double mean()
    {
        return window.isFull() ? window.mean() : Double.NaN;
    }
}
