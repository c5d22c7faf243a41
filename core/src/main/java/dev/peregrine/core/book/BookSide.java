package dev.peregrine.core.book;

import dev.peregrine.core.output.Hash64;

/**
 * One side of a full-depth L2 book, built for real depth (a BTC-USD side holds 20,000-30,000 levels spread
 * over millions of ticks, and updates land a median hundreds of levels from the touch): every update costs
 * O(1) near the touch and O(log n) with a bounded shift far from it, the best level is read in O(1), and
 * nothing is allocated per level.
 *
 * <p>Two structures share the levels, each price in exactly one of them:
 * <ul>
 *   <li>a {@link PriceLadder}: an array indexed by tick over a window of ticks near the touch, with an
 *       occupancy bitmap, holding every on-grid level inside the window: an update is a store and a bit;</li>
 *   <li>{@link SortedLevels}: blocked sorted arrays for the rest, levels beyond the window (deep, sparse,
 *       rarely touched) and any price off the tick grid, so a wrong or changed tick costs speed, never
 *       correctness.</li>
 * </ul>
 * The window follows the touch with hysteresis: it is placed with {@link #headroom} empty ticks better
 * than the best level, moves when a better on-grid price arrives beyond it, and moves back when the best
 * level has drifted past the middle of the window (or the ladder empties). A move evicts the levels that
 * leave the window to the sorted part and adopts the ones that enter; levels that stay do not move.
 *
 * <p>Walking levels from the touch ({@link #priceAt}, {@link #quantityAt} for level 0, 1, 2, ...) merges
 * the two parts in price order behind a cursor, so a sequential walk is O(1) per level; going backwards,
 * or any update, restarts the walk from the touch. A quantity of 0 removes the level, as on Coinbase
 * {@code l2_data} and Binance depth diffs.
 */
public final class BookSide
{
    private final boolean bids;
    private final long tick;
    private final long headroom;
    private final PriceLadder ladder;
    private final SortedLevels sorted;

    // The walk: the level it stands on, and the next unvisited level of each part.
    private int cursorLevel = -1;
    private long cursorPrice;
    private long cursorQuantity;
    private long nextLadderKey;
    private int nextBlock;
    private int nextIndex;

    /**
     * @param bids            true for the bid side (best = highest price), false for asks
     * @param tick            the instrument's price increment in the same scaled units as prices; prices
     *                        off this grid still work, in the slower sorted part
     * @param windowTicks     ticks the ladder covers, a power of two >= 4096; costs 8 bytes per tick
     * @param initialDepth    levels the sorted part holds before its pool first grows
     */
    public BookSide(final boolean bids, final long tick, final int windowTicks, final int initialDepth)
    {
        if (tick < 1)
        {
            throw new IllegalArgumentException("tick must be >= 1 (the instrument's price increment), was " + tick);
        }
        if (initialDepth < 1)
        {
            throw new IllegalArgumentException("initial depth must be >= 1, was " + initialDepth);
        }
        this.bids = bids;
        this.tick = tick;
        this.ladder = new PriceLadder(windowTicks);
        this.headroom = windowTicks >>> 2;
        this.sorted = new SortedLevels(initialDepth);
    }

    /** A side whose grid is the scaled unit itself (tick 1): for tests that use small integer prices. */
    public BookSide(final boolean bids, final int initialDepth)
    {
        this(bids, 1, OrderBook.DEFAULT_WINDOW_TICKS, initialDepth);
    }

    /** Sets the level at {@code price} to {@code quantity} (absolute size); 0 removes it. */
    public void set(final long price, final long quantity)
    {
        cursorLevel = -1;
        final long ticks = Math.floorDiv(price, tick); // one division per update: the grid test reuses it
        if (ticks * tick != price)
        {
            sorted.set(orient(price), quantity);
            return;
        }
        final long key = bids ? -ticks : ticks;
        if (ladder.inWindow(key))
        {
            if (ladder.set(key, quantity))
            {
                followTouchAway();
            }
            return;
        }
        if (quantity != 0 && (ladder.isEmpty() || key < ladder.low()))
        {
            moveWindow(key - headroom); // a new touch beyond the window (or the first level): follow it
            ladder.set(key, quantity);
            return;
        }
        sorted.set(orient(price), quantity);
    }

    /** The best ladder level was removed: re-centre if the touch has drifted deep into the window. */
    private void followTouchAway()
    {
        final long best = ladder.bestKey();
        if (best == PriceLadder.NONE)
        {
            if (!sorted.isEmpty())
            {
                final long price = price(sorted.firstKey());
                if (Math.floorMod(price, tick) == 0)
                {
                    moveWindow(ladderKey(price) - headroom);
                }
            }
        }
        else if (best - ladder.low() >= ladder.capacity() >>> 1)
        {
            moveWindow(best - headroom);
        }
    }

