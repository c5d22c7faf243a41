package dev.peregrine.ops.http;

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

    /** {@code ,"tradeable":..,"unhealthyProducts":[..]} for the readiness JSON. */
    static String json(final CoreMetrics metrics, final List<String> products)
    {
        final StringBuilder sb = new StringBuilder(",\"tradeable\":").append(any(metrics, products.size()))
            .append(",\"unhealthyProducts\":[");
        boolean first = true;
        for (int i = 0; i < products.size(); i++)
        {
            if (metrics.feedUnhealthy[i].get() != 0)
            {
                sb.append(first ? "" : ",").append('"').append(HealthEndpoint.escape(products.get(i))).append('"');
                first = false;
            }
        }
        return sb.append(']').toString();
    }
}
