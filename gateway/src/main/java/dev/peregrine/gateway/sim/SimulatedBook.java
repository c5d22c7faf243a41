package dev.peregrine.gateway.sim;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The L2 book of one simulated product: price level to absolute quantity per side, and the levels
 * changed since {@link #clearChanges()}, each once with its last quantity (0: removed), in the order
 * they first changed, which is what one {@code l2_data} update carries. Simulator code on one thread;
 * boxed maps are fine here.
 */
final class SimulatedBook
{
    private final NavigableMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<Long, Long> asks = new TreeMap<>();
    private final Map<Long, Long> bidChanges = new LinkedHashMap<>();
    private final Map<Long, Long> askChanges = new LinkedHashMap<>();

    /** Sets a level's absolute quantity; 0 removes it. */
    void set(final boolean bid, final long price, final long quantity)
    {
        if (quantity < 0 || price <= 0)
        {
            throw new IllegalArgumentException("level " + price + " x " + quantity + " is not a book level");
        }
        final NavigableMap<Long, Long> side = bid ? bids : asks;
        final Long previous = quantity == 0 ? side.remove(price) : side.put(price, quantity);
        if (previous == null && quantity == 0)
        {
            return; // removing a level that is not there changes nothing
        }
        if (previous == null || previous != quantity)
        {
            (bid ? bidChanges : askChanges).put(price, quantity);
        }
    }

    /**
     * Makes {@code bid} and {@code ask} the best levels with the given quantities: bids above the new
     * bid and asks below the new ask are removed, so the book can never cross.
     */
    void moveTop(final long bid, final long bidQuantity, final long ask, final long askQuantity)
    {
        while (!bids.isEmpty() && bids.firstKey() > bid)
        {
            set(true, bids.firstKey(), 0);
        }
        while (!asks.isEmpty() && asks.firstKey() < ask)
        {
            set(false, asks.firstKey(), 0);
        }
        set(true, bid, bidQuantity);
        set(false, ask, askQuantity);
    }

    /** Trims or extends each side to {@code depth} levels at the far end, {@code gap} ticks apart. */
    void keepDepth(final int depth, final long tick, final java.util.function.IntSupplier gapTicks,
        final java.util.function.LongUnaryOperator sizeAt)
    {
        while (bids.size() > depth)
        {
            set(true, bids.lastKey(), 0);
        }
        while (asks.size() > depth)
        {
            set(false, asks.lastKey(), 0);
        }
        while (bids.size() < depth)
        {
            final long price = bids.lastKey() - gapTicks.getAsInt() * tick;
            if (price <= 0)
            {
                break;
            }
            set(true, price, sizeAt.applyAsLong(price));
        }
        while (asks.size() < depth)
        {
            final long price = asks.lastKey() + gapTicks.getAsInt() * tick;
            set(false, price, sizeAt.applyAsLong(price));
        }
    }

    void clearChanges()
    {
        bidChanges.clear();
        askChanges.clear();
    }

    boolean hasChanges()
    {
        return !bidChanges.isEmpty() || !askChanges.isEmpty();
    }

    /** Changed bid levels since {@link #clearChanges()}: price to new quantity, 0 for removed. */
    Map<Long, Long> bidChanges()
    {
        return Collections.unmodifiableMap(bidChanges);
    }

    Map<Long, Long> askChanges()
    {
        return Collections.unmodifiableMap(askChanges);
    }

    /** Bids, best (highest) first. */
    NavigableMap<Long, Long> bids()
    {
        return Collections.unmodifiableNavigableMap(bids);
    }

    /** Asks, best (lowest) first. */
    NavigableMap<Long, Long> asks()
    {
        return Collections.unmodifiableNavigableMap(asks);
    }

    long quantity(final boolean bid, final long price)
    {
        final Long quantity = (bid ? bids : asks).get(price);
        return quantity == null ? 0 : quantity;
    }
}
