package dev.peregrine.core.execution;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.order.Order;

/**
 * Where an accepted order or cancel goes: a command written into the causing event's ring slot, which the
 * outbound stage sends to a live venue once that event is journaled, and, in paper mode, the paper venue.
 * A slot holds at most {@link InboundEvent#MAX_ORDERS_PER_EVENT} commands. Owned by the core thread.
 */
final class OrderCommands
{
    /** Null in live mode. */
    private final PaperVenue venue;
    private InboundEvent currentEvent;

    OrderCommands(final PaperVenue venue)
    {
        this.venue = venue;
    }

    /** The event whose slot carries the commands from now on; it starts empty. */
    void beginEvent(final InboundEvent event)
    {
        currentEvent = event;
        event.orderCount = 0;
    }

    /** Commands the current event already carries. */
    int count()
    {
        return currentEvent.orderCount;
    }

    boolean full()
    {
        return currentEvent.orderCount == InboundEvent.MAX_ORDERS_PER_EVENT;
    }

    /** The type of the event whose slot this is (an order's cause, for its decision record). */
    int causeType()
    {
        return currentEvent.type;
    }

    void newOrder(final Order order, final long timeNanos, final boolean reduceOnly)
    {
        final OrderCommand command = currentEvent.orders[currentEvent.orderCount++];
        command.set(OrderCommand.NEW, order.type().ordinal(), order.orderId(),
            order.instrumentId(), order.side(), order.quantity(), order.limitPrice(), timeNanos);
        command.reduceOnly = reduceOnly;
        if (venue != null)
        {
            venue.submit(order, timeNanos);
        }
    }

    void cancel(final Order order, final long timeNanos)
    {
        currentEvent.orders[currentEvent.orderCount++].set(
            OrderCommand.CANCEL, order.type().ordinal(), order.orderId(), order.instrumentId(), order.side(), 0, 0, timeNanos);
        if (venue != null)
        {
            venue.cancel(order, timeNanos);
        }
    }
}
