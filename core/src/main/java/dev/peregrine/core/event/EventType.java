package dev.peregrine.core.event;

/**
 * Kinds of inbound event. The numeric codes are part of the journal format: never renumber one,
 * only append new codes. What the journal records for each code, and its name, is in {@link EventDescriptor}.
 */
public final class EventType
{
    /** A slot that carries nothing (never journaled as input, never seen by the core). */
    public static final int NONE = 0;
    /** A trade printed on the venue (Coinbase {@code market_trades}). */
    public static final int TRADE = 1;
    /** Best bid and ask with quantities and the last price (Coinbase {@code ticker}). */
    public static final int QUOTE = 2;
    /** A tick of the engine's timer: drives time-based logic without reading the wall clock. */
    public static final int CLOCK = 3;
    /**
     * One level of an L2 book: side, price, absolute quantity (0 removes the level). {@link BookFlags}
     * mark the first and last level of a snapshot and the last level of a venue message.
     */
    public static final int BOOK_LEVEL = 4;
    /** A venue candle (Coinbase {@code candles}): open, high, low, close, volume; start in exchangeTimeNanos. */
    public static final int CANDLE = 5;
    /** Product metadata (Coinbase {@code status}): increments and whether the product trades (flags). */
    public static final int INSTRUMENT_INFO = 6;
    /** No data message for the instrument for longer than the staleness threshold. */
    public static final int FEED_STALE = 7;
    /** Messages were lost (sequence gap or reconnect): the instrument's book may be wrong. */
    public static final int FEED_GAP = 8;
    /** Data flows again and, where there is a book, a fresh snapshot has been applied. */
    public static final int FEED_RECOVERED = 9;
    /** An operator command (pause, resume, reduce, flatten, kill), journaled like every input. */
    public static final int COMMAND = 10;
    /** Live venue: it has the order (orderId). */
    public static final int VENUE_ACCEPTED = 11;
    /** Live venue: it refused the order (orderId; flags = the adapter's reason code). */
    public static final int VENUE_REJECTED = 12;
    /** Live venue: an execution (orderId, tradeId = fill number within the order, price, quantity, fee; flags = liquidity). */
    public static final int VENUE_FILL = 13;
    /** Live venue: the order is gone with whatever filled (orderId). */
    public static final int VENUE_CANCELLED = 14;
    /** Live venue: a cancel was refused; the order may still be live (orderId). */
    public static final int VENUE_CANCEL_REJECTED = 15;
    /** Live venue: the answer to a create was lost; the order may or may not exist (orderId). */
    public static final int VENUE_UNKNOWN = 16;
    /**
     * Perpetuals: the venue's mark price (markPrice), index price (indexPrice), current or next funding rate
     * (fundingRate, FixedPoint: 10000 = 0.0001) and next funding time (nextFundingTimeNanos); exchangeTimeNanos
     * is the venue's time of the mark.
     */
    public static final int MARK_PRICE = 17;
    /**
     * Perpetuals: funding was exchanged. fundingRate applied, markPrice used; fee = the payment the venue
     * reported for our account in the settlement currency (positive = we paid), 0 = the engine computes it
     * from the positions held.
     */
    public static final int FUNDING_SETTLEMENT = 18;
    /** Perpetuals: a liquidation order printed on the market (Binance forceOrder): price, quantity, side. Information only. */
    public static final int LIQUIDATION = 19;
    /** The highest code this build knows: arrays indexed by code are this long plus one. */
    public static final int LAST_KNOWN = LIQUIDATION;

    private EventType()
    {
    }

    /** Human-readable name for reports and logs (from {@link EventDescriptor}); never called on the hot path. */
    public static String name(final int type)
    {
        return type == NONE || EventDescriptor.isDescribed(type) ? EventDescriptor.of(type).name() : "UNKNOWN(" + type + ")";
    }

    /** True for the answers of a live venue about our orders. */
    public static boolean isVenueReport(final int type)
    {
        return type >= VENUE_ACCEPTED && type <= VENUE_UNKNOWN;
    }

    /** True for the perpetual-futures inputs: marks, funding and market liquidations. */
    public static boolean isPerpetual(final int type)
    {
        return type >= MARK_PRICE && type <= LIQUIDATION;
    }

    public static boolean isKnown(final int type)
    {
        return type >= TRADE && type <= LAST_KNOWN;
    }
}
