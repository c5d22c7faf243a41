package dev.peregrine.gateway.coinbase.orders;

/** What the outbound stage hands the {@link CoinbaseOrderAdapter}: queued as is, sent by its thread. */
sealed interface QueuedRequest permits QueuedRequest.Submit, QueuedRequest.Cancel
{
    /**
     * @param orderType the core's {@code OrderType} ordinal: {@code LIMIT_IOC} goes out as {@code sor_limit_ioc},
     *     {@code LIMIT_FOK} as {@code limit_limit_fok}, never as a resting order.
     */
    record Submit(long orderId, String clientOrderId, int instrumentId, int side, long quantity, long limitPrice,
        int orderType) implements QueuedRequest
    {
    }

    record Cancel(long orderId) implements QueuedRequest
    {
    }
}
