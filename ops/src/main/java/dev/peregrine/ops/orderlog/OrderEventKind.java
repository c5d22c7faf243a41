package dev.peregrine.ops.orderlog;

/**
 * What happened to an order, one constant per {@link dev.peregrine.core.output.OutputListener} call that
 * concerns an order. Ints rather than an enum lookup on the core thread: the capture only stores them.
 */
public final class OrderEventKind
{
    public static final int SUBMITTED = 1;
    public static final int ACCEPTED = 2;
    public static final int CANCEL_REQUESTED = 3;
    public static final int REJECTED = 4;
    public static final int FILLED = 5;
    public static final int EXPIRED = 6;
    public static final int CANCELLED = 7;
    /** The venue refused a cancel: the order works on. */
    public static final int CANCEL_REFUSED = 8;

    private static final String[] NAMES = {null, "order_submitted", "order_accepted", "cancel_requested",
        "order_rejected", "order_filled", "order_expired", "order_cancelled", "cancel_refused"};

    private OrderEventKind()
    {
    }

    /** The {@code event} field of the log line, e.g. {@code order_filled}. */
    public static String eventName(final int kind)
    {
        return NAMES[kind];
    }

    /** True for the events after which the order is no longer open (a fill only when nothing is left). */
    public static boolean endsOrder(final int kind)
    {
        return kind == REJECTED || kind == EXPIRED || kind == CANCELLED;
    }
}
