package dev.peregrine.gateway.binance;

/**
 * The depth diffs that arrive while a snapshot is awaited, in arrival order, held in arrays allocated
 * once: per diff its first and last update id ({@code U}, {@code u}), exchange time and level range;
 * per level its side, price and quantity. Two bounds (diffs and levels) keep the memory fixed; a diff
 * that does not fit is refused and the caller decides (the sync empties the buffer and resyncs).
 *
 * <p>Consumed from the front ({@link #dropFirst()}); the live part is moved back to index 0 only when
 * a new diff needs the room, which in practice means never: the buffer is emptied by each snapshot.
 */
public final class DepthDiffBuffer
{
    private final long[] firstIds;
    private final long[] lastIds;
    private final long[] exchangeTimes;
    private final int[] levelStarts;
    private final int[] levelCounts;
    private final int[] sides;
    private final long[] prices;
    private final long[] quantities;
    private int head;
    private int tail;
    private int levelTail;

    public DepthDiffBuffer(final int maxDiffs, final int maxLevels)
    {
        if (maxDiffs < 1 || maxLevels < 1)
        {
            throw new IllegalArgumentException("diff buffer bounds must be >= 1, were " + maxDiffs + " diffs and " +
                maxLevels + " levels");
        }
        firstIds = new long[maxDiffs];
        lastIds = new long[maxDiffs];
        exchangeTimes = new long[maxDiffs];
        levelStarts = new int[maxDiffs];
        levelCounts = new int[maxDiffs];
        sides = new int[maxLevels];
        prices = new long[maxLevels];
        quantities = new long[maxLevels];
    }

    public int size()
    {
        return tail - head;
    }

    public boolean isEmpty()
    {
        return head == tail;
    }

    public void clear()
    {
        head = 0;
        tail = 0;
        levelTail = 0;
    }

    /** Appends a copy of the diff; false (and nothing changed) if it does not fit the bounds. */
    public boolean add(final long firstId, final long lastId, final long exchangeTimeNanos, final DepthLevels levels)
    {
        final int count = levels.size();
        if (tail == firstIds.length || levelTail + count > prices.length)
        {
            compact();
            if (tail == firstIds.length || levelTail + count > prices.length)
            {
                return false;
            }
        }
        firstIds[tail] = firstId;
        lastIds[tail] = lastId;
        exchangeTimes[tail] = exchangeTimeNanos;
        levelStarts[tail] = levelTail;
        levelCounts[tail] = count;
        for (int i = 0; i < count; i++)
        {
            sides[levelTail + i] = levels.side(i);
            prices[levelTail + i] = levels.price(i);
            quantities[levelTail + i] = levels.quantity(i);
        }
        levelTail += count;
        tail++;
        return true;
    }

    /** Removes the oldest diff. */
    public void dropFirst()
    {
        head++;
        if (head == tail)
        {
            clear();
        }
    }

    public long firstId(final int index)
    {
        return firstIds[head + index];
    }

    public long lastId(final int index)
    {
        return lastIds[head + index];
    }

    public long exchangeTime(final int index)
    {
        return exchangeTimes[head + index];
    }

    /** Copies the levels of diff {@code index} into {@code into} (cleared first). */
    public void copyLevels(final int index, final DepthLevels into)
    {
        into.clear();
        final int start = levelStarts[head + index];
        final int end = start + levelCounts[head + index];
        for (int i = start; i < end; i++)
        {
            into.add(sides[i], prices[i], quantities[i]);
        }
    }

    private void compact()
    {
        if (head == 0)
        {
            return;
        }
        final int diffs = tail - head;
        final int levelStart = diffs == 0 ? levelTail : levelStarts[head];
        final int levels = levelTail - levelStart;
        System.arraycopy(firstIds, head, firstIds, 0, diffs);
        System.arraycopy(lastIds, head, lastIds, 0, diffs);
        System.arraycopy(exchangeTimes, head, exchangeTimes, 0, diffs);
        System.arraycopy(levelCounts, head, levelCounts, 0, diffs);
        for (int i = 0; i < diffs; i++)
        {
            levelStarts[i] = levelStarts[head + i] - levelStart;
        }
        System.arraycopy(sides, levelStart, sides, 0, levels);
        System.arraycopy(prices, levelStart, prices, 0, levels);
        System.arraycopy(quantities, levelStart, quantities, 0, levels);
        head = 0;
        tail = diffs;
        levelTail = levels;
    }
}
