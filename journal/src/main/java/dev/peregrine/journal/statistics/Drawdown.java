package dev.peregrine.journal.statistics;

/**
 * Drawdown of the PnL curve, streamed one observation at a time (fed the PnL after every event, so the
 * figure is exact rather than that of a sampled chart). Capital-free: {@link EquityStatistics} turns the
 * falls into fractions of the equity at their peak on whatever capital it is asked for.
 *
 * <ul>
 *   <li>Max drawdown: the largest fall of PnL from its running peak (the peak starts at 0, before any
 *   event), in quote currency: {@link #maxDrawdownQuote()}, from the PnL {@link #maxDrawdownPeak()}.</li>
 *   <li>Its duration: from the peak before the deepest trough until PnL is back at that peak, or until
 *   the end of the data when it never recovered ({@link #maxDrawdownRecovered()} false).</li>
 *   <li>Longest underwater: the longest time of any episode between a peak and its recovery (or the
 *   end).</li>
 * </ul>
 */
public final class Drawdown
{
    private double peak;
    private long peakTime;
    private boolean underwater;
    private double current;

    private double maxDrawdownQuote;
    private double maxDrawdownPeak;
    private long maxPeakTime = -1;
    private long maxTroughTime = -1;
    private long maxRecoveryTime = -1;
    private long longestUnderwater;
    private long endTime;

    /** Starts at PnL 0, time {@code startNanos}. */
    public Drawdown(final long startNanos)
    {
        this.peakTime = startNanos;
        this.endTime = startNanos;
    }

    /** The curve starts at {@code startNanos} (the first event): durations count from there. */
    void start(final long startNanos)
    {
        peakTime = startNanos;
        endTime = startNanos;
    }

    /** Becomes a copy of {@code other}: no allocation. */
    void copyFrom(final Drawdown other)
    {
        peak = other.peak;
        peakTime = other.peakTime;
        underwater = other.underwater;
        current = other.current;
        maxDrawdownQuote = other.maxDrawdownQuote;
        maxDrawdownPeak = other.maxDrawdownPeak;
        maxPeakTime = other.maxPeakTime;
        maxTroughTime = other.maxTroughTime;
        maxRecoveryTime = other.maxRecoveryTime;
        longestUnderwater = other.longestUnderwater;
        endTime = other.endTime;
    }

    public void observe(final long timeNanos, final double pnl)
    {
        endTime = timeNanos;
        if (pnl >= peak)
        {
            if (underwater)
            {
                longestUnderwater = Math.max(longestUnderwater, timeNanos - peakTime);
                if (maxPeakTime == peakTime && maxRecoveryTime < 0)
                {
                    maxRecoveryTime = timeNanos;
                }
            }
            underwater = false;
            peak = pnl;
            peakTime = timeNanos;
            current = 0.0;
            return;
        }
        underwater = true;
        final double fall = peak - pnl;
        current = fall;
        if (fall > maxDrawdownQuote)
        {
            maxDrawdownQuote = fall;
            maxDrawdownPeak = peak;
            maxTroughTime = timeNanos;
            if (maxPeakTime != peakTime)
            {
                maxPeakTime = peakTime;
                maxRecoveryTime = -1;
            }
        }
    }

    /** The fall from the peak after the last observation, quote currency (0 at a peak). */
    public double current()
    {
        return current;
    }

    /** The running peak PnL. */
    public double peak()
    {
        return peak;
    }

    /** The PnL at the peak of the deepest episode. */
    public double maxDrawdownPeak()
    {
        return maxDrawdownPeak;
    }

    public double maxDrawdownQuote()
    {
        return maxDrawdownQuote;
    }

    /** Peak to recovery (or to the end of the data) of the deepest episode; 0 when there was none. */
    public long maxDrawdownDurationNanos()
    {
        if (maxPeakTime < 0)
        {
            return 0;
        }
        return (maxRecoveryTime >= 0 ? maxRecoveryTime : endTime) - maxPeakTime;
    }

    public boolean maxDrawdownRecovered()
    {
        return maxPeakTime < 0 || maxRecoveryTime >= 0;
    }

    /** Time of the peak before the deepest trough, or -1. */
    public long maxDrawdownPeakNanos()
    {
        return maxPeakTime;
    }

    public long maxDrawdownTroughNanos()
    {
        return maxTroughTime;
    }

    public long longestUnderwaterNanos()
    {
        return underwater ? Math.max(longestUnderwater, endTime - peakTime) : longestUnderwater;
    }
}
