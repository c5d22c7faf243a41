package dev.peregrine.ops.report;

import java.util.List;

/**
 * Everything the report derives from the equity after each event, in O(1) memory per event (months
 * aside): drawdown, period returns at four lengths, monthly returns, exposure, and the return figures.
 *
 * <ul>
 *   <li>Equity: starting capital + realized PnL after fees + unrealized PnL of open positions at the
 *   core's mark (mid of the top of book, else the last trade).</li>
 *   <li>Total return: final equity / capital - 1.</li>
 *   <li>CAGR: {@code (final / capital)^(1 / years) - 1} with years = span / 365.25 days; NaN for spans
 *   under a day, where annualising seconds of data gives numbers with no meaning.</li>
 *   <li>Sharpe and Sortino: from the returns of {@link #returnsUsed()}: daily returns when there are at
 *   least {@value #MIN_RETURNS} of them, else the coarsest of hourly, minutely and per-second with
 *   that many, else per-second; annualised by sqrt(periods in 365 days), risk-free rate 0.</li>
 *   <li>Calmar: CAGR / max drawdown (NaN when either is undefined or the drawdown is 0).</li>
 *   <li>Exposure: the share of the event-time span during which any position was open.</li>
 * </ul>
 */
public final class EquityCurve
{
    /** Returns a Sharpe ratio needs before the report trusts a period length. */
    public static final int MIN_RETURNS = 20;
    private static final long SECOND = 1_000_000_000L;
    private static final double NANOS_PER_YEAR = 365.25 * 86_400e9;

    private final double capital;
    private final List<PeriodReturns> periods = List.of(
        new PeriodReturns("1d", 86_400 * SECOND),
        new PeriodReturns("1h", 3_600 * SECOND),
        new PeriodReturns("1m", 60 * SECOND),
        new PeriodReturns("1s", SECOND));
    private final MonthlyReturns months;
    private Drawdown drawdown;
    private long firstNanos = Long.MIN_VALUE;
    private long lastNanos;
    private double equity;
    private boolean inMarket;
    private long inMarketNanos;
    private boolean finished;

    public EquityCurve(final double capital)
    {
        if (!(capital > 0) || Double.isInfinite(capital))
        {
            throw new IllegalArgumentException("starting capital must be a positive number, got " + capital);
        }
        this.capital = capital;
        this.equity = capital;
        this.months = new MonthlyReturns(capital);
    }

    /** The equity after the event at {@code timeNanos}, and whether any position is open after it. */
    public void observe(final long timeNanos, final double equityNow, final boolean positionOpen)
    {
        if (firstNanos == Long.MIN_VALUE)
        {
            firstNanos = timeNanos;
            lastNanos = timeNanos;
            drawdown = new Drawdown(capital, timeNanos);
        }
        if (inMarket)
        {
            inMarketNanos += timeNanos - lastNanos;
        }
        lastNanos = timeNanos;
        equity = equityNow;
        inMarket = positionOpen;
        drawdown.observe(timeNanos, equityNow);
        for (int i = 0; i < periods.size(); i++)
        {
            periods.get(i).observe(timeNanos, equityNow, capital);
        }
        months.observe(timeNanos, equityNow);
    }

    /** Closes the last periods; call once after the last event. */
    public void finish()
    {
        if (finished)
        {
            return;
        }
        finished = true;
        periods.forEach(PeriodReturns::finish);
        months.finish();
        if (drawdown == null)
        {
            drawdown = new Drawdown(capital, 0);
        }
    }

    public double capital()
    {
        return capital;
    }

    public boolean empty()
    {
        return firstNanos == Long.MIN_VALUE;
    }

    public long firstNanos()
    {
        return empty() ? 0 : firstNanos;
    }

    public long lastNanos()
    {
        return empty() ? 0 : lastNanos;
    }

    public long spanNanos()
    {
        return lastNanos() - firstNanos();
    }

    public double finalEquity()
    {
        return equity;
    }

    public double totalReturn()
    {
        return equity / capital - 1.0;
    }

    public double cagr()
    {
        final long span = spanNanos();
        if (span < 86_400 * SECOND)
        {
            return Double.NaN;
        }
        if (equity <= 0)
        {
            return -1.0;
        }
        return Math.pow(equity / capital, NANOS_PER_YEAR / span) - 1.0;
    }

    public double calmar()
    {
        final double cagr = cagr();
        final double mdd = drawdown.maxDrawdown();
        return Double.isNaN(cagr) || mdd <= 0 ? Double.NaN : cagr / mdd;
    }

    public double exposure()
    {
        final long span = spanNanos();
        return span > 0 ? (double)inMarketNanos / span : (inMarket ? 1.0 : 0.0);
    }

    public Drawdown drawdown()
    {
        return drawdown;
    }

    public MonthlyReturns months()
    {
        return months;
    }

    public List<PeriodReturns> periods()
    {
        return periods;
    }

    /** The period returns Sharpe and Sortino come from (see the class comment). */
    public PeriodReturns returnsUsed()
    {
        for (final PeriodReturns p : periods)
        {
            if (p.count() >= MIN_RETURNS)
            {
                return p;
            }
        }
        return periods.get(periods.size() - 1);
    }
}
