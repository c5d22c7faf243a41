package dev.peregrine.core.book;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.output.Hash64;

/**
 * A full-depth L2 book for one instrument, owned by the core thread and built from the venue's
 * snapshot and updates. It knows whether it can be trusted:
 * <ul>
 *   <li>{@link #NOT_USED}: no level ever arrived (the instrument trades on quotes alone);</li>
 *   <li>{@link #SYNCING}: a snapshot is under way, or a feed gap made the book suspect;</li>
 *   <li>{@link #SYNCED}: built from a complete snapshot and every update since.</li>
 * </ul>
 * The core does not trade an instrument whose book is {@link #SYNCING}.
 */
public final class OrderBook
{
    private final BookSide bids;
    private final BookSide asks;
    public static final int NOT_USED = 0;
    public static final int SYNCING = 1;
    public static final int SYNCED = 2;

    private int state = NOT_USED;
    private long updates;

    /**
     * Ticks each side's ladder covers: 2^18 (2,621.44 USD at BTC-USD's 0.01) holds about 89% of the level
     * updates of the real BTC-USD stream, the rest going to the sorted part (2^16 held 72%, 2^17 79%). Each
     * side costs 8 bytes per tick plus a bit of bitmap: 2 MiB, so about 4 MiB per book, allocated at its
     * first level. Why this size: an update in the sorted part costs several times one in the ladder, and
     * the ladder's cost barely grows with its size because an update reads only the bitmap (32 KiB a side,
     * cache-resident) and stores the quantity. Measured on the real stream: 2^16 to 2^18 took the update
     * from about 13 ns to about 9 ns; 2^20 bought nothing more (bench/results/2026-12-07-bars-and-book.md).
     */
    public static final int DEFAULT_WINDOW_TICKS = 1 << 18;

    /**
     * A book on the instrument's price grid.
     *
     * @param tick         the instrument's price increment (scaled like prices): the ladder's grid
     * @param windowTicks  ticks each side's ladder covers, a power of two >= 4096
     * @param initialDepth levels per side beyond the ladder held before the first growth
     */
    public OrderBook(final long tick, final int windowTicks, final int initialDepth)
    {
        bids = new BookSide(true, tick, windowTicks, initialDepth);
        asks = new BookSide(false, tick, windowTicks, initialDepth);
    }

    /** A book on the instrument's price grid, with the default window. */
    public OrderBook(final long tick, final int initialDepth)
    {
        this(tick, DEFAULT_WINDOW_TICKS, initialDepth);
    }

    /**
     * A book whose grid is the scaled unit (tick 1), for tests with small integer prices. It is correct for
     * any prices, but real scaled prices would all sit in the slower sorted part: engines pass the tick.
     */
    public OrderBook(final int initialDepth)
    {
        this(1, DEFAULT_WINDOW_TICKS, initialDepth);
    }

    /** Starts a snapshot: the book is emptied and stays unsynced until {@link #endSnapshot()}. */
    public void beginSnapshot()
    {
        bids.clear();
        asks.clear();
        state = SYNCING;
    }

    public void endSnapshot()
    {
        state = SYNCED;
    }

    /** The feed lost messages: a book in use may be wrong until the next snapshot. */
    public void invalidate()
    {
        if (state == SYNCED)
        {
            state = SYNCING;
        }
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
        if (state == NOT_USED)
        {
            state = SYNCING; // updates before any snapshot: not a book to trust
        }
        updates++;
    }

    public int state()
    {
        return state;
    }

    public boolean isSynced()
    {
        return state == SYNCED;
    }

    /** False only while a book in use is being (re)built: quotes-only instruments may always trade. */
    public boolean mayTrade()
    {
        return state != SYNCING;
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
        long h = Hash64.mix(seed, state);
        h = bids.hash(h);
        return asks.hash(h);
    }
}
