package dev.peregrine.ops.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.core.metrics.CoreMetrics;
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

    /** Per product: position and the mark price it is valued at, as the core last published them; PnL totals. */
    static String positions(final LiveEngine engine)
    {
        final CoreMetrics m = engine.coreMetrics();
        final List<String> products = engine.settings().products();
        final ObjectNode json = JsonOutput.object();
        final ArrayNode positions = json.putArray("positions");
        for (int i = 0; i < products.size(); i++)
        {
            positions.addObject().put("product", products.get(i))
                .putRawValue("quantity", JsonOutput.fixed(m.positions[i].get(), 8))
                .putRawValue("markPrice", JsonOutput.fixed(m.markPrices[i].get(), 8));
        }
        json.putRawValue("realizedPnl", JsonOutput.fixed(m.realizedPnl.get(), 2));
        json.putRawValue("unrealizedPnl", JsonOutput.fixed(m.unrealizedPnl.get(), 2));
        return JsonOutput.compact(json);
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
