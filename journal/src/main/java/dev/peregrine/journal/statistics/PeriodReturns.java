package dev.peregrine.journal.statistics;

/**
 * Period returns over fixed periods of event time (a day, an hour), streamed in O(1) memory: the count,
 * sum, sum of squares and downside sum of squares are all Sharpe and Sortino need.
 *
 * <p>Period {@code k} covers {@code [k * length, (k + 1) * length)} of event time (UTC epoch, so days
 * are UTC days). Its return on the fixed starting capital is {@code (close_k - close_(k-1)) / capital},
 * where a period's close is the PnL after its last event and the close before the first period is 0.
 * Sharpe and Sortino are ratios of such returns, so the capital cancels: they are computed here on the
 * PnL changes themselves (quote currency), and are the same number, to the last bit, whatever capital a
 * backtest or a report uses. A period with no event has a change of 0 (nothing could change the equity),
 * so quiet stretches count as flat, not as missing. The first and last periods are usually partial; they
 * count like the others.
 */
public final class PeriodReturns
{
    /** Days a year when annualising: crypto markets trade every day, so 365, not 252. */
    public static final double DAYS_PER_YEAR = 365.0;
    private static final double NANOS_PER_YEAR = DAYS_PER_YEAR * 86_400e9;

    private final String label;
    private final long lengthNanos;
    private long period = Long.MIN_VALUE;
    private double previousClose;
    private double close;

    private long count;
    private double sum;
    private double sumOfSquares;
    private double downsideSumOfSquares;

    public PeriodReturns(final String label, final long lengthNanos)
    {
        if (lengthNanos <= 0)
        {
            throw new IllegalArgumentException("period length must be > 0, got " + lengthNanos);
        }
        this.label = label;
        this.lengthNanos = lengthNanos;
    }

    /** The PnL (equity less the starting capital) after an event at {@code timeNanos}. */
    public void observe(final long timeNanos, final double pnl)
    {
        final long p = Math.floorDiv(timeNanos, lengthNanos);
        if (period == Long.MIN_VALUE)
        {
            period = p;
        }
        else if (p > period)
        {
            closePeriod();
            count += p - period - 1; // quiet periods: a zero return adds nothing to the sums
            previousClose = close;
            period = p;
        }
        close = pnl;
    }

    /** Closes the last (partial) period; call once, after the last event. */
    public void finish()
    {
        if (period != Long.MIN_VALUE)
        {
            closePeriod();
            period = Long.MIN_VALUE;
        }
    }

    private void closePeriod()
    {
        final double r = close - previousClose; // quote currency: / capital would cancel in every ratio
        count++;
        sum += r;
        sumOfSquares += r * r;
        if (r < 0)
        {
            downsideSumOfSquares += r * r;
        }
    }

    /** Becomes a copy of {@code other} (same label and length): no allocation. */
    void copyFrom(final PeriodReturns other)
    {
        period = other.period;
        previousClose = other.previousClose;
        close = other.close;
        count = other.count;
        sum = other.sum;
        sumOfSquares = other.sumOfSquares;
        downsideSumOfSquares = other.downsideSumOfSquares;
    }

    public String label()
    {
        return label;
    }

    public long lengthNanos()
    {
        return lengthNanos;
    }

    public long count()
    {
        return count;
    }

    /** Mean PnL change per period, quote currency. */
    public double mean()
    {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Sample standard deviation (n - 1); NaN below two returns. */
    public double standardDeviation()
    {
        if (count < 2)
        {
            return Double.NaN;
        }
        final double mean = sum / count;
        final double variance = (sumOfSquares - count * mean * mean) / (count - 1);
        return Math.sqrt(Math.max(variance, 0.0));
    }

    /** Root mean square of the negative returns over all periods (target 0, the usual Sortino convention). */
    public double downsideDeviation()
    {
        return count == 0 ? Double.NaN : Math.sqrt(downsideSumOfSquares / count);
    }

    public double periodsPerYear()
    {
        return NANOS_PER_YEAR / lengthNanos;
    }

    /** mean / standard deviation * sqrt(periods a year), risk-free rate 0; NaN when undefined. */
    public double sharpe()
    {
        final double sd = standardDeviation();
        return sd > 0 ? mean() / sd * Math.sqrt(periodsPerYear()) : Double.NaN;
    }

    /** mean / downside deviation * sqrt(periods a year); NaN when no period lost (undefined, not infinite). */
    public double sortino()
    {
        final double dd = downsideDeviation();
        return count >= 2 && dd > 0 ? mean() / dd * Math.sqrt(periodsPerYear()) : Double.NaN;
    }
}
