package dev.peregrine.ops.http;

import dev.peregrine.journal.statistics.PnlRow;
import dev.peregrine.journal.statistics.PnlTable;

import java.util.List;
import java.util.Locale;

/**
 * PnL per strategy on /admin/status (per strategy, per strategy and product, the total) and /health (per
 * strategy): the rows of the same {@link PnlTable} the summaries and the report print, in this API's
 * camelCase JSON. Realized PnL is given before and after fees, so no reader has to guess.
 */
final class StrategyPnlJson
{
    private StrategyPnlJson()
    {
    }

    /** {@code ,"pnlNote":..,"pnlByStrategy":[..],"pnlByStrategyAndProduct":[..],"pnlTotal":{..}} */
    static void append(final StringBuilder json, final PnlTable pnl)
    {
        json.append(",\"pnlNote\":\"").append(HealthEndpoint.escape(PnlTable.NOTE)).append('"');
        json.append(',').append(pnlByStrategy(pnl));
        json.append(",\"pnlByStrategyAndProduct\":");
        rows(json, pnl.byStrategyAndProduct());
        json.append(",\"pnlTotal\":");
        row(json, pnl.total());
    }

    /** {@code "pnlByStrategy":[..]} */
    static String pnlByStrategy(final PnlTable pnl)
    {
        final StringBuilder json = new StringBuilder(256).append("\"pnlByStrategy\":");
        rows(json, pnl.byStrategy());
        return json.toString();
    }

    private static void rows(final StringBuilder json, final List<PnlRow> rows)
    {
        json.append('[');
        for (int i = 0; i < rows.size(); i++)
        {
            if (i > 0)
            {
                json.append(',');
            }
            row(json, rows.get(i));
        }
        json.append(']');
    }

    private static void row(final StringBuilder json, final PnlRow row)
    {
        json.append("{\"strategy\":\"").append(HealthEndpoint.escape(row.strategy())).append("\",\"product\":\"")
            .append(HealthEndpoint.escape(row.product())).append('"');
        if (!Double.isNaN(row.position()))
        {
            json.append(String.format(Locale.ROOT, ",\"position\":%.8f", row.position()));
        }
        json.append(String.format(Locale.ROOT, ",\"realizedPnlBeforeFees\":%.6f,\"fees\":%.6f,\"realizedPnlAfterFees\":%.6f," +
                "\"unrealizedPnl\":%.6f,\"netPnl\":%.6f", row.realizedBeforeFees(), row.fees(), row.realizedAfterFees(),
                row.unrealized(), row.net()))
            .append(",\"orders\":").append(row.orders()).append(",\"fills\":").append(row.fills())
            .append(",\"rejects\":").append(row.rejects()).append('}');
    }
}
