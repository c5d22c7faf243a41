package dev.peregrine.ops.http;

import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.ops.decisions.DecisionFormat;
import dev.peregrine.ops.engine.LiveEngine;

import java.util.List;
import java.util.Locale;

/**
 * JSON bodies of {@code GET /admin/positions} and {@code /admin/orders}. Both read only what other threads
 * may read (the core's published gauges and the decision journal): the core's own books stay its alone.
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
        final StringBuilder json = new StringBuilder(128).append("{\"positions\":[");
        for (int i = 0; i < products.size(); i++)
        {
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                "{\"product\":\"%s\",\"quantity\":%.8f,\"markPrice\":%.8f}",
                HealthEndpoint.escape(products.get(i)), m.positions[i].get(), m.markPrices[i].get()));
        }
        return json.append(String.format(Locale.ROOT, "],\"realizedPnl\":%.2f,\"unrealizedPnl\":%.2f}",
            m.realizedPnl.get(), m.unrealizedPnl.get())).toString();
    }

    /**
     * The open-order count the core published and the newest orders it decided (from the decision journal,
     * newest first, {@code ?limit=N} as for decisions): the order state itself belongs to the core thread.
     */
    static String orders(final LiveEngine engine, final String rawQuery)
    {
        final DecisionsQuery query = DecisionsQuery.parse(rawQuery);
        final String recent = query.run(engine.journalDir(), new DecisionFormat(engine.settings()));
        return "{\"openOrders\":" + engine.coreMetrics().openOrders.get() + ",\"orders\":" + engine.coreMetrics().orders.get() +
            ",\"fills\":" + engine.coreMetrics().fills.get() + ",\"recent\":" + recent + "}";
    }
}
