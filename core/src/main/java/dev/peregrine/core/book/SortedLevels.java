package dev.peregrine.core.book;

import java.util.Arrays;

/**
 * The sparse part of a {@link BookSide}: levels outside the {@link PriceLadder}'s window (far from the
 * touch, or off the tick grid), kept sorted by key in fixed-size blocks of primitive arrays, in the
 * manner of a two-level B+-tree. A sorted flat array is cheap to read but an insert or delete shifts every
 * level between it and the end; on a real BTC-USD book the levels beyond the ladder number tens of
 * thousands and updates land thousands of levels deep, so a flat array would move kilobytes per update.
 * Here an update costs a binary search of the block directory, one inside a block, and a shift of at most
 * {@link #BLOCK} entries; a full block splits in two, an emptied or near-empty one is returned or merged.
 *
 * <p>Keys ascend from best to worst ({@code BookSide} stores a bid's price as {@code ~price}). Blocks come
 * from a pool that grows (doubling) only when the side is deeper than ever before, so the steady state
 * allocates nothing.
 */
final class SortedLevels
{
    /** Entries per block: bounds the shift per update; 64 x 2 longs is two kilobytes of block. */
    static final int BLOCK = 64;
    private static final int SHIFT = 6;

    private long[] keys;
    private long[] quantities;
    private int[] blockSizes;
    private int[] freeBlocks;
    private int freeCount;
    /** The directory: block ids in key order, and each one's first key, for the first binary search. */
    private int[] order;
    private long[] firstKeys;
    private int blockCount;
    private int size;

    SortedLevels(final int initialLevels)
    {
        final int blocks = Math.max(2, (initialLevels + BLOCK - 1) / BLOCK * 2);
        keys = new long[blocks << SHIFT];
        quantities = new long[blocks << SHIFT];
        blockSizes = new int[blocks];
        freeBlocks = new int[blocks];
        for (int b = blocks - 1; b >= 0; b--)
        {
            freeBlocks[freeCount++] = b;
        }
        order = new int[blocks];
        firstKeys = new long[blocks];
    }

