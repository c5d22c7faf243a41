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
    INVALID_PRICE,
    /** Order notional above the instrument's limit. */
    MAX_ORDER_NOTIONAL,
    /** The account's gross exposure would exceed its limit. */
    MAX_GROSS_EXPOSURE,
    /** The day's loss reached its limit: only reducing orders. */
    DAILY_LOSS_LIMIT,
    /** Equity fell too far below the day's peak: only reducing orders. */
    TRAILING_DRAWDOWN,
    /** Too many orders per second or per minute. */
    ORDER_RATE,
    /** Too many cancels per second or per minute. */
    CANCEL_RATE,
    /** The price is too far from the mark: a fat finger, or a broken quote. */
    PRICE_BAND,
    /** Outside the configured trading hours or days. */
    OUTSIDE_TRADING_WINDOW,
    /** Below the product's minimum order size. */
    BELOW_MIN_SIZE,
    /** Would trade against one of our own resting orders. */
    SELF_TRADE,
    /** Trading is REDUCING: only orders that bring a position closer to zero. */
    TRADING_REDUCING,
    /** The venue never answered within the time-out. */
    VENUE_TIMEOUT,
    /** The live venue refused the order (its own reason is in the venue event's flags). */
    VENUE_REJECTED,
    /**
     * The engine is stopping gracefully: open orders are being cancelled and no new one goes out. Not a
     * halt an operator must lift: the next start trades again.
     */
    ENGINE_STOPPING,
    /** A perpetual position's notional over the equity would exceed the instrument's or the account's leverage limit. */
    MAX_LEVERAGE,
    /** The account's margin ratio (maintenance margin / margin balance) would exceed its limit. */
    MAX_MARGIN_RATIO,
    /** The mark would sit closer to the position's liquidation price than the minimum distance. */
    LIQUIDATION_DISTANCE,
    /** A reduce-only order that would open or flip a position instead of reducing it. */
    REDUCE_ONLY,
    /** A new position on the side that pays funding above the configured rate per interval. */
    FUNDING_RATE;

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
