package dev.peregrine.core.execution;

import dev.peregrine.core.decision.DecisionRecord;

/** How a strategy places orders. Implemented by {@link ExecutionEngine}; called on the core thread. */
public interface OrderEntry
{
    /**
     * The explanation the next order will carry: set its signal and values just before submitting.
     * The submission takes it and clears it, so an order never inherits the reasons of the one before.
     */
    DecisionRecord decision();

    /**
     * Sends an immediate-or-cancel market order through risk to the venue.
     *
     * @param quantity scaled, positive.
     * @return the order id, or -1 if risk or the venue rejected it (the reason is in the outputs).
     */
    long submitMarketOrder(int instrumentId, int side, long quantity);

    /**
     * Sends a good-till-cancelled limit order; it rests at the venue until filled or cancelled.
     *
     * @return the order id, or -1 if rejected before it left.
     */
    long submitLimitOrder(int instrumentId, int side, long quantity, long limitPrice);

    /** Sends an immediate-or-cancel limit order: what does not fill at once is cancelled. */
    long submitLimitIocOrder(int instrumentId, int side, long quantity, long limitPrice);

    /** Sends a fill-or-kill limit order: it fills whole at once at its price or better, or is cancelled whole. */
    long submitLimitFokOrder(int instrumentId, int side, long quantity, long limitPrice);

    /** Asks the venue to cancel an open order; false if it is unknown, terminal or already being cancelled. */
    boolean cancelOrder(long orderId);

    /**
     * Cancel-replace: cancels {@code orderId} and sends a new limit order with the new quantity and
     * price in the same event. The venue treats them as two orders (as Coinbase does).
     *
     * @return the new order's id, or -1 if the old order could not be cancelled or the new one was rejected.
     */
    long replaceOrder(long orderId, long newQuantity, long newLimitPrice);
}
