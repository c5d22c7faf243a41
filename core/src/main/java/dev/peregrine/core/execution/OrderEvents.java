package dev.peregrine.core.execution;

import dev.peregrine.core.order.Order;
import dev.peregrine.core.risk.RejectReason;

/**
 * What happened to an order, told to whoever placed it (the strategy whose id the order carries).
 * Called on the core thread by {@link ExecutionEngine}, after the order's state has moved, so the
 * {@link Order} passed in already shows the new state, filled quantity and average price.
 */
public interface OrderEvents
{
    /** Nobody listens: the engine before strategies are attached, and tests of execution alone. */
    OrderEvents NONE = new OrderEvents()
    {
    };

    /** The venue acknowledged the order; it is working. */
    default void onAccepted(Order order, long timeNanos)
    {
    }

    /** Part or all of the order filled: {@code quantity} at {@code price} (scaled), this fill only. */
    default void onFill(Order order, long quantity, long price, double fee, long timeNanos)
    {
    }

    /** The unfilled rest was cancelled (on request, or an immediate-or-cancel remainder). */
    default void onCancelled(Order order, long timeNanos)
    {
    }

    /** The venue never answered within the time-out; its fate at the venue is unknown. */
    default void onExpired(Order order, long timeNanos)
    {
    }

    /**
     * The order was refused: by risk before it left (there is no {@link Order} then, only its id), or by
     * the venue.
     */
    default void onRejected(int strategyId, long orderId, int instrumentId, int side, long quantity,
        RejectReason reason, long timeNanos)
    {
    }
}
