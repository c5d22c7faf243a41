package dev.peregrine.core.market;

import dev.peregrine.core.book.BookSide;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.Hash64;

/**
 * Market data that cannot be true is not traded on. Every trade, quote and book level passes here before
 * it reaches the books, the strategies or the paper venue; what fails is dropped and counted by
 * {@link ImplausibleReason}. It runs in the core, on journaled inputs, so live, replay and backtest (CSV
 * included) drop the same events, and the journal still holds the absurd input for audit.
 *
 * <p>Per instrument it keeps a <em>reference</em>, a slow follower of accepted prices (each accepted price
 * moves it 1/{@value #FOLLOW_SHIFT_DIVISOR} of the way), and the last accepted price. A price must be
 * positive, inside the venue's range (the catalog's reference price divided and multiplied by
 * {@code rangeFactor}, never above {@link #MAX_PRICE}), within {@code band} of the reference and within
 * {@code maxMove} of the last accepted price. The first price of an instrument has no reference and is held
 * to the range only.
 *
 * <p>A price dropped for the range, the band or the move marks the instrument implausible in
 * {@link FeedHealth} (so the {@code market_data} risk check refuses its orders) until a price is accepted
 * again. A real fast market is not locked out for ever: when {@code reanchorUpdates} rejected prices in a
 * row each lie within {@code maxMove} of the one before and span at least {@code reanchorNanos} of event
 * time, the instrument re-anchors on the last of them (counted in {@link #reanchors}). So does the first price
 * after {@code silenceNanos} without any price of the instrument (an outage, or the hours between the ticks
 * of daily candles in a backtest), held to the range only.
 *
 * <p>Books: a level with a price of zero or below or above {@link #MAX_PRICE} is dropped; on a synced book
 * an update that would set a new touch is held to the band and the move; deeper levels are not (real books
 * hold bids at 0.01 and asks at 100 million). At the end of each book message its mid is judged like a
 * quote's (it re-anchors or marks implausible, it drops nothing), and a crossed or locked book marks the feed
 * crossed until a message leaves it uncrossed or a resync replaces it.
 *
 * <p>Owned by the core thread; no allocation per event.
 */
public final class MarketSanity
{
    /** No instrument trades above a billion units of its quote currency: keeps price x quantity far from overflow. */
    public static final long MAX_PRICE = 1_000_000_000L * FixedPoint.SCALE;
    /** The reference moves 1/16 of the way to each accepted price. */
    static final int FOLLOW_SHIFT = 4;
    static final int FOLLOW_SHIFT_DIVISOR = 1 << FOLLOW_SHIFT;

    private static final int ACCEPT = -1;
    private static final ImplausibleReason[] REASONS = ImplausibleReason.values();

    private final MarketSanitySettings settings;
    private final FeedHealth health;
    private final SingleWriterCounter[] exported;
    private final long[] minPrice;
    private final long[] maxPrice;
    private final long[] reference;
    private final long[] lastAccepted;
    private final long[] candidate;
    private final long[] candidateSinceNanos;
    /** Event time of the instrument's last judged price, accepted or not: a long silence voids the reference. */
    private final long[] lastSeenNanos;
    private final int[] candidateCount;
    private final long[] reanchors;
    /** Dropped events by {@link ImplausibleReason} ordinal. */
    private final long[] dropped = new long[REASONS.length];

    /**
     * @param catalog  where each instrument's reference price comes from (the centre of its range).
     * @param exported counters the metrics sidecar reads, one per {@link ImplausibleReason} ordinal, or null.
     */
    public MarketSanity(final MarketSanitySettings settings, final InstrumentRegistry instruments,
        final ProductCatalog catalog, final FeedHealth health, final SingleWriterCounter[] exported)
    {
        this.settings = settings;
        this.health = health;
        this.exported = exported;
        final int n = instruments.size();
        minPrice = new long[n];
        maxPrice = new long[n];
        reference = new long[n];
        lastAccepted = new long[n];
        candidate = new long[n];
        candidateSinceNanos = new long[n];
        lastSeenNanos = new long[n];
        candidateCount = new int[n];
        reanchors = new long[n];
        for (int i = 0; i < n; i++)
        {
            final ProductCatalog.Product product = catalog.find(instruments.get(i).symbol());
            final long catalogPrice = product == null ? 0 : product.referencePrice();
            minPrice[i] = catalogPrice > 0 ? Math.max(1, (long)(catalogPrice / settings.rangeFactor)) : 1;
            maxPrice[i] = catalogPrice > 0 ? (long)Math.min((double)MAX_PRICE, catalogPrice * settings.rangeFactor) : MAX_PRICE;
        }
    }

