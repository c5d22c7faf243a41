package dev.peregrine.ops.report;

/**
 * Drawdown of an equity curve, streamed one observation at a time (the report feeds it the equity
 * after every event, so the figure is exact rather than that of a sampled chart).
 *
 * <ul>
 *   <li>Drawdown at a moment: {@code (peak - equity) / peak}, where peak is the highest equity so far
 *   (the starting capital before any event).</li>
 *   <li>Max drawdown: the largest such fraction; {@link #maxDrawdownQuote()} is the peak-to-trough
 *   loss of that same episode, in quote currency.</li>
 *   <li>Its duration: from the peak before the deepest trough until equity is back at that peak, or
 *   until the end of the data when it never recovered ({@link #maxDrawdownRecovered()} false).</li>
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

    private double maxDrawdown;
    private double maxDrawdownQuote;
    private long maxPeakTime = -1;
    private long maxTroughTime = -1;
    private long maxRecoveryTime = -1;
    private long longestUnderwater;
    private long endTime;

    /** Starts at {@code capital}, time {@code startNanos}. */
    public Drawdown(final double capital, final long startNanos)
    {
        this.peak = capital;
        this.peakTime = startNanos;
        this.endTime = startNanos;
    }

    public void observe(final long timeNanos, final double equity)
    {
        endTime = timeNanos;
        if (equity >= peak)
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
            peak = equity;
            peakTime = timeNanos;
            current = 0.0;
            return;
        }
        underwater = true;
        current = peak > 0 ? (peak - equity) / peak : 1.0;
        if (current > maxDrawdown)
        {
            maxDrawdown = current;
            maxDrawdownQuote = peak - equity;
            maxTroughTime = timeNanos;
            if (maxPeakTime != peakTime)
            {
                maxPeakTime = peakTime;
                maxRecoveryTime = -1;
            }
        }
    }

    /** The drawdown after the last observation, as a fraction (0 at a peak). */
    public double current()
    {
        return current;
    }

    public double maxDrawdown()
    {
        return maxDrawdown;
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
