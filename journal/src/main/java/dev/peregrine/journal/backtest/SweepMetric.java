package dev.peregrine.journal.backtest;

import java.util.Comparator;
import java.util.List;

/**
 * What a sweep's table is sorted by, best first; ties keep the grid order (combination number), so the
 * table is the same on every run and every machine.
 */
public enum SweepMetric
{
    /** Net PnL: realized net of fees plus unrealized at the end, highest first. */
    PNL("pnl", Comparator.comparingDouble((BacktestResult r) -> r.netPnl()).reversed()),
    /** Fills (executions), most first. */
    TRADES("trades", Comparator.comparingLong((BacktestResult r) -> r.fills()).reversed()),
    /** Max drawdown of equity, smallest first. */
    MAX_DRAWDOWN("max-drawdown", Comparator.comparingDouble(BacktestResult::maxDrawdown)),
    /** Sharpe of per-minute equity changes, annualized ({@link EquityStats}), highest first. */
    SHARPE("sharpe", Comparator.comparingDouble((BacktestResult r) -> r.sharpe()).reversed());

    private final String cliName;
    private final Comparator<BacktestResult> best;

    SweepMetric(final String cliName, final Comparator<BacktestResult> best)
    {
        this.cliName = cliName;
        this.best = best;
    }

    public String cliName()
    {
        return cliName;
    }

    /** Best first. */
    public Comparator<BacktestResult> order()
    {
        return best;
    }

    public static SweepMetric parse(final String name)
    {
        for (final SweepMetric metric : values())
        {
            if (metric.cliName.equalsIgnoreCase(name.trim()))
            {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown sort metric '" + name + "' (known: pnl, trades, max-drawdown, sharpe)");
    }

    public static List<String> names()
    {
        return List.of("pnl", "trades", "max-drawdown", "sharpe");
    }
}
