package dev.peregrine.core.risk;

import dev.peregrine.core.order.OrderType;

/**
 * The order a risk check judges: one pre-allocated flyweight the execution engine refills for each
 * order, so a check costs no allocation. {@link #referencePrice} is the limit price of a limit order,
 * or the price a market order would take first (the touch); {@link #reducing} is true when the order
 * only brings the position closer to zero without flipping it.
 */
public final class OrderRequest
{
    public int instrumentId;
    public int side;
    public OrderType type;
    public long quantity;
    public long limitPrice;
    public long referencePrice;
    public long timeNanos;
    public boolean reducing;
    /**
     * The strategy asked for a reduce-only order (a perpetual venue's {@code reduceOnly}): it may only bring the
     * position towards zero. Set after {@link #set}, which clears it.
     */
    public boolean reduceOnly;
    /** The strategy placing the order (0: the engine's own), for limits a strategy sets for itself. Set after {@link #set}. */
    public int strategyId;

    /** Refills the flyweight for the next order. */
    public OrderRequest set(final int instrumentId, final int side, final OrderType type, final long quantity,
        final long limitPrice, final long referencePrice, final long timeNanos, final boolean reducing)
    {
        this.instrumentId = instrumentId;
        this.side = side;
        this.type = type;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.referencePrice = referencePrice;
        this.timeNanos = timeNanos;
        this.reducing = reducing;
        this.reduceOnly = false;
        this.strategyId = 0;
        return this;
    }

    /** Notional in quote currency at the reference price (0 when there is no price to value it at). */
    public double notional()
    {
        return dev.peregrine.core.number.FixedPoint.toDouble(referencePrice) *
            dev.peregrine.core.number.FixedPoint.toDouble(quantity);
    }
}
