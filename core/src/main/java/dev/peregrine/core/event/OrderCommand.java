package dev.peregrine.core.event;

/**
 * An order the core decided to send, kept in the slot of the input that caused it until the outbound
 * stage has seen that input journaled. Pre-allocated, overwritten in place.
 */
public final class OrderCommand
{
    public long orderId;
    public int instrumentId;
    public int side;
    public long quantity;
    /** Limit price, or 0 for a market order. */
    public long limitPrice;
    public long eventTimeNanos;

    public void set(
        final long orderId,
        final int instrumentId,
        final int side,
        final long quantity,
        final long limitPrice,
        final long eventTimeNanos)
    {
        this.orderId = orderId;
        this.instrumentId = instrumentId;
        this.side = side;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.eventTimeNanos = eventTimeNanos;
    }
}