    /** Moves the window to start at {@code newLow}: evicts leaving levels, then adopts entering ones. */
    private void moveWindow(final long newLow)
    {
        if (!ladder.isPlaced())
        {
            ladder.place(newLow);
        }
        else
        {
            for (long key = ladder.nextKey(ladder.low()); key != PriceLadder.NONE; key = ladder.nextKey(key + 1))
            {
                if (key - newLow < 0 || key - newLow >= ladder.capacity())
                {
                    sorted.set(orient(tickPrice(key)), ladder.get(key));
                    ladder.set(key, 0);
                }
            }
            ladder.moveTo(newLow);
        }
        final long last = orient(tickPrice(newLow + ladder.capacity() - 1));
        long at = sorted.ceilingKey(orient(tickPrice(newLow)), Long.MAX_VALUE);
        while (at <= last)
        {
            final long price = price(at);
            if (Math.floorMod(price, tick) == 0)
            {
                final long quantity = sorted.get(at);
                sorted.set(at, 0);
                ladder.set(ladderKey(price), quantity);
            }
            if (at == Long.MAX_VALUE)
            {
                break;
            }
            at = sorted.ceilingKey(at + 1, Long.MAX_VALUE);
        }
    }

    public void clear()
    {
        ladder.clear();
        sorted.clear();
        cursorLevel = -1;
    }

    public int depth()
    {
        return ladder.count() + sorted.size();
    }

    /** Levels held in the ladder (the rest are in the sorted part): for tests of the layout. */
    int ladderDepth()
    {
        return ladder.count();
    }

    public boolean isEmpty()
    {
        return depth() == 0;
    }

    /** Best price, or 0 when the side is empty. */
    public long bestPrice()
    {
        if (ladderIsBest())
        {
            return tickPrice(ladder.bestKey());
        }
        return sorted.isEmpty() ? 0 : price(sorted.firstKey());
    }

    /** Quantity at the best price, or 0 when the side is empty. */
    public long bestQuantity()
    {
        if (ladderIsBest())
        {
            return ladder.get(ladder.bestKey());
        }
        return sorted.isEmpty() ? 0 : sorted.firstQuantity();
    }

    private boolean ladderIsBest()
    {
        final long best = ladder.bestKey();
        return best != PriceLadder.NONE && (sorted.isEmpty() || orient(tickPrice(best)) < sorted.firstKey());
    }

    /** Price {@code level} levels from the touch (0 = best); O(1) when levels are read in order. */
    public long priceAt(final int level)
    {
        walkTo(level);
        return cursorPrice;
    }

    /** Quantity {@code level} levels from the touch (0 = best); O(1) when levels are read in order. */
    public long quantityAt(final int level)
    {
        walkTo(level);
        return cursorQuantity;
    }

    /** Quantity at exactly {@code price}, or 0. */
    public long quantityAtPrice(final long price)
    {
        if (Math.floorMod(price, tick) == 0)
        {
            final long key = ladderKey(price);
            if (ladder.inWindow(key))
            {
                return ladder.get(key);
            }
        }
        return sorted.get(orient(price));
    }

    /** Mixes every level, best first, into {@code seed}: depends only on the levels, not on the layout. */
    public long hash(final long seed)
    {
        final int depth = depth();
        long h = Hash64.mix(seed, depth);
        for (int level = 0; level < depth; level++)
        {
            walkTo(level);
            h = Hash64.mix(h, cursorPrice);
            h = Hash64.mix(h, cursorQuantity);
        }
        return h;
    }

    private void walkTo(final int level)
    {
        if (level < 0 || level >= depth())
        {
            throw new IndexOutOfBoundsException("level " + level + " of a side " + depth() + " levels deep");
        }
        if (level < cursorLevel || cursorLevel < 0)
        {
            cursorLevel = -1;
            nextLadderKey = ladder.bestKey();
            nextBlock = 0;
            nextIndex = 0;
        }
        while (cursorLevel < level)
        {
            step();
        }
    }

    /** Advances the walk one level: the better of the next ladder level and the next sorted level. */
    private void step()
    {
        final boolean sortedLeft = nextBlock < sorted.blockCount();
        final long sortedKey = sortedLeft ? sorted.keyAt(nextBlock, nextIndex) : Long.MAX_VALUE;
        if (nextLadderKey != PriceLadder.NONE &&
            (!sortedLeft || orient(tickPrice(nextLadderKey)) < sortedKey))
        {
            cursorPrice = tickPrice(nextLadderKey);
            cursorQuantity = ladder.get(nextLadderKey);
            nextLadderKey = ladder.nextKey(nextLadderKey + 1);
        }
        else
        {
            cursorPrice = price(sortedKey);
            cursorQuantity = sorted.quantityAt(nextBlock, nextIndex);
            if (++nextIndex == sorted.blockSize(nextBlock))
            {
                nextBlock++;
                nextIndex = 0;
            }
        }
        cursorLevel++;
    }

    /** Oriented tick key of an on-grid price: ascending = worse on both sides. */
    private long ladderKey(final long price)
    {
        final long ticks = Math.floorDiv(price, tick);
        return bids ? -ticks : ticks;
    }

    private long tickPrice(final long key)
    {
        return (bids ? -key : key) * tick;
    }

    /** Sorted-part key of a price: ascending = worse on both sides ({@code ~} reverses without overflow). */
    private long orient(final long price)
    {
        return bids ? ~price : price;
    }

    /** Inverse of {@link #orient}. */
    private long price(final long key)
    {
        return bids ? ~key : key;
    }
}
