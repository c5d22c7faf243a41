package dev.peregrine.gateway.coinbase;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which trade ids of each product have already been published, so a trade the venue sends twice reaches
 * the ring once. Coinbase trade ids are integers that rise by one per trade within a product, and the
 * feed sends a product's trades in id order (the decoder publishes each frame oldest first to keep it
 * so). That makes a high-water mark per product nearly enough: the only way to meet an id at or below it
 * is to be sent it again. A {@value #WINDOW}-id bit window below the mark keeps the rare trade that
 * arrives a little late (ids out of order across frames) instead of calling it a duplicate.
 *
 * <p>Why this is right after a reconnect: the venue answers the resubscribe with a snapshot of its most
 * recent trades. Published oldest first, the ones at or below the mark were all published before the
 * connection dropped (exactly checked within the window; below it, by the in-order rule), so they are
 * dropped; the ones above it printed while the engine was away, so they are new and kept. Memory is
 * fixed: two longs and a count per product, allocated once; nothing is allocated per trade.
 *
 * <p>The state outlives a connection on purpose: it belongs to the decoder, which lives as long as the
 * client. Single writer: the connection's event loop; {@link #duplicates} may be read from any thread.
 */
final class SeenTradeIds
{
    /** Ids below the high-water mark remembered one by one. */
    static final int WINDOW = 64;

    private final long[] highest;
    /** Bit k: id {@code highest - k} was published (bit 0 is the mark itself). */
    private final long[] window;
    private final boolean[] any;
    private final AtomicLongArray duplicates;

    SeenTradeIds(final int instruments)
    {
        highest = new long[instruments];
        window = new long[instruments];
        any = new boolean[instruments];
        duplicates = new AtomicLongArray(instruments);
    }

    /**
     * Records {@code tradeId} for the product.
     *
     * @return true the first time the id is offered, false for a duplicate (counted).
     */
    boolean firstSighting(final int instrumentId, final long tradeId)
    {
        if (instrumentId >= any.length)
        {
            return true; // a product registered after the decoder was built: nothing to compare with
        }
        if (!any[instrumentId])
        {
            any[instrumentId] = true;
            highest[instrumentId] = tradeId;
            window[instrumentId] = 1L;
            return true;
        }
        final long mark = highest[instrumentId];
        if (tradeId > mark)
        {
            final long shift = tradeId - mark;
            window[instrumentId] = shift >= WINDOW ? 1L : (window[instrumentId] << shift) | 1L;
            highest[instrumentId] = tradeId;
            return true;
        }
        final long age = mark - tradeId;
        if (age < WINDOW && (window[instrumentId] & (1L << age)) == 0)
        {
            window[instrumentId] |= 1L << age;
            return true;
        }
        duplicates.lazySet(instrumentId, duplicates.get(instrumentId) + 1);
        return false;
    }

    /** Trades of the product dropped as already published, since the decoder was built. */
    long duplicates(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < duplicates.length() ? duplicates.get(instrumentId) : 0;
    }
}
