package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.RestStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer of {@code GET /api/v3/brokerage/orders/historical/{order_id}} (Get Order): the venue's view of one
 * order, in the shape the user channel uses ({@link UserOrderUpdate}, {@code snapshot} true); null unless OK.
 */
public record GetOrderResult(RestStatus status, UserOrderUpdate order)
{
    static GetOrderResult parse(final RestStatus status, final JsonNode json)
    {
        final JsonNode order = CoinbaseJson.object(json, "order");
        return new GetOrderResult(status, status.outcome() == RequestOutcome.OK && order != null && order.isObject() ?
            UserOrderUpdate.fromRest(order) : null);
    }
}
