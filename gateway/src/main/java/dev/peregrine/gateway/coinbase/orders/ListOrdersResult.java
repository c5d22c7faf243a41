package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.orders.RestStatus;

import java.util.List;

/**
 * One page of {@code GET /api/v3/brokerage/orders/historical/batch}: the venue's view of each order, in
 * the shape the user channel uses ({@link UserOrderUpdate}, {@code snapshot} true), and the cursor of the
 * next page when {@code hasNext}.
 */
public record ListOrdersResult(RestStatus status, List<UserOrderUpdate> orders, boolean hasNext, String cursor)
{
}
