package dev.peregrine.core.order;

/**
 * What an order asks for: who placed it, its id, the instrument, side, type, quantity and limit price.
 * The part a live {@link Order} and the decision record that explains it have in common, kept in one
 * place so both read the same way.
 *
 * <p>A mutable base of pre-allocated, reused flyweights owned by the core thread; the accessors are
 * final, so calls through either subclass stay monomorphic and inline. Quantities and prices are
 * FixedPoint scaled longs.
 */
public abstract class OrderTerms
{
    protected long orderId;
    protected int strategyId;
    protected int instrumentId;
    protected int side;
    protected OrderType type;
    protected long quantity;
    protected long limitPrice;

    /** Sets every term at once: where a pooled record is reused for a new order. */
    protected final void terms(final long orderId, final int strategyId, final int instrumentId, final int side,
        final OrderType type, final long quantity, final long limitPrice)
    {
        this.orderId = orderId;
        this.strategyId = strategyId;
        this.instrumentId = instrumentId;
        this.side = side;
        this.type = type;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
    }

    public final long orderId()
    {
        return orderId;
    }

    /** 0 for orders the engine placed itself (exits, flatten). */
    public final int strategyId()
    {
        return strategyId;
    }

    public final int instrumentId()
    {
        return instrumentId;
    }

    public final int side()
    {
        return side;
    }

    public final OrderType type()
    {
        return type;
    }

    public final long quantity()
    {
        return quantity;
    }

    public final long limitPrice()
    {
        return limitPrice;
    }
}
