package dev.peregrine.journal.backtest;

import dev.peregrine.journal.statistics.EquityStatistics;

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
    /** Max drawdown of PnL in quote currency ({@link EquityStatistics}), smallest first. */
    MAX_DRAWDOWN("max-drawdown", Comparator.comparingDouble(BacktestResult::maxDrawdown)),
    /**
     * Sharpe ({@link EquityStatistics}), highest first; runs without one (a span under a day) last, in grid
     * order: an absent figure is not a low one.
     */
    SHARPE("sharpe", Comparator.comparing((BacktestResult r) -> !r.sharpe().available())
        .thenComparing(Comparator.comparingDouble((BacktestResult r) -> r.sharpe().value()).reversed()));

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
