package dev.peregrine.gateway.binance.orders;

/** The adapter's record of one order it sent (or recovered after a restart); adapter thread only. */
final class BinanceTrackedOrder
{
    final long orderId;
    final BinanceOrderRequest request;
    /** Binance's {@code orderId}; -1 until known. */
    long venueOrderId = -1;
    boolean accepted;
    boolean unknown;
    boolean done;
    boolean cancelWanted;
    long cumulativeQuantity;
    /** The highest Binance trade id reported as a fill: a trade at or below it is a duplicate. */
    long lastTradeId;
    /** Recovered after a restart and not yet confirmed by a query of the venue. */
    boolean awaitingReconcile;
    /** When the create was sent (epoch milliseconds): a query that finds nothing is final only past the recvWindow. */
    long sentEpochMillis;

    BinanceTrackedOrder(final long orderId, final BinanceOrderRequest request)
    {
        this.orderId = orderId;
        this.request = request;
    }

    String clientOrderId()
    {
        return request.clientOrderId();
    }
}
