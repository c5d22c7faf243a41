package dev.peregrine.ops.http;

import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.Statistic;

import java.util.Locale;

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

    /** {@code ,"statistics":{...}} */
    static void append(final StringBuilder json, final EquityStatistics s)
    {
        json.append(",\"statistics\":{");
        json.append(String.format(Locale.ROOT, "\"capital\":%.2f,\"spanSeconds\":%.3f,\"netPnl\":%.6f,\"totalReturn\":%.10f," +
            "\"maxDrawdown\":%.10f,\"maxDrawdownQuote\":%.6f", s.capital(), s.spanNanos() / 1e9, s.finalPnl(),
            s.totalReturn(), s.maxDrawdown(), s.maxDrawdownQuote()));
        json.append(",\"returnsPeriod\":\"").append(s.returnsUsed().label()).append("\",\"returnsCount\":")
            .append(s.returnsUsed().count());
        statistic(json, "sharpe", s.sharpe());
        statistic(json, "sortino", s.sortino());
        statistic(json, "cagr", s.cagr());
        statistic(json, "calmar", s.calmar());
        json.append('}');
    }

    private static void statistic(final StringBuilder json, final String name, final Statistic statistic)
    {
        json.append(",\"").append(name).append("\":");
        if (statistic.available())
        {
            json.append(String.format(Locale.ROOT, "%.10f", statistic.value()));
        }
        else
        {
            json.append("null,\"").append(name).append("Unavailable\":\"").append(HealthEndpoint.escape(statistic.unavailable()))
                .append('"');
        }
    }
}
