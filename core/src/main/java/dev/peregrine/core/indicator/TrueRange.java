package dev.peregrine.core.indicator;

/** Wilder's true range: the bar's range extended to the previous close, as TA-Lib {@code TRANGE}. */
final class TrueRange
{
    private TrueRange()
    {
    }

    static double of(final double high, final double low, final double previousClose)
    {
        double range = high - low;
        final double up = Math.abs(high - previousClose);
        if (up > range)
        {
            range = up;
        }
        final double down = Math.abs(low - previousClose);
        if (down > range)
        {
            range = down;
        }
        return range;
    }
}
