package dev.peregrine.core.order;

import dev.peregrine.core.output.Hash64;

/**
 * One order, a pooled mutable record owned by the core thread and reused once it is terminal and
 * evicted. Quantities and prices are FixedPoint scaled longs.
 */
public final class Order extends OrderTerms
{
    long filledQuantity;
    /** Sum of fill price x fill quantity / scale, in quote currency, for the average fill price. */
    double filledNotional;
    double fees;
    OrderState state;
    long createdNanos;
    long updatedNanos;
    /** Visible quantity ahead of this order at its price when it started resting (paper venue). */
    long queueAhead;
    boolean reduceOnly;
    /** The state a cancel request interrupted, so a refused cancel puts the order back where it was. */
    OrderState stateBeforeCancel;
    /** The venue refused a cancel of this order at least once. */
    boolean cancelRefused;
    /** Highest live-venue fill number applied: a fill reported twice is applied once. */
    long lastVenueFill;
    /**
     * Mid of the touch in the order's decision record (0 without a two-sided market): what each fill's
     * slippage is measured against. Metrics only, not part of the state hash.
     */
    long arrivalMid;

    void reset(final long orderId, final int strategyId, final int instrumentId, final int side, final OrderType type,
        final long quantity, final long limitPrice, final boolean reduceOnly, final long timeNanos)
    {
        terms(orderId, strategyId, instrumentId, side, type, quantity, limitPrice);
        this.reduceOnly = reduceOnly;
        this.filledQuantity = 0;
        this.filledNotional = 0.0;
        this.fees = 0.0;
        this.state = OrderState.PENDING_NEW;
        this.createdNanos = timeNanos;
        this.updatedNanos = timeNanos;
        this.queueAhead = 0;
        this.lastVenueFill = 0;
        this.stateBeforeCancel = null;
        this.cancelRefused = false;
        this.arrivalMid = 0;
    }

    public long arrivalMid()
    {
        return arrivalMid;
    }

    /** Core thread, when the order is placed. */
    public void arrivalMid(final long mid)
    {
        this.arrivalMid = mid;
    }

    public long filledQuantity()
    {
        return filledQuantity;
    }

    public long leavesQuantity()
    {
        return state.isTerminal() ? 0 : quantity - filledQuantity;
    }

    /** Average fill price in quote currency, or 0 before the first fill. */
    public double averageFillPrice()
    {
        return filledQuantity == 0 ? 0.0 : filledNotional / (filledQuantity / (double)dev.peregrine.core.number.FixedPoint.SCALE);
    }

    public double fees()
    {
        return fees;
    }

    public OrderState state()
    {
        return state;
    }

    public long createdNanos()
    {
        return createdNanos;
    }

    public long updatedNanos()
    {
        return updatedNanos;
    }

    public long queueAhead()
    {
        return queueAhead;
    }

    public boolean reduceOnly()
    {
        return reduceOnly;
    }

    long hash(final long seed)
    {
        long h = Hash64.mix(seed, orderId);
        h = Hash64.mix(h, strategyId);
        h = Hash64.mix(h, instrumentId);
        h = Hash64.mix(h, side);
        h = Hash64.mix(h, type.ordinal());
        h = Hash64.mix(h, quantity);
        h = Hash64.mix(h, limitPrice);
        h = Hash64.mix(h, filledQuantity);
        h = Hash64.mix(h, filledNotional);
        h = Hash64.mix(h, fees);
        h = Hash64.mix(h, state.ordinal());
        h = Hash64.mix(h, createdNanos);
        h = Hash64.mix(h, updatedNanos);
        h = Hash64.mix(h, queueAhead);
        h = Hash64.mix(h, lastVenueFill);
        h = Hash64.mix(h, stateBeforeCancel == null ? -1 : stateBeforeCancel.ordinal());
        h = Hash64.mix(h, cancelRefused ? 1 : 0);
        return Hash64.mix(h, reduceOnly ? 1 : 0);
    }

    @Override
    public String toString()
    {
        return "Order#" + orderId + "{" + state + " " + type + " i" + instrumentId + " side=" + side + " qty=" + quantity +
            " filled=" + filledQuantity + " limit=" + limitPrice + "}";
    }
}
