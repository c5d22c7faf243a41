package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.output.Hash64;

/**
 * What {@link MarketMaker} remembers of one side of its quote: the working order (0 = none), its price and
 * size as sent, when it was placed, and until when the side holds back after a refusal. Mutable, owned by
 * the core thread.
 */
final class QuoteSide
{
    private final int side;
    private final String quoteSignal;
    private final String requoteSignal;

    private long orderId;
    private long price;
    private long size;
    private long placedNanos;
    private long blockedUntilNanos;

    /**
     * @param side          {@link Side#BUY} for the bid, {@link Side#SELL} for the ask
     * @param quoteSignal   the decision signal of a new quote on this side
     * @param requoteSignal the decision signal of a replacement
     */
    QuoteSide(final int side, final String quoteSignal, final String requoteSignal)
    {
        if (side != Side.BUY && side != Side.SELL)
        {
            throw new IllegalArgumentException("a quote side is BUY or SELL, got " + side);
        }
        this.side = side;
        this.quoteSignal = quoteSignal;
        this.requoteSignal = requoteSignal;
    }

    void track(final long orderId, final long price, final long size, final long nowNanos)
    {
        this.orderId = orderId;
        this.price = price;
        this.size = size;
        this.placedNanos = nowNanos;
    }

    void forget()
    {
        orderId = 0;
        price = 0;
        size = 0;
        placedNanos = 0;
    }

    /** Places nothing on this side before {@code untilNanos} (event time). */
    void holdBackUntil(final long untilNanos)
    {
        blockedUntilNanos = untilNanos;
    }

    boolean heldBackAt(final long nowNanos)
    {
        return nowNanos < blockedUntilNanos;
    }

    /** Would a price on this side trade with an opposite order resting at {@code otherPrice}? */
    boolean crosses(final long price, final long otherPrice)
    {
        return side == Side.BUY ? price >= otherPrice : price <= otherPrice;
    }

    int side()
    {
        return side;
    }

    String quoteSignal()
    {
        return quoteSignal;
    }

    String requoteSignal()
    {
        return requoteSignal;
    }

    long orderId()
    {
        return orderId;
    }

    long price()
    {
        return price;
    }

    long placedNanos()
    {
        return placedNanos;
    }

    long hash(final long seed)
    {
        long h = Hash64.mix(seed, orderId);
        h = Hash64.mix(h, price);
        h = Hash64.mix(h, size);
        h = Hash64.mix(h, placedNanos);
        return Hash64.mix(h, blockedUntilNanos);
    }
}
