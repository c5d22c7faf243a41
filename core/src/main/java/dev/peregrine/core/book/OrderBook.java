package dev.peregrine.core.book;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.output.Hash64;

/**
 * A full-depth L2 book for one instrument, owned by the core thread and built from the venue's
 * snapshot and updates. It knows whether it can be trusted: {@link #isSynced()} is false from the
 * start, after a feed gap, and until the next complete snapshot, and the core does not trade an
 * instrument whose book is not synced.
 */
public final class OrderBook
{
    private final BookSide bids;
    private final BookSide asks;
    private boolean synced;
    private long updates;

    public OrderBook(final int initialDepth)
    {
        bids = new BookSide(true, initialDepth);
        asks = new BookSide(false, initialDepth);
    }

    /** Starts a snapshot: the book is emptied and stays unsynced until {@link #endSnapshot()}. */
    public void beginSnapshot()
    {
        bids.clear();
        asks.clear();
        synced = false;
    }

    public void endSnapshot()
    {
        synced = true;
    }

    /** The feed lost messages: the book may be wrong until the next snapshot. */
    public void invalidate()
    {
        synced = false;
    }

    /** Sets one level; {@code side} is {@link Side#BUY} for bids, {@link Side#SELL} for asks. */
    public void set(final int side, final long price, final long quantity)
    {
        if (side == Side.BUY)
        {
            bids.set(price, quantity);
        }
        else
        {
            asks.set(price, quantity);
        }
        updates++;
    }

    public boolean isSynced()
    {
        return synced;
    }

    /** True when the best bid is at or above the best ask: a sign the book is wrong. */
    public boolean isCrossed()
    {
        return !bids.isEmpty() && !asks.isEmpty() && bids.bestPrice() >= asks.bestPrice();
    }

    public BookSide bids()
    {
        return bids;
    }

    public BookSide asks()
    {
        return asks;
    }

    public long updates()
    {
        return updates;
    }

    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, synced ? 1 : 0);
        h = bids.hash(h);
        return asks.hash(h);
    }
}
