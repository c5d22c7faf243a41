package dev.peregrine.core.order;

/** How an order trades. */
public enum OrderType
{
    /** Immediate-or-cancel at any price: takes what the book offers, the rest is cancelled. */
    MARKET,
    /** Rests at its limit price until filled, cancelled or expired (good-till-cancelled). */
    LIMIT,
    /** Limit, immediate-or-cancel: takes what it can at its price or better, the rest is cancelled. */
    LIMIT_IOC,
    /**
     * Limit, fill-or-kill: fills whole at once at its price or better, or is cancelled whole. Appended last:
     * the ordinals are journaled.
     */
    LIMIT_FOK,
    /**
     * An order the venue placed itself to close a position whose mark crossed its liquidation price (Binance
     * USD-M's {@code LIQUIDATION} orders, client id {@code autoclose-...}); the paper venue fills it at the mark
     * and charges the liquidation clearance fee. Never sent by the engine. Appended last: the ordinals are
     * journaled.
     */
    LIQUIDATION;

    private static final OrderType[] VALUES = values();

    public static OrderType fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
