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
            default: return "UNKNOWN(" + type + ")";
        }
    }

    public static boolean isKnown(final int type)
    {
        return type == TRADE || type == QUOTE || type == CLOCK;
    }
}
