package dev.peregrine.ops.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.core.metrics.CoreMetrics;

import java.util.List;

/**
 * Which products the core may trade on now: those whose feed is healthy (not stale, gapped, crossed, nor
 * showing impossible prices), read from the gauge the core republishes on every change. {@code /ready} is
 * false while none is.
 */
final class TradeableProducts
{
    private TradeableProducts()
    {
    }

    /** True while at least one product's feed is healthy. */
    static boolean any(final CoreMetrics metrics, final int products)
    {
        for (int i = 0; i < products; i++)
        {
            if (metrics.feedUnhealthy[i].get() == 0)
            {
                return true;
            }
        }
        return false;
    }

    /** {@code "tradeable":..,"unhealthyProducts":[..]} into the readiness JSON. */
    static void put(final ObjectNode json, final CoreMetrics metrics, final List<String> products)
    {
        json.put("tradeable", any(metrics, products.size()));
        final ArrayNode unhealthy = json.putArray("unhealthyProducts");
        for (int i = 0; i < products.size(); i++)
        {
            if (metrics.feedUnhealthy[i].get() != 0)
            {
                unhealthy.add(products.get(i));
            }
        }
    }
}
