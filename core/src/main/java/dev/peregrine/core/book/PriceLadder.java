package dev.peregrine.core.book;

import java.util.Arrays;

/**
 * The dense part of a {@link BookSide}: quantities in a primitive array indexed by price tick over a
 * window of {@code capacity} consecutive ticks near the touch, with an occupancy bitmap to find the next
 * occupied tick when the best level goes. Setting, reading or removing a level is one array store and one
 * bit flip, whatever its depth inside the window; no objects per level.
 *
 * <p>Keys are <em>oriented ticks</em>: ascending key means a worse price on either side ({@code BookSide}
 * maps a bid's tick {@code t} to {@code -t} and an ask's to {@code t}), so "best" is always the lowest
 * occupied key and one implementation serves both sides.
 *
 * <p>The window {@code [low, low + capacity)} is a ring: a key lives in slot {@code key & mask} whatever
 * {@code low} is, so moving the window ({@link #moveTo}) leaves every level that stays inside it where it
 * is; the caller evicts the ones that fall outside first. The bitmap has a summary level (one bit per
 * non-empty word) so that finding the next level scans at most {@code capacity / 4096} summary words plus
 * two bitmap words, even across a long empty stretch.
 *
 * <p>Memory: {@code capacity * 8} bytes of quantities plus {@code capacity / 8} bytes of bitmap, allocated
 * on first use so that an instrument that never sends a book costs nothing.
 */
final class PriceLadder
{
    /** Returned by {@link #nextKey} and {@link #bestKey} when there is no such level. */
    static final long NONE = Long.MAX_VALUE;

    private final int capacity;
    private final int mask;
    private long[] quantities;
    private long[] words;
    private long[] summary;
    private long low;
    private boolean placed;
    private int count;
    private long bestKey = NONE;

    PriceLadder(final int capacity)
    {
        if (capacity < 4096 || Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException(
                "ladder capacity must be a power of two >= 4096 ticks, was " + capacity);
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
    }

    int capacity()
    {
        return capacity;
    }

    /** False until the window is first placed, and again after {@link #clear()}. */
    boolean isPlaced()
    {
        return placed;
    }

    long low()
    {
        return low;
    }

    /** True if {@code key} falls inside the placed window. */
    boolean inWindow(final long key)
    {
        return placed && key - low >= 0 && key - low < capacity;
    }

    int count()
    {
        return count;
    }

    boolean isEmpty()
    {
        return count == 0;
    }

    /** Lowest (best) occupied key, or {@link #NONE}. */
    long bestKey()
    {
        return bestKey;
    }

    /** Quantity at {@code key}, which must be in the window; 0 if empty. */
    long get(final long key)
    {
        return quantities[(int)key & mask];
    }

    /**
     * Sets {@code key} (in the window) to {@code quantity}, 0 removing it. Returns true if this removed
     * the best level, so the caller can decide whether the window should follow the touch.
     */
    boolean set(final long key, final long quantity)
    {
        final int slot = (int)key & mask;
        // Whether the tick held a level comes from the bitmap (1 bit a tick: stays in cache), not from the
        // quantity (8 bytes a tick over megabytes: an update far from the last one misses the cache). The
        // quantity is then only stored, and a store that misses does not stall the update as a load does.
        final boolean occupied = (words[slot >>> 6] & (1L << slot)) != 0;
        quantities[slot] = quantity;
        if (quantity != 0)
        {
            if (!occupied)
            {
                occupy(slot);
                count++;
                if (key < bestKey)
                {
                    bestKey = key;
                }
            }
            return false;
        }
        if (!occupied)
        {
            return false;
        }
        vacate(slot);
        count--;
        if (key == bestKey)
        {
            bestKey = count == 0 ? NONE : nextKey(key + 1);
            return true;
        }
        return false;
    }

    /** Lowest occupied key at or above {@code from} inside the window, or {@link #NONE}. */
    long nextKey(final long from)
    {
        if (count == 0 || from - low >= capacity)
        {
            return NONE;
        }
        final long start = from - low < 0 ? low : from;
        final int startSlot = (int)start & mask;
        final int slot = nextSetSlotCircular(startSlot);
        final long key = start + ((slot - startSlot) & mask);
        // The ring wraps: a slot found "behind" start holds a key below start, i.e. none is left above it.
        return key - low < capacity ? key : NONE;
    }

    /** Places an empty ladder's window at {@code newLow}, allocating it on first use. */
    void place(final long newLow)
    {
        if (quantities == null)
        {
            quantities = new long[capacity];
            words = new long[capacity >>> 6];
            summary = new long[Math.max(1, capacity >>> 12)];
        }
        low = newLow;
        placed = true;
    }

    /** Moves the window; every occupied key must already lie inside {@code [newLow, newLow + capacity)}. */
    void moveTo(final long newLow)
    {
        low = newLow;
    }

    /** Empties the ladder and forgets its window; costs the occupied words, not the whole window. */
    void clear()
    {
        if (quantities != null && count > 0)
        {
            for (int w = 0; w < words.length; w++)
            {
                long bits = words[w];
                while (bits != 0)
                {
                    quantities[(w << 6) + Long.numberOfTrailingZeros(bits)] = 0;
                    bits &= bits - 1;
                }
            }
            Arrays.fill(words, 0);
            Arrays.fill(summary, 0);
        }
        count = 0;
        bestKey = NONE;
        placed = false;
    }

    private void occupy(final int slot)
    {
        final int w = slot >>> 6;
        if (words[w] == 0)
        {
            summary[w >>> 6] |= 1L << w;
        }
        words[w] |= 1L << slot;
    }

    private void vacate(final int slot)
    {
        final int w = slot >>> 6;
        words[w] &= ~(1L << slot);
        if (words[w] == 0)
        {
            summary[w >>> 6] &= ~(1L << w);
        }
    }

    /** First occupied slot at or after {@code slot}, wrapping round the ring; the ladder is not empty. */
    private int nextSetSlotCircular(final int slot)
    {
        final int w = slot >>> 6;
        final long bits = words[w] & (-1L << slot);
        if (bits != 0)
        {
            return (w << 6) + Long.numberOfTrailingZeros(bits);
        }
        int next = w + 1 < words.length ? nextNonEmptyWord(w + 1) : -1;
        if (next < 0)
        {
            next = nextNonEmptyWord(0); // wrapped: at worst word w itself, whose bits below slot remain
        }
        return (next << 6) + Long.numberOfTrailingZeros(words[next]);
    }

    /** First word at or after {@code from} with a bit set, found through the summary; -1 if none. */
    private int nextNonEmptyWord(final int from)
    {
        int s = from >>> 6;
        long bits = summary[s] & (-1L << from);
        while (bits == 0)
        {
            if (++s == summary.length)
            {
                return -1;
            }
            bits = summary[s];
        }
        return (s << 6) + Long.numberOfTrailingZeros(bits);
    }
}
