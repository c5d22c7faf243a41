package dev.peregrine.core.event;

/**
 * An order the core decided to send, kept in the slot of the input that caused it until the outbound
 * stage has seen that input journaled. Pre-allocated, overwritten in place.
 */
public final class OrderCommand
{
    /** Send a new order. */
    public static final int NEW = 1;
    /** Cancel the open order {@link #orderId}. */
    public static final int CANCEL = 2;

    /** {@link #NEW} or {@link #CANCEL}. */
    public int action;
    /** {@code OrderType} ordinal of a NEW order. */
    public int orderType;
    public long orderId;
    public int instrumentId;
    public int side;
    public long quantity;
    /** Limit price, or 0 for a market order. */
    public long limitPrice;
    public long eventTimeNanos;
    /**
     * A NEW order the strategy asked to be reduce-only: the venue must refuse or shrink it rather than let it
     * open or grow a position (Binance USD-M {@code reduceOnly=true}). Set after {@link #set}, which clears it.
     */
    public boolean reduceOnly;

    public void set(
        final int action,
        final int orderType,
        final long orderId,
        final int instrumentId,
        final int side,
        final long quantity,
        final long limitPrice,
        final long eventTimeNanos)
    {
        this.action = action;
        this.orderType = orderType;
        this.orderId = orderId;
        this.instrumentId = instrumentId;
        this.side = side;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.eventTimeNanos = eventTimeNanos;
        this.reduceOnly = false;
    }
}
