package dev.peregrine.ops.http;

import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.ops.engine.LiveEngine;

import java.util.List;
import java.util.Locale;

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
     * The orders open now (see {@link OpenOrdersQuery}), from the order log's view: the core's own order book
     * stays its alone. The newest decisions are {@code GET /admin/decisions}.
     */
    static String orders(final LiveEngine engine, final String rawQuery)
    {
        return OpenOrdersQuery.parse(rawQuery, engine.settings().products()).run(engine);
    }
}
