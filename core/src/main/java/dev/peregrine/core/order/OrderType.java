package dev.peregrine.core.order;

/** How an order trades. */
public enum OrderType
{
    /** Immediate-or-cancel at any price: takes what the book offers, the rest is cancelled. */
    MARKET,
    /** Rests at its limit price until filled, cancelled or expired (good-till-cancelled). */
    LIMIT,
    /** Limit, immediate-or-cancel: takes what it can at its price or better, the rest is cancelled. */
    LIMIT_IOC;

    private static final OrderType[] VALUES = values();

    public static OrderType fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