    /** A live or snapshot trade: true to use it. */
    public boolean acceptTrade(final int id, final long price, final long timeNanos)
    {
        if (!settings.enabled)
        {
            return true;
        }
        if (price <= 0)
        {
            return drop(id, ImplausibleReason.NON_POSITIVE_PRICE);
        }
        return judge(id, price, timeNanos, true);
    }

    /** A quote (ticker); {@code last} of 0 means none. True to use it. */
    public boolean acceptQuote(final int id, final long bid, final long ask, final long last, final long timeNanos)
    {
        if (!settings.enabled)
        {
            return true;
        }
        if (bid <= 0 || ask <= 0 || last < 0)
        {
            return drop(id, ImplausibleReason.NON_POSITIVE_PRICE);
        }
        if (bid >= ask)
        {
            // A venue's own book is never crossed or locked: this quote is wrong, not the market.
            return count(ImplausibleReason.CROSSED_QUOTE);
        }
        if (!inRange(id, bid) || !inRange(id, ask) || (last > 0 && !inRange(id, last)))
        {
            return drop(id, ImplausibleReason.OUT_OF_RANGE);
        }
        noteSeen(id, timeNanos);
        if (last > 0 && reference[id] > 0 && outsideBand(id, last))
        {
            return drop(id, ImplausibleReason.OUTSIDE_BAND);
        }
        return judge(id, bid + (ask - bid) / 2, timeNanos, true);
    }

    /**
     * One book level, before it is applied to {@code book}. True to apply it. Only a level that would set a
     * new touch of a synced book is held to the band and the move.
     */
    public boolean acceptBookLevel(final int id, final OrderBook book, final int side, final long price,
        final long quantity, final long timeNanos)
    {
        if (!settings.enabled)
        {
            return true;
        }
        if (price <= 0)
        {
            return drop(id, ImplausibleReason.NON_POSITIVE_PRICE);
        }
        if (price > MAX_PRICE)
        {
            return count(ImplausibleReason.OUT_OF_RANGE);
        }
        if (quantity <= 0 || !book.isSynced() || !setsTouch(side == Side.BUY ? book.bids() : book.asks(), side, price))
        {
            return true;
        }
        return judge(id, price, timeNanos, true);
    }

    /**
     * The end of a book message: a crossed or locked book marks the feed crossed (cleared when a message
     * leaves it uncrossed); a two-sided synced book's mid is judged as a price, which re-anchors or marks the
     * instrument implausible but drops nothing (the levels are in).
     */
    public void afterBookMessage(final int id, final OrderBook book, final long timeNanos)
    {
        if (!settings.enabled)
        {
            return;
        }
        if (!book.isSynced() || book.bids().isEmpty() || book.asks().isEmpty())
        {
            return;
        }
        final long bid = book.bids().bestPrice();
        final long ask = book.asks().bestPrice();
        if (bid >= ask)
        {
            health.onCrossed(id);
            return;
        }
        health.onUncrossed(id);
        judge(id, bid + (ask - bid) / 2, timeNanos, false);
    }

    /** A resync (FEED_GAP) replaces the book: a crossed book no longer counts against the feed. */
    public void onResync(final int id)
    {
        health.onUncrossed(id);
    }

    private static boolean setsTouch(final BookSide levels, final int side, final long price)
    {
        if (levels.isEmpty())
        {
            return true;
        }
        final long best = levels.bestPrice();
        return side == Side.BUY ? price >= best : price <= best;
    }

