package dev.peregrine.journal.statistics;

import java.util.List;
import java.util.Locale;

/**
 * The statistics as the command line prints them, the same lines in the backtest summary and after
 * {@code report}, so a reader comparing the two compares the same text.
 */
public final class StatisticsLines
{
    private StatisticsLines()
    {
    }

    public static List<String> of(final EquityStatistics s)
    {
        final PeriodReturns returns = s.returnsUsed();
        final String ratios = "sharpe: " + s.sharpe().text("%.2f") + "; sortino: " + s.sortino().text("%.2f");
        final String basis = s.sharpe().available() || s.sortino().available() ?
            String.format(Locale.ROOT, " (%d returns of %s on the capital, x sqrt(%,.0f))", returns.count(), returns.label(),
                returns.periodsPerYear()) : "";
        return List.of(
            String.format(Locale.ROOT, "return: %.4f%% on capital %,.2f; max drawdown: %.2f (%.4f%% of the equity at its peak)",
                s.totalReturn() * 100, s.capital(), s.maxDrawdownQuote(), s.maxDrawdown() * 100),
            ratios + basis);
    }
}
