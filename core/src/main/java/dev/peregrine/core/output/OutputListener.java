package dev.peregrine.core.output;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.RejectReason;

/**
 * The decisions the core makes, as primitive calls in the order they happen. The output digest,
 * test recorders and reports all listen here; what they hear is the engine's observable behaviour and
 * must be identical between a live run and the replay of its journal.
 *
 * <p>Called on the core thread. Implementations must not block or allocate.
 */
public interface OutputListener
{
    /** An order passed risk and was sent (to the paper venue, and to the outbound stage). */
    void onOrder(long orderId, int instrumentId, int side, OrderType type, long quantity, long limitPrice, long timeNanos);

    /** The venue accepted a resting order. */
    void onAccepted(long orderId, int instrumentId, long timeNanos);

    /** The engine asked the venue to cancel an open order. */
    void onCancelRequested(long orderId, int instrumentId, long timeNanos);

    /**
     * The venue refused to cancel an open order: it is working again, as before the request
     * ({@code acknowledged}: the venue had accepted it; else it is still waiting for that answer). Not part of
     * the output digest (the default does nothing), so journals keep their digests.
     */
    default void onCancelRefused(long orderId, int instrumentId, boolean acknowledged, long timeNanos)
    {
    }

    /** An order was refused, by a risk check or by the venue. */
    void onReject(long orderId, int instrumentId, int side, long quantity, RejectReason reason, long timeNanos);

    /** An order (partly) filled; the fee is in quote currency. */
    void onFill(long orderId, int instrumentId, int side, long quantity, long price, double fee, long timeNanos);

    /** The venue never answered an order (new or cancel) within the time-out: it is EXPIRED. */
    void onExpired(long orderId, int instrumentId, long leavesQuantity, long timeNanos);

    /** The unfilled rest of an order was cancelled (on request, or an immediate-or-cancel remainder). */
    void onCancel(long orderId, int instrumentId, long quantity, long timeNanos);

    /**
     * Perpetuals: funding was exchanged for a holder's position at a FUNDING_SETTLEMENT ({@code strategyId} 0 is the
     * engine's own orders). {@code payment} is in the settlement currency, positive = paid, negative = received;
     * {@code contracts} (signed, scaled), {@code markPrice} and {@code fundingRate} (scaled) are what it was computed
     * from. Never called in a spot run, so spot digests stay as they were.
     */
    default void onFunding(int strategyId, int instrumentId, long contracts, long markPrice, long fundingRate,
        double payment, long timeNanos)
    {
    }

    /**
     * Why an order was placed or refused: called once per order decision, just before its
     * {@link #onOrder} or {@link #onReject}. The record is reused after the call returns.
     */
    default void onDecision(DecisionRecord decision)
    {
    }
}
