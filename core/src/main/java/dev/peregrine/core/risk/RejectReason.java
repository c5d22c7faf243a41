package dev.peregrine.core.risk;

/**
 * Why an order did not go out. Ordinals are part of the output digest and the journal: append only.
 */
public enum RejectReason
{
    /** Not a rejection: the order passed. */
    NONE,
    /** Quantity above the instrument's max order quantity. */
    MAX_ORDER_QUANTITY,
    /** The fill would take the absolute position above the instrument's max position. */
    MAX_POSITION,
    /** Trading is halted (an error, or an operator command). */
    TRADING_HALTED,
    /** The venue had no opposite quote to fill against. */
    NO_MARKET,
    /** One input tried to cause more orders than an event slot can carry: a strategy bug. */
    TOO_MANY_ORDERS,
    /** Quantity is zero, negative, or not a multiple of the size increment. */
    INVALID_QUANTITY,
    /** The instrument's feed is stale or lost messages: no trading until it recovers. */
    FEED_UNHEALTHY,
    /** The instrument's L2 book is being rebuilt after a gap: no trading on a book that may be wrong. */
    BOOK_NOT_SYNCED,
    /** The venue says the product does not take new orders (cancel-only, offline). */
    INSTRUMENT_NOT_TRADING,
    /** A limit price that is zero, negative, or not a multiple of the product's price increment. */
    INVALID_PRICE;

    private static final RejectReason[] VALUES = values();

    public static RejectReason fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /** Lower-case label for metrics, e.g. {@code max_position}. */
    public String label()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
