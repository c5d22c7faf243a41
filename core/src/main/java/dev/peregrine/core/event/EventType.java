package dev.peregrine.core.event;

/**
 * Kinds of inbound event. The numeric codes are part of the journal format: never renumber one,
 * only append new codes.
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

    private EventType()
    {
    }

    /** Human-readable name for reports and logs; never called on the hot path. */
    public static String name(final int type)
    {
        switch (type)
        {
            case NONE: return "NONE";
            case TRADE: return "TRADE";
            case QUOTE: return "QUOTE";
            case CLOCK: return "CLOCK";
            case BOOK_LEVEL: return "BOOK_LEVEL";
            case CANDLE: return "CANDLE";
            case INSTRUMENT_INFO: return "INSTRUMENT_INFO";
            case FEED_STALE: return "FEED_STALE";
            case FEED_GAP: return "FEED_GAP";
            case FEED_RECOVERED: return "FEED_RECOVERED";
            case COMMAND: return "COMMAND";
            default: return "UNKNOWN(" + type + ")";
        }
    }

    public static boolean isKnown(final int type)
    {
        return type >= TRADE && type <= COMMAND;
    }
}
