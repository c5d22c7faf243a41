package dev.peregrine.core.order;

/**
 * The life of an order, from the moment the core decides it to a terminal state.
 * <pre>
 *   PENDING_NEW ──ack──▶ ACKNOWLEDGED ──fill──▶ PARTIALLY_FILLED ──fill──▶ FILLED
 *        │                   │    │                  │      │
 *        │ reject            │    └──cancel req──▶ PENDING_CANCEL ──cancelled──▶ CANCELLED
 *        ▼                   │                       │   (fills may still arrive while pending)
 *     REJECTED               └──expire (IOC rest, GTD, venue silence)──▶ EXPIRED
 * </pre>
 * A venue may skip the acknowledgement and fill or cancel a new order at once (an IOC market order),
 * so PENDING_NEW may go straight to a fill, a cancel or an expiry. Terminal states never change. The
 * transition table is {@link #canTransitionTo}: the order book keeping refuses anything else, and
 * counts it, rather than corrupting an order.
 */
public enum OrderState
{
    PENDING_NEW,
    ACKNOWLEDGED,
    PARTIALLY_FILLED,
    FILLED,
    PENDING_CANCEL,
    CANCELLED,
    REJECTED,
    EXPIRED;

    private static final OrderState[] VALUES = values();

    public static OrderState fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }

    public boolean isTerminal()
    {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }

    /** True while the order may still trade. */
    public boolean isOpen()
    {
        return !isTerminal();
    }

    public boolean canTransitionTo(final OrderState next)
    {
        switch (this)
        {
            case PENDING_NEW:
                return next == ACKNOWLEDGED || next == PARTIALLY_FILLED || next == FILLED || next == PENDING_CANCEL ||
                    next == CANCELLED || next == REJECTED || next == EXPIRED;
            case ACKNOWLEDGED:
                return next == PARTIALLY_FILLED || next == FILLED || next == PENDING_CANCEL || next == CANCELLED ||
                    next == EXPIRED;
            case PARTIALLY_FILLED:
                return next == PARTIALLY_FILLED || next == FILLED || next == PENDING_CANCEL || next == CANCELLED ||
                    next == EXPIRED;
            case PENDING_CANCEL:
                // A fill can race the cancel; the venue may also refuse the cancel (back to working).
                return next == PARTIALLY_FILLED || next == FILLED || next == CANCELLED || next == EXPIRED ||
                    next == ACKNOWLEDGED;
            default:
                return false;
        }
    }
}
