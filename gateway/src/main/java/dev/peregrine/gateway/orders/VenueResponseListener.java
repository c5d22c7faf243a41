package dev.peregrine.gateway.orders;

/**
 * What the live venue said about our orders, with primitive arguments so that an implementation can
 * copy them straight into a pre-allocated inbound ring event (to be journaled, then seen by the core).
 * Ids are short ASCII strings (a venue order id is a UUID, a trade id {@code <venueOrderId>-<n>}).
 * Prices, quantities and fees are {@code FixedPoint} scaled longs.
 *
 * <p>Threading: every call comes from the adapter's own thread ({@code peregrine-coinbase-orders}), one
 * at a time, never from the core thread and never from a Netty or HTTP thread.
 */
public interface VenueResponseListener
{
    int LIQUIDITY_UNKNOWN = 0;
    int LIQUIDITY_MAKER = 1;
    int LIQUIDITY_TAKER = 2;

    /** The venue has the order, under {@code venueOrderId}. Reported once per order. */
    void onAccepted(long orderId, String venueOrderId);

    /** The order does not exist at the venue; {@code reason} is a {@link VenueRejectReason} code. */
    void onRejected(long orderId, int reason, String detail);

    /**
     * The create's answer was lost (time-out, dropped connection, 5xx): the order may or may not exist.
     * It is NOT sent again; a later {@link #onAccepted} (from the user channel) settles it. Until then
     * treat its quantity as possibly live.
     */
    void onUnknown(long orderId, int reason, String detail);

    /** The order is gone (cancelled by us or the venue, or expired) with whatever filled before. Once per order. */
    void onCancelled(long orderId, String venueOrderId);

    /** A cancel was refused, or its answer lost; the order may still be live. */
    void onCancelRejected(long orderId, String reason);

    /** An execution, derived from the growth of the order's cumulative quantity on the user channel. */
    void onFill(long orderId, String tradeId, long quantity, long price, long fee, int liquidity);
}
