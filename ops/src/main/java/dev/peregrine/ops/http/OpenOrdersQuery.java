package dev.peregrine.ops.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.logging.JsonOutput;
import dev.peregrine.ops.orderlog.OpenOrder;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/orders?strategy=ID|NAME&product=P&limit=N}: the orders open right now, from the order
 * log's open-order view (a snapshot its thread publishes after each batch of order events; never the core's
 * own order book). {@code count} is how many match, {@code open} the first {@code limit} of them, oldest first.
 */
record OpenOrdersQuery(int limit, String strategy, String product)
{
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 100_000;

    /** @throws IllegalArgumentException naming the parameter and what it accepts. */
    static OpenOrdersQuery parse(final String rawQuery, final List<String> products)
    {
        final Map<String, String> parameters = QueryParameters.checked(rawQuery, Map.of(
            "limit", value -> QueryParameters.limit(value, MAX_LIMIT),
            "strategy", value ->
            {
                if (value.isEmpty())
                {
                    throw new IllegalArgumentException("strategy must be a strategy id or name");
                }
            },
            "product", value ->
            {
                if (!products.contains(value))
                {
                    throw new IllegalArgumentException("product must be one of " + String.join(", ", products) +
                        ", got '" + value + "'");
                }
            }), "strategy, product, limit");
        return new OpenOrdersQuery(QueryParameters.limitOr(parameters, DEFAULT_LIMIT, MAX_LIMIT), parameters.get("strategy"),
            parameters.get("product"));
    }

    boolean matches(final OpenOrder order)
    {
        if (product != null && !product.equals(order.product()))
        {
            return false;
        }
        return strategy == null || strategy.equals(Integer.toString(order.strategyId())) ||
            strategy.equals(order.strategyName());
    }

    String run(final LiveEngine engine)
    {
        final List<OpenOrder> open = engine.orderLog().openOrders();
        final ObjectNode json = JsonOutput.object();
        final ArrayNode shown = json.putArray("open");
        int count = 0;
        for (final OpenOrder order : open)
        {
            if (matches(order))
            {
                if (count < limit)
                {
                    order.writeTo(shown.addObject());
                }
                count++;
            }
        }
        return JsonOutput.compact(json.put("count", count).put("total_open", open.size())
            .put("core_open_orders", engine.coreMetrics().openOrders.get())
            .put("order_log_dropped", engine.orderLog().dropped()));
    }
}
