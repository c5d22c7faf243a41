package dev.peregrine.journal.statistics;

import dev.peregrine.core.engine.TradingCore;

import java.util.Locale;

/**
 * The one set of performance statistics: the backtest summary, the sweep table and its sort, {@code report}
 * and {@code /admin/status} all read them from an instance of this class fed the same series, so one
 * journal gives one Sharpe, one Sortino, one max drawdown and one return everywhere.
 *
 * <p><b>The series.</b> The PnL after every event, in quote currency: realized PnL after fees plus the
 * unrealized PnL of open positions at the core's mark, 0 before the first event, at the core's event time.
 * Equity is {@code capital + PnL}; the capital is the report's {@code --capital}, {@link #DEFAULT_CAPITAL}
 * where none is given (a backtest, /admin).
 *
 * <p><b>Sampling and returns.</b> The PnL is closed at the end of every UTC hour, or of every UTC day when
 * the data holds at least {@value #MIN_RETURNS} days; a period's return is its PnL change over the fixed
 * capital ({@link PeriodReturns}), quiet periods 0. Sharpe = mean / sample standard deviation x
 * sqrt(periods in 365 days); Sortino = mean / downside deviation x the same; risk-free rate 0. Returns on a
 * fixed capital make both ratios independent of the capital.
 *
 * <p><b>Too short to mean anything.</b> An annualized figure (Sharpe, Sortino, CAGR, Calmar) over less than
 * {@link #MIN_SPAN_NANOS} (one day) of event time is not a figure: it is {@link Statistic#unavailable} with
 * the reason {@code span 5m, needs >= 1d}. A day gives at least 24 hourly returns, more than the
 * {@value #MIN_RETURNS} a standard deviation needs to be more than noise; five minutes annualized by
 * sqrt(525,600) gave Sharpe ratios of -1,273. Max drawdown and total return are not annualized and are
 * always given.
 */
public final class EquityStatistics
{
    /** The capital returns are on when the user gives none: ten times the demo's default order notional. */
    public static final double DEFAULT_CAPITAL = 10_000.0;
    /** The shortest span of event time an annualized figure is given for. */
    public static final long MIN_SPAN_NANOS = 86_400_000_000_000L;
    /** Daily returns are used once there are this many; hourly before. */
    public static final int MIN_RETURNS = 20;
    private static final double NANOS_PER_YEAR = 365.25 * 86_400e9;

    private final double capital;
    private final PeriodReturns daily;
    private final PeriodReturns hourly;
    private final Drawdown drawdown;
    private long firstNanos = Long.MIN_VALUE;
    private long lastNanos;
    private double pnl;
    private boolean finished;

    public EquityStatistics(final double capital)
    {
        this.capital = checkCapital(capital);
        this.daily = new PeriodReturns("1d", 86_400_000_000_000L);
        this.hourly = new PeriodReturns("1h", 3_600_000_000_000L);
        this.drawdown = new Drawdown(0); // started at the first event's time
    }

    private EquityStatistics(final double capital, final EquityStatistics finished)
    {
        this.capital = checkCapital(capital);
        this.daily = finished.daily;
        this.hourly = finished.hourly;
        this.drawdown = finished.drawdown;
        this.firstNanos = finished.firstNanos;
        this.lastNanos = finished.lastNanos;
        this.pnl = finished.pnl;
        this.finished = true;
    }

    private static double checkCapital(final double capital)
    {
        if (!(capital > 0) || Double.isInfinite(capital))
        {
            throw new IllegalArgumentException("starting capital must be a positive number, got " + capital);
        }
        return capital;
    }

    /**
     * The same finished series on another capital: Sharpe, Sortino and the drawdown in quote currency are
     * the same numbers; return, drawdown fraction, CAGR and Calmar are on {@code otherCapital}.
     */
    public EquityStatistics onCapital(final double otherCapital)
    {
        if (!finished)
        {
            throw new IllegalStateException("finish the series first");
        }
        return new EquityStatistics(otherCapital, this);
    }

    /** On {@link #DEFAULT_CAPITAL}. */
    public EquityStatistics()
    {
        this(DEFAULT_CAPITAL);
    }

    /** The series' value after the core's last event: realized PnL after fees plus unrealized at the mark. */
    public static double pnlOf(final TradingCore core)
    {
        // Less the perpetual funding paid (0.0 in a spot run, so spot equity is unchanged to the bit).
        return core.positions().totalRealizedPnl() + core.totalUnrealizedPnl() - core.perpetuals().funding().totalPaid();
    }

    /** The PnL after the event at {@code timeNanos} (event time, never decreasing). */
    public void observe(final long timeNanos, final double pnlNow)
    {
        if (finished)
        {
            throw new IllegalStateException("observe after finish");
        }
        if (firstNanos == Long.MIN_VALUE)
        {
            firstNanos = timeNanos;
            drawdown.start(timeNanos);
        }
        lastNanos = timeNanos;
        pnl = pnlNow;
        drawdown.observe(timeNanos, pnlNow);
        daily.observe(timeNanos, pnlNow);
        hourly.observe(timeNanos, pnlNow);
    }