    /** Range, band and move for one price; {@code countDrop} false judges without counting a drop. */
    private boolean judge(final int id, final long price, final long timeNanos, final boolean countDrop)
    {
        if (!inRange(id, price))
        {
            health.onImplausible(id);
            return !countDrop || drop(id, ImplausibleReason.OUT_OF_RANGE);
        }
        noteSeen(id, timeNanos);
        final int reason = plausibility(id, price);
        if (reason == ACCEPT)
        {
            accept(id, price);
            return true;
        }
        if (reanchorReached(id, price, timeNanos))
        {
            reference[id] = price;
            lastAccepted[id] = price;
            reanchors[id]++;
            accept(id, price);
            return true;
        }
        health.onImplausible(id);
        return !countDrop || drop(id, REASONS[reason]);
    }

    /** A price of the instrument arrived (in range): after a long silence the old reference says little. */
    private void noteSeen(final int id, final long timeNanos)
    {
        final long silence = timeNanos - lastSeenNanos[id];
        lastSeenNanos[id] = timeNanos;
        if (reference[id] > 0 && silence >= settings.silenceNanos)
        {
            reference[id] = 0; // the range alone judges the next price, which becomes the reference
            reanchors[id]++;
        }
    }

    private int plausibility(final int id, final long price)
    {
        if (reference[id] == 0)
        {
            return ACCEPT;
        }
        if (outsideBand(id, price))
        {
            return ImplausibleReason.OUTSIDE_BAND.ordinal();
        }
        final long last = lastAccepted[id];
        return Math.abs((double)(price - last)) > settings.maxMove * last ? ImplausibleReason.MAX_MOVE.ordinal() : ACCEPT;
    }

    private boolean outsideBand(final int id, final long price)
    {
        final long ref = reference[id];
        return Math.abs((double)(price - ref)) > settings.band * ref;
    }

    /** Counts a rejected price towards a re-anchor: a run of consistent prices held long enough. */
    private boolean reanchorReached(final int id, final long price, final long timeNanos)
    {
        final long previous = candidate[id];
        if (candidateCount[id] > 0 && Math.abs((double)(price - previous)) <= settings.maxMove * previous)
        {
            candidateCount[id]++;
        }
        else
        {
            candidateCount[id] = 1;
            candidateSinceNanos[id] = timeNanos;
        }
        candidate[id] = price;
        return candidateCount[id] >= settings.reanchorUpdates && timeNanos - candidateSinceNanos[id] >= settings.reanchorNanos;
    }

    private void accept(final int id, final long price)
    {
        final long ref = reference[id];
        reference[id] = ref == 0 ? price : ref + ((price - ref) >> FOLLOW_SHIFT);
        lastAccepted[id] = price;
        candidateCount[id] = 0;
        health.onPlausible(id);
    }

    private boolean inRange(final int id, final long price)
    {
        return price >= minPrice[id] && price <= maxPrice[id];
    }

    private boolean drop(final int id, final ImplausibleReason reason)
    {
        if (reason != ImplausibleReason.CROSSED_QUOTE)
        {
            health.onImplausible(id);
        }
        return count(reason);
    }

    private boolean count(final ImplausibleReason reason)
    {
        dropped[reason.ordinal()]++;
        if (exported != null)
        {
            exported[reason.ordinal()].increment();
        }
        return false;
    }

    public long dropped(final ImplausibleReason reason)
    {
        return dropped[reason.ordinal()];
    }

    public long totalDropped()
    {
        long total = 0;
        for (final long d : dropped)
        {
            total += d;
        }
        return total;
    }

    /** The slow reference of {@code id}, 0 before its first accepted price. */
    public long reference(final int id)
    {
        return reference[id];
    }

    public long reanchors(final int id)
    {
        return reanchors[id];
    }

    public MarketSanitySettings settings()
    {
        return settings;
    }

    /** Everything this class owns, for the core's state hash (and snapshots of it). */
    public long hash(final long seed)
    {
        long h = seed;
        for (int i = 0; i < reference.length; i++)
        {
            h = Hash64.mix(h, reference[i]);
            h = Hash64.mix(h, lastAccepted[i]);
            h = Hash64.mix(h, candidate[i]);
            h = Hash64.mix(h, candidateSinceNanos[i]);
            h = Hash64.mix(h, lastSeenNanos[i]);
            h = Hash64.mix(h, candidateCount[i]);
            h = Hash64.mix(h, reanchors[i]);
        }
        for (final long d : dropped)
        {
            h = Hash64.mix(h, d);
        }
        return h;
    }
}
