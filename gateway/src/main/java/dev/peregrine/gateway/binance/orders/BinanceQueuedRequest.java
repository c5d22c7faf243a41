package dev.peregrine.gateway.binance.orders;

/** What the outbound stage hands the {@link BinanceOrderAdapter}: queued as is, sent by its thread. */
sealed interface BinanceQueuedRequest permits BinanceQueuedRequest.Submit, BinanceQueuedRequest.Cancel
{
    /** @param orderType the core's {@code OrderType} ordinal. */
    record Submit(long orderId, String clientOrderId, int instrumentId, int side, int orderType, long quantity,
        long limitPrice, boolean reduceOnly) implements BinanceQueuedRequest
    {
    }

    record Cancel(long orderId) implements BinanceQueuedRequest
    {
    }
}