    int size()
    {
        return size;
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    /** Lowest key; the side must not be empty. */
    long firstKey()
    {
        return keys[order[0] << SHIFT];
    }

    long firstQuantity()
    {
        return quantities[order[0] << SHIFT];
    }

    /** Blocks in key order, for walking the levels: {@link #blockSize}, {@link #keyAt}, {@link #quantityAt}. */
    int blockCount()
    {
        return blockCount;
    }

    int blockSize(final int block)
    {
        return blockSizes[order[block]];
    }

    long keyAt(final int block, final int index)
    {
        return keys[(order[block] << SHIFT) + index];
    }

    long quantityAt(final int block, final int index)
    {
        return quantities[(order[block] << SHIFT) + index];
    }

    /** Quantity at {@code key}, or 0. */
    long get(final long key)
    {
        if (size == 0)
        {
            return 0;
        }
        final int base = order[blockOf(key)] << SHIFT;
        final int index = Arrays.binarySearch(keys, base, base + blockSizes[base >>> SHIFT], key);
        return index >= 0 ? quantities[index] : 0;
    }

    /**
     * Smallest key at or above {@code key}, or {@code absent} if there is none. Encodes nothing about its
     * position: the caller re-finds it, which is fine for the rare window moves that use it.
     */
    long ceilingKey(final long key, final long absent)
    {
        if (size == 0)
        {
            return absent;
        }
        for (int d = blockOf(key); d < blockCount; d++)
        {
            final int base = order[d] << SHIFT;
            final int end = base + blockSizes[order[d]];
            final int index = Arrays.binarySearch(keys, base, end, key);
            final int at = index >= 0 ? index : -index - 1;
            if (at < end)
            {
                return keys[at];
            }
        }
        return absent;
    }

    /** Sets {@code key} to {@code quantity}; 0 removes it. */
    void set(final long key, final long quantity)
    {
        if (quantity == 0)
        {
            remove(key);
            return;
        }
        if (size == 0)
        {
            final int b = allocateBlock();
            insertDirectory(0, b, key);
            keys[b << SHIFT] = key;
            quantities[b << SHIFT] = quantity;
            blockSizes[b] = 1;
            size = 1;
            return;
        }
        int d = blockOf(key);
        int b = order[d];
        int base = b << SHIFT;
        final int index = Arrays.binarySearch(keys, base, base + blockSizes[b], key);
        if (index >= 0)
        {
            quantities[index] = quantity;
            return;
        }
        int at = -index - 1 - base;
        if (blockSizes[b] == BLOCK)
        {
            final int half = BLOCK >>> 1;
            final int upper = allocateBlock();
            System.arraycopy(keys, base + half, keys, upper << SHIFT, half);
            System.arraycopy(quantities, base + half, quantities, upper << SHIFT, half);
            blockSizes[b] = half;
            blockSizes[upper] = half;
            insertDirectory(d + 1, upper, keys[upper << SHIFT]);
            if (at > half)
            {
                d++;
                b = upper;
                base = b << SHIFT;
                at -= half;
            }
        }
        final int tail = blockSizes[b] - at;
        System.arraycopy(keys, base + at, keys, base + at + 1, tail);
        System.arraycopy(quantities, base + at, quantities, base + at + 1, tail);
        keys[base + at] = key;
        quantities[base + at] = quantity;
        blockSizes[b]++;
        size++;
        if (at == 0)
        {
            firstKeys[d] = key;
        }
    }

    private void remove(final long key)
    {
        if (size == 0)
        {
            return;
        }
        final int d = blockOf(key);
        final int b = order[d];
        final int base = b << SHIFT;
        final int index = Arrays.binarySearch(keys, base, base + blockSizes[b], key);
        if (index < 0)
        {
            return; // removing a level we do not have: venues send these after a trade
        }
        final int at = index - base;
        final int tail = blockSizes[b] - at - 1;
        System.arraycopy(keys, index + 1, keys, index, tail);
        System.arraycopy(quantities, index + 1, quantities, index, tail);
        size--;
        if (--blockSizes[b] == 0)
        {
            removeDirectory(d);
            freeBlocks[freeCount++] = b;
            return;
        }
        if (at == 0)
        {
            firstKeys[d] = keys[base];
        }
        // Keep blocks reasonably full, or a long churn could leave the side spread thinly over many blocks.
        if (blockSizes[b] < BLOCK >>> 2 && d + 1 < blockCount)
        {
            final int next = order[d + 1];
            final int nextSize = blockSizes[next];
            if (blockSizes[b] + nextSize <= BLOCK >>> 1)
            {
                System.arraycopy(keys, next << SHIFT, keys, base + blockSizes[b], nextSize);
                System.arraycopy(quantities, next << SHIFT, quantities, base + blockSizes[b], nextSize);
                blockSizes[b] += nextSize;
                blockSizes[next] = 0;
                removeDirectory(d + 1);
                freeBlocks[freeCount++] = next;
            }
        }
    }

    /** Returns every block to the pool; keeps the pool. */
    void clear()
    {
        for (int d = 0; d < blockCount; d++)
        {
            blockSizes[order[d]] = 0;
            freeBlocks[freeCount++] = order[d];
        }
        blockCount = 0;
        size = 0;
    }

    /** Directory index of the last block whose first key is at or below {@code key}; 0 if none is. */
    private int blockOf(final long key)
    {
        int lowIndex = 0;
        int highIndex = blockCount - 1;
        while (lowIndex < highIndex)
        {
            final int mid = (lowIndex + highIndex + 1) >>> 1;
            if (firstKeys[mid] <= key)
            {
                lowIndex = mid;
            }
            else
            {
                highIndex = mid - 1;
            }
        }
        return lowIndex;
    }

    private void insertDirectory(final int d, final int block, final long firstKey)
    {
        if (blockCount == order.length)
        {
            order = Arrays.copyOf(order, blockCount * 2);
            firstKeys = Arrays.copyOf(firstKeys, blockCount * 2);
        }
        System.arraycopy(order, d, order, d + 1, blockCount - d);
        System.arraycopy(firstKeys, d, firstKeys, d + 1, blockCount - d);
        order[d] = block;
        firstKeys[d] = firstKey;
        blockCount++;
    }

    private void removeDirectory(final int d)
    {
        System.arraycopy(order, d + 1, order, d, blockCount - d - 1);
        System.arraycopy(firstKeys, d + 1, firstKeys, d, blockCount - d - 1);
        blockCount--;
    }

    /** A free block, growing the pool (the only allocation) when the side is deeper than ever before. */
    private int allocateBlock()
    {
        if (freeCount == 0)
        {
            final int blocks = blockSizes.length;
            keys = Arrays.copyOf(keys, (blocks * 2) << SHIFT);
            quantities = Arrays.copyOf(quantities, (blocks * 2) << SHIFT);
            blockSizes = Arrays.copyOf(blockSizes, blocks * 2);
            freeBlocks = new int[blocks * 2];
            for (int b = blocks * 2 - 1; b >= blocks; b--)
            {
                freeBlocks[freeCount++] = b;
            }
        }
        return freeBlocks[--freeCount];
    }
}