    /** Becomes a copy of {@code other}, which must be on the same capital and not finished: no allocation. */
    void copyFrom(final EquityStatistics other)
    {
        daily.copyFrom(other.daily);
        hourly.copyFrom(other.hourly);
        drawdown.copyFrom(other.drawdown);
        firstNanos = other.firstNanos;
        lastNanos = other.lastNanos;
        pnl = other.pnl;
        finished = other.finished;
    }

    /** Closes the last periods; call once after the last event (again is harmless). */
    public EquityStatistics finish()
    {
        if (!finished)
        {
            finished = true;
            daily.finish();
            hourly.finish();
        }
        return this;
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

    /** PnL after the last event, quote currency. */
    public double finalPnl()
    {
        return pnl;
    }

    public double finalEquity()
    {
        return capital + pnl;
    }

    /** Final PnL / capital: not annualized, always given. */
    public double totalReturn()
    {
        return pnl / capital;
    }

    public Drawdown drawdown()
    {
        return drawdown;
    }

    /** The largest peak-to-trough fall of PnL, quote currency (see {@link Drawdown}). */
    public double maxDrawdownQuote()
    {
        return drawdown.maxDrawdownQuote();
    }

    /** The deepest episode (by quote amount) as a fraction of the equity at its peak (capital + peak PnL). */
    public double maxDrawdown()
    {
        return fraction(drawdown.maxDrawdownQuote(), drawdown.maxDrawdownPeak());
    }

    /** The drawdown after the last event, as a fraction of the equity at the running peak (0 at a peak). */
    public double currentDrawdown()
    {
        return fraction(drawdown.current(), drawdown.peak());
    }

    private double fraction(final double fall, final double peakPnl)
    {
        if (fall <= 0)
        {
            return 0.0;
        }
        final double peakEquity = capital + peakPnl;
        return peakEquity > 0 ? Math.min(fall / peakEquity, 1.0) : 1.0;
    }

    /** The period returns Sharpe and Sortino come from: daily with at least {@value #MIN_RETURNS}, else hourly. */
    public PeriodReturns returnsUsed()
    {
        return daily.count() >= MIN_RETURNS ? daily : hourly;
    }

    public Statistic sharpe()
    {
        final String tooShort = tooShort();
        if (tooShort != null)
        {
            return Statistic.unavailable(tooShort);
        }
        final double sharpe = returnsUsed().sharpe();
        return Double.isNaN(sharpe) ? Statistic.unavailable("equity never changed") : Statistic.of(sharpe);
    }

    public Statistic sortino()
    {
        final String tooShort = tooShort();
        if (tooShort != null)
        {
            return Statistic.unavailable(tooShort);
        }
        final double sortino = returnsUsed().sortino();
        return Double.isNaN(sortino) ? Statistic.unavailable("no losing period") : Statistic.of(sortino);
    }

    /** (final equity / capital)^(1 / years) - 1, years = span / 365.25 days. */
    public Statistic cagr()
    {
        final String tooShort = tooShort();
        if (tooShort != null)
        {
            return Statistic.unavailable(tooShort);
        }
        final double equity = finalEquity();
        return Statistic.of(equity <= 0 ? -1.0 : Math.pow(equity / capital, NANOS_PER_YEAR / spanNanos()) - 1.0);
    }

    /** CAGR / max drawdown (as a fraction, {@link #maxDrawdown()}). */
    public Statistic calmar()
    {
        final Statistic cagr = cagr();
        if (!cagr.available())
        {
            return cagr;
        }
        return maxDrawdown() > 0 ? Statistic.of(cagr.value() / maxDrawdown()) :
            Statistic.unavailable("no drawdown");
    }

    /** Null when the span is long enough for annualized figures, else the reason they are not given. */
    public String tooShort()
    {
        if (empty())
        {
            return "no events";
        }
        final long span = spanNanos();
        return span < MIN_SPAN_NANOS ? "span " + span(span) + ", needs >= " + span(MIN_SPAN_NANOS) : null;
    }

    /** A span in its two largest units: {@code 45s}, {@code 5m}, {@code 5m 12s}, {@code 3h 04m}, {@code 1d}. */
    public static String span(final long nanos)
    {
        final long s = nanos / 1_000_000_000L;
        if (s < 60)
        {
            return s + "s";
        }
        if (s < 3_600)
        {
            return s % 60 == 0 ? s / 60 + "m" : String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        if (s < 86_400)
        {
            return s % 3_600 / 60 == 0 ? s / 3_600 + "h" : String.format(Locale.ROOT, "%dh %02dm", s / 3_600, s % 3_600 / 60);
        }
        return s % 86_400 / 3_600 == 0 ? s / 86_400 + "d" : String.format(Locale.ROOT, "%dd %02dh", s / 86_400, s % 86_400 / 3_600);
    }
}
