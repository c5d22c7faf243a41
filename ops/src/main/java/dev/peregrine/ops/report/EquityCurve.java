package dev.peregrine.ops.report;

import dev.peregrine.journal.statistics.Drawdown;
import dev.peregrine.journal.statistics.EquityStatistics;

/**
 * Everything the report derives from the PnL after each event, in O(1) memory per event (months aside):
 * the one set of statistics ({@link EquityStatistics}: Sharpe, Sortino, drawdown, returns, CAGR, Calmar,
 * the same figures the backtest summary, sweeps and /admin print), monthly returns and exposure.
 *
 * <ul>
 *   <li>Equity: starting capital + the PnL series of {@link EquityStatistics}.</li>
 *   <li>Exposure: the share of the event-time span during which any position was open.</li>
 * </ul>
 */
public final class EquityCurve
{
    private final EquityStatistics statistics;
    private final MonthlyReturns months;
    private long lastNanos = Long.MIN_VALUE;
    private boolean inMarket;
    private long inMarketNanos;

    public EquityCurve(final double capital)
    {
        this.statistics = new EquityStatistics(capital);
        this.months = new MonthlyReturns(capital);
    }

    /** The PnL after the event at {@code timeNanos}, and whether any position is open after it. */
    public void observe(final long timeNanos, final double pnl, final boolean positionOpen)
    {
        if (inMarket && lastNanos != Long.MIN_VALUE)
        {
            inMarketNanos += timeNanos - lastNanos;
        }
        lastNanos = timeNanos;
        inMarket = positionOpen;
        statistics.observe(timeNanos, pnl);
        months.observe(timeNanos, statistics.finalEquity());
    }

    /** Closes the last periods; call once after the last event. */
    public void finish()
    {
        statistics.finish();
        months.finish();
    }

    public EquityStatistics statistics()
    {
        return statistics;
    }

    public double capital()
    {
        return statistics.capital();
    }

    public boolean empty()
    {
        return statistics.empty();
    }

    public long firstNanos()
    {
        return statistics.firstNanos();
    }

    public long lastNanos()
    {
        return statistics.lastNanos();
    }

    public long spanNanos()
    {
        return statistics.spanNanos();
    }

    public double finalEquity()
    {
        return statistics.finalEquity();
    }

    public double totalReturn()
    {
        return statistics.totalReturn();
    }

    public double exposure()
    {
        final long span = spanNanos();
        return span > 0 ? (double)inMarketNanos / span : (inMarket ? 1.0 : 0.0);
    }

    public Drawdown drawdown()
    {
        return statistics.drawdown();
    }

    public MonthlyReturns months()
    {
        return months;
    }
}
