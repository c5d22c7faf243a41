package dev.peregrine.gateway.coinbase.orders;

/** What the outbound stage hands the {@link CoinbaseOrderAdapter}: queued as is, sent by its thread. */
sealed interface QueuedRequest permits QueuedRequest.Submit, QueuedRequest.Cancel
{
    /**
     * @param limitIoc the core's {@code LIMIT_IOC}: sent as {@code sor_limit_ioc}, never as a resting order.
     */
    record Submit(long orderId, String clientOrderId, int instrumentId, int side, long quantity, long limitPrice,
        boolean limitIoc) implements QueuedRequest
    {
    }

    record Cancel(long orderId) implements QueuedRequest
    {
    }
}
