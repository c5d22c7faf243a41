package dev.peregrine.ops.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.journal.statistics.PnlRow;
import dev.peregrine.journal.statistics.PnlTable;
import dev.peregrine.ops.logging.JsonOutput;

import java.util.List;

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

    /** {@code "pnlNote":..,"pnlByStrategy":[..],"pnlByStrategyAndProduct":[..],"pnlTotal":{..}} into {@code json}. */
    static void put(final ObjectNode json, final PnlTable pnl)
    {
        json.put("pnlNote", PnlTable.NOTE);
        putByStrategy(json, pnl);
        rows(json.putArray("pnlByStrategyAndProduct"), pnl.byStrategyAndProduct());
        row(json.putObject("pnlTotal"), pnl.total());
    }

    /** {@code "pnlByStrategy":[..]} into {@code json}. */
    static void putByStrategy(final ObjectNode json, final PnlTable pnl)
    {
        rows(json.putArray("pnlByStrategy"), pnl.byStrategy());
    }

    private static void rows(final ArrayNode json, final List<PnlRow> rows)
    {
        for (final PnlRow row : rows)
        {
            row(json.addObject(), row);
        }
    }

    private static void row(final ObjectNode json, final PnlRow row)
    {
        json.put("strategy", row.strategy()).put("product", row.product());
        if (!Double.isNaN(row.position()))
        {
            json.putRawValue("position", JsonOutput.fixed(row.position(), 8));
        }
        json.putRawValue("realizedPnlBeforeFees", JsonOutput.fixed(row.realizedBeforeFees(), 6))
            .putRawValue("fees", JsonOutput.fixed(row.fees(), 6))
            .putRawValue("realizedPnlAfterFees", JsonOutput.fixed(row.realizedAfterFees(), 6))
            .putRawValue("unrealizedPnl", JsonOutput.fixed(row.unrealized(), 6));
        if (row.funding() != 0)
        {
            // Perpetuals only: funding paid (negative: received), which netPnl is after; spot rows stay as they were.
            json.putRawValue("fundingPaid", JsonOutput.fixed(row.funding(), 6));
        }
        json.putRawValue("netPnl", JsonOutput.fixed(row.net(), 6))
            .put("orders", row.orders())
            .put("fills", row.fills())
            .put("rejects", row.rejects());
    }
}
