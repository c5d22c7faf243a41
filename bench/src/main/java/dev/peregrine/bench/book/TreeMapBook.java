package dev.peregrine.bench.book;

import dev.peregrine.core.event.Side;

import java.util.TreeMap;

/**
 * Baseline: the L2 book most Java code starts with, one {@code TreeMap<Long, Long>} per side (price to
 * quantity), quantity 0 removing the level, as {@code OrderBook} does. Every new level costs a tree node
 * and boxed keys and values beyond the {@code Long} cache.
 *
 * <p>The best prices are read with {@code lastKey()} / {@code firstKey()} and {@code get()}, not
 * {@code lastEntry()}, which would add an exported entry object per read: the baseline is not charged for
 * a choice a careful author avoids.
 */
public final class TreeMapBook
{
    private final TreeMap<Long, Long> bids = new TreeMap<>();
    private final TreeMap<Long, Long> asks = new TreeMap<>();

    public void set(final int side, final long price, final long quantity)
    {
        final TreeMap<Long, Long> levels = side == Side.BUY ? bids : asks;
        if (quantity == 0)
        {
            levels.remove(price);
        }
        else
        {
            levels.put(price, quantity);
        }
    }

    public void clear()
    {
        bids.clear();
        asks.clear();
    }

    public long bestBid()
    {
        return bids.isEmpty() ? 0 : bids.lastKey();
    }

    public long bestBidQuantity()
    {
        return bids.isEmpty() ? 0 : bids.get(bids.lastKey());
    }

    public long bestAsk()
    {
        return asks.isEmpty() ? 0 : asks.firstKey();
    }

    public long bestAskQuantity()
    {
        return asks.isEmpty() ? 0 : asks.get(asks.firstKey());
    }

    /** Bids, best (highest) first; for tests. */
    public TreeMap<Long, Long> bids()
    {
        return bids;
    }

    /** Asks, best (lowest) first; for tests. */
    public TreeMap<Long, Long> asks()
    {
        return asks;
    }
}
