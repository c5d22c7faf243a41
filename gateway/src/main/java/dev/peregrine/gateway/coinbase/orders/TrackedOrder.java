package dev.peregrine.gateway.coinbase.orders;

/** The adapter's record of one order it sent; adapter thread only. */
final class TrackedOrder
{
    final long orderId;
    final String clientOrderId;
    final CoinbaseOrderRequest request;
    String venueOrderId;
    boolean accepted;
    boolean unknown;
    boolean done;
    boolean cancelWanted;
    boolean cancelSent;
    long cumulativeQuantity;
    long filledValue;
    long fees;
    /** Recovered after a restart and not yet confirmed by the venue's order list. */
    boolean awaitingReconcile;

    TrackedOrder(final long orderId, final String clientOrderId, final CoinbaseOrderRequest request)
    {
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.request = request;
    }
}
