package dev.peregrine.ops.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.perpetual.PublishedMargin;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.logging.JsonOutput;

import java.util.List;

/**
 * JSON bodies of {@code GET /admin/positions} and {@code /admin/orders}. Both read only what other threads
 * may read (the core's published gauges and the order log's open-order snapshot): the core's own books stay its alone.
 */
final class AdminViews
{
    private AdminViews()
    {
    }

    /**
     * Per product: position and the mark price it is valued at, as the core last published them, and for a perpetual
     * its position on the venue's mark ({@code perpetual}); PnL totals; with a perpetual product the margin account.
     */
    static String positions(final LiveEngine engine)
    {
        final CoreMetrics m = engine.coreMetrics();
        final List<String> products = engine.settings().products();
        final ObjectNode json = JsonOutput.object();
        final ArrayNode positions = json.putArray("positions");
        final PublishedMargin perpetual = engine.core().perpetuals().published();
        final boolean anyPerpetual = engine.core().instruments().hasPerpetual();
        for (int i = 0; i < products.size(); i++)
        {
            final ObjectNode position = positions.addObject().put("product", products.get(i))
                .putRawValue("quantity", JsonOutput.fixed(m.positions[i].get(), 8))
                .putRawValue("markPrice", JsonOutput.fixed(m.markPrices[i].get(), 8));
            if (engine.core().instruments().perpetual(i) != null)
            {
                perpetual(position, perpetual, i);
            }
        }
        json.putRawValue("realizedPnl", JsonOutput.fixed(m.realizedPnl.get(), 2));
        json.putRawValue("unrealizedPnl", JsonOutput.fixed(m.unrealizedPnl.get(), 2));
        if (anyPerpetual)
        {
            json.putObject("marginAccount")
                .putRawValue("walletBalance", JsonOutput.fixed(perpetual.walletBalance.get(), 2))
                .putRawValue("marginBalance", JsonOutput.fixed(perpetual.marginBalance.get(), 2))
                .putRawValue("marginUsed", JsonOutput.fixed(perpetual.marginUsed.get(), 2))
                .putRawValue("marginAvailable", JsonOutput.fixed(perpetual.availableMargin.get(), 2))
                .putRawValue("maintenanceMargin", JsonOutput.fixed(perpetual.totalMaintenanceMargin.get(), 2))
                .putRawValue("marginRatio", JsonOutput.fixed(finite(perpetual.marginRatio.get()), 6))
                .putRawValue("effectiveLeverage", JsonOutput.fixed(finite(perpetual.effectiveLeverage.get()), 4))
                .putRawValue("fundingPaid", JsonOutput.fixed(perpetual.totalFundingPaid.get(), 6))
                .put("fundingSettlements", (long) perpetual.fundingSettlements.get());
        }
        return JsonOutput.compact(json);
    }

    /**
     * A perpetual's position on the venue's mark, as the core last published it (after its latest mark): contracts,
     * entry, the venue's mark and index, notional, unrealized PnL on the mark, initial margin, liquidation price (0 when
     * flat), funding paid (negative: received) and the current funding rate. {@code markPrice} above stays the core's
     * valuation price of the spot figures (its book's mid or last trade).
     */
    private static void perpetual(final ObjectNode json, final PublishedMargin g, final int i)
    {
        json.putObject("perpetual")
            .putRawValue("contracts", JsonOutput.fixed(g.contracts[i].get(), 8))
            .putRawValue("entryPrice", JsonOutput.fixed(g.entryPrice[i].get(), 8))
            .putRawValue("markPrice", JsonOutput.fixed(g.markPrice[i].get(), 8))
            .putRawValue("indexPrice", JsonOutput.fixed(g.indexPrice[i].get(), 8))
            .putRawValue("notional", JsonOutput.fixed(g.notional[i].get(), 2))
            .putRawValue("unrealizedPnl", JsonOutput.fixed(g.unrealizedPnl[i].get(), 2))
            .putRawValue("margin", JsonOutput.fixed(g.initialMargin[i].get(), 2))
            .putRawValue("maintenanceMargin", JsonOutput.fixed(g.maintenanceMargin[i].get(), 2))
            .putRawValue("liquidationPrice", JsonOutput.fixed(g.liquidationPrice[i].get(), 8))
            .putRawValue("fundingPaid", JsonOutput.fixed(g.fundingPaid[i].get(), 6))
            .putRawValue("fundingRate", JsonOutput.fixed(g.fundingRate[i].get(), 8))
            .put("markUpdates", (long) g.markUpdates[i].get());
    }

    /** JSON has no infinity: an account with no equity left shows its ratios as the largest double. */
    private static double finite(final double value)
    {
        return Double.isInfinite(value) ? Double.MAX_VALUE : value;
    }

    /**
     * The orders open now (see {@link OpenOrdersQuery}), from the order log's view: the core's own order book
     * stays its alone. The newest decisions are {@code GET /admin/decisions}.
     */
    static String orders(final LiveEngine engine, final String rawQuery)
    {
        return OpenOrdersQuery.parse(rawQuery, engine.settings().products()).run(engine);
    }
}
