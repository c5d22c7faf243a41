package dev.peregrine.journal.backtest;

/**
 * The equity curve's statistics, kept as the run goes (no stored curve, no allocation). Equity is the
 * engine's PnL in quote currency: realized net of fees plus unrealized at the mark, 0 at the start.
 * <ul>
 *   <li><b>max drawdown</b>: the largest fall of equity from its running peak (the peak starts at 0),
 *       in quote currency, measured after every event;</li>
 *   <li><b>Sharpe</b>: equity is sampled at the end of every minute of event time ({@link #PERIOD_NANOS},
 *       minutes with no event count as no change); the per-minute changes {@code d} give
 *       {@code mean(d) / stdev(d) * sqrt(525,600)} (sample standard deviation, n-1; 525,600 minutes a
 *       year, as crypto trades around the clock; no risk-free rate). Changes of PnL rather than
 *       returns because a backtest has no capital base: on any fixed capital {@code C} the returns
 *       {@code d / C} give the same ratio. 0 with fewer than two minutes or no variation.</li>
 * </ul>
 */
public final class EquityStats
{
    /** The sampling period of the Sharpe ratio: one minute of event time. */
    public static final long PERIOD_NANOS = 60_000_000_000L;
    /** Periods in a year (365 days of 1,440 minutes). */
    public static final double PERIODS_PER_YEAR = 525_600.0;

    private long period = Long.MIN_VALUE;
    private double periodBase;
    private double last;
    private double peak;
    private double maxDrawdown;
    private long samples;
    private double mean;
    private double m2;

    /** The equity after an event at {@code timeNanos}. */
    public void onEquity(final long timeNanos, final double equity)
    {
        final long p = Math.floorDiv(timeNanos, PERIOD_NANOS);
        if (period == Long.MIN_VALUE)
        {
            period = p;
        }
        else if (p > period)
        {
            sample(last - periodBase); // the minute that ended closes with the equity before this event
            periodBase = last;
            for (long quiet = period + 1; quiet < p; quiet++)
            {
                sample(0.0);
            }
            period = p;
        }
        last = equity;
        peak = Math.max(peak, equity);
        maxDrawdown = Math.max(maxDrawdown, peak - equity);
    }

    /** Closes the last (possibly partial) minute; call once after the last event. */
    public void finish()
    {
        if (period != Long.MIN_VALUE)
        {
            sample(last - periodBase);
            period = Long.MIN_VALUE;
        }
    }

    private void sample(final double change)
    {
        samples++;
        final double delta = change - mean;
        mean += delta / samples;
        m2 += delta * (change - mean);
    }

    public double maxDrawdown()
    {
        return maxDrawdown;
    }

    /** Minutes sampled. */
    public long periods()
    {
        return samples;
    }

    public double sharpe()
    {
        if (samples < 2)
        {
            return 0.0;
        }
        final double sd = Math.sqrt(m2 / (samples - 1));
        return sd == 0.0 || !Double.isFinite(sd) ? 0.0 : mean / sd * Math.sqrt(PERIODS_PER_YEAR);
    }
}
