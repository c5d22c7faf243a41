package dev.peregrine.ops.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.Statistic;
import dev.peregrine.ops.logging.JsonOutput;


/**
 * The running engine's statistics on /admin/status, from the one statistics module: the same Sharpe,
 * Sortino, drawdown and return the report of its journal prints; an annualized figure over less than a day
 * is null with {@code ...Unavailable} saying why.
 */
final class StatisticsJson
{
    private StatisticsJson()
    {
    }

    /** {@code "statistics":{...}} into {@code json}. */
    static void put(final ObjectNode json, final EquityStatistics s)
    {
        final ObjectNode statistics = json.putObject("statistics")
            .putRawValue("capital", JsonOutput.fixed(s.capital(), 2))
            .putRawValue("spanSeconds", JsonOutput.fixed(s.spanNanos() / 1e9, 3))
            .putRawValue("netPnl", JsonOutput.fixed(s.finalPnl(), 6))
            .putRawValue("totalReturn", JsonOutput.fixed(s.totalReturn(), 10))
            .putRawValue("maxDrawdown", JsonOutput.fixed(s.maxDrawdown(), 10))
            .putRawValue("maxDrawdownQuote", JsonOutput.fixed(s.maxDrawdownQuote(), 6))
            .put("returnsPeriod", s.returnsUsed().label())
            .put("returnsCount", s.returnsUsed().count());
        statistic(statistics, "sharpe", s.sharpe());
        statistic(statistics, "sortino", s.sortino());
        statistic(statistics, "cagr", s.cagr());
        statistic(statistics, "calmar", s.calmar());
    }

    private static void statistic(final ObjectNode json, final String name, final Statistic statistic)
    {
        if (statistic.available())
        {
            json.putRawValue(name, JsonOutput.fixed(statistic.value(), 10));
        }
        else
        {
            json.putNull(name).put(name + "Unavailable", statistic.unavailable());
        }
    }
}
