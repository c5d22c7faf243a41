package dev.peregrine.bench.book;

/**
 * PREVIEW OF A CORE FIX, NOT PART OF THE ENGINE: a copy of core's {@code BookSide} with the one change
 * that makes it correct. Core's touch-first linear scan in {@code find} has its comparison inverted (a
 * price better than the level it meets is sent further from the touch, a worse one is inserted beyond
 * it), so levels end up out of order and {@code bestPrice()} is wrong: three bids set to 100, 99, 98 give
 * a best bid of 98. {@code BookAgreementTest} shows it on the real stream. Measured beside core's
 * {@code OrderBook} so the figures show what the fixed book costs; delete this class once core is fixed.
 *
 * <p>Core's Javadoc follows.
 *
 * One side of a full-depth L2 book: price levels kept sorted in two parallel primitive arrays with
 * the best price at the <em>end</em>, so the best level is read in O(1) and the common update (a level
 * at or near the touch) shifts only the few levels beyond it. Far levels, which change rarely, cost a
 * binary search and a longer {@code System.arraycopy} of primitives: still no objects per level, no
 * boxing, no tree nodes, and the arrays grow only when the book is deeper than ever before.
 *
 * <p>Bids are stored ascending (best = highest, at the end), asks descending (best = lowest, at the
 * end). A quantity of 0 removes the level, as on Coinbase {@code l2_data} and Binance depth diffs.
 */
public final class PatchedBookSide
{
    private final boolean bids;
    private long[] prices;
    private long[] quantities;
    private int size;

    public PatchedBookSide(final boolean bids, final int initialCapacity)
    {
        if (initialCapacity < 1)
        {
            throw new IllegalArgumentException("initial capacity must be >= 1, was " + initialCapacity);
        }
        this.bids = bids;
        this.prices = new long[initialCapacity];
        this.quantities = new long[initialCapacity];
    }

    /** Sets the level at {@code price} to {@code quantity} (absolute size); 0 removes it. */
    public void set(final long price, final long quantity)
    {
        final int index = find(price);
        if (index >= 0)
        {
            if (quantity == 0)
            {
                final int tail = size - index - 1;
                if (tail > 0)
                {
                    System.arraycopy(prices, index + 1, prices, index, tail);
                    System.arraycopy(quantities, index + 1, quantities, index, tail);
                }
                size--;
            }
            else
            {
                quantities[index] = quantity;
            }
            return;
        }
        if (quantity == 0)
        {
            return; // removing a level we do not have: nothing to do (venues send these after a trade)
        }
        final int insertAt = -index - 1;
        if (size == prices.length)
        {
            grow();
        }
        final int tail = size - insertAt;
        if (tail > 0)
        {
            System.arraycopy(prices, insertAt, prices, insertAt + 1, tail);
            System.arraycopy(quantities, insertAt, quantities, insertAt + 1, tail);
        }
        prices[insertAt] = price;
        quantities[insertAt] = quantity;
        size++;
    }

    /**
     * Index of {@code price} if present, else {@code -(insertion point) - 1}. Searches from the touch
     * first: most updates land within a few levels of it, where a short linear scan beats bisection.
     */
    private int find(final long price)
    {
        final int scan = Math.min(size, 8);
        for (int i = size - 1; i >= size - scan; i--)
        {
            final long p = prices[i];
            if (p == price)
            {
                return i;
            }
            if (better(price, p))
            {
                return -(i + 1) - 1; // better than p: it belongs just beyond p, nearer the end
            }
            // worse than p: keep walking away from the touch
        }
        if (scan == size)
        {
            return -(size - scan) - 1;
        }
        int low = 0;
        int high = size - scan - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long p = prices[mid];
            if (p == price)
            {
                return mid;
            }
            if (better(price, p))
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return -low - 1;
    }

    /** True if {@code a} is a better price than {@code b} on this side (and so sits nearer the end). */
    private boolean better(final long a, final long b)
    {
        return bids ? a > b : a < b;
    }

    private void grow()
    {
        final int capacity = prices.length * 2;
        prices = java.util.Arrays.copyOf(prices, capacity);
        quantities = java.util.Arrays.copyOf(quantities, capacity);
    }

    public void clear()
    {
        size = 0;
    }

    public int depth()
    {
        return size;
    }

    public boolean isEmpty()
    {
        return size == 0;
    }

    /** Best price, or 0 when the side is empty. */
    public long bestPrice()
    {
        return size == 0 ? 0 : prices[size - 1];
    }

    /** Quantity at the best price, or 0 when the side is empty. */
    public long bestQuantity()
    {
        return size == 0 ? 0 : quantities[size - 1];
    }

    /** Price {@code level} levels from the touch (0 = best). */
    public long priceAt(final int level)
    {
        return prices[size - 1 - level];
    }

    /** Quantity {@code level} levels from the touch (0 = best). */
    public long quantityAt(final int level)
    {
        return quantities[size - 1 - level];
    }

    /** Quantity at exactly {@code price}, or 0. */
    public long quantityAtPrice(final long price)
    {
        final int index = find(price);
        return index >= 0 ? quantities[index] : 0;
    }
}
