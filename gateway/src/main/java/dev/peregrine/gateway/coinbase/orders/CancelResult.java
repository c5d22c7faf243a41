package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.orders.RestStatus;

import java.util.List;

/** The answer to {@code POST /api/v3/brokerage/orders/batch_cancel}: {@code results[{success, failure_reason, order_id}]}. */
public record CancelResult(RestStatus status, List<Entry> results)
{
    public record Entry(boolean success, String failureReason, String orderId)
    {
    }
}
