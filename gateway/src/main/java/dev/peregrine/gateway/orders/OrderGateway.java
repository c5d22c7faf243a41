package dev.peregrine.gateway.orders;

import dev.peregrine.core.event.OrderCommand;

/**
 * Where the outbound stage hands orders for a live venue. Both methods copy what they need and return
 * at once (no I/O on the caller's thread); answers come back through a {@link VenueResponseListener}.
 * Call from one thread (the outbound stage) or several: the queue behind it is thread-safe.
 */
public interface OrderGateway
{
    /**
     * Queues an order. {@code clientOrderId} is the idempotency key the venue sees: derive it
     * deterministically (e.g. {@code "prg-<session>-<orderId>"}) so a replay or a restart never makes a
     * second order out of the same decision.
     *
     * @return false if the queue is full: the order was not taken and nothing will be reported for it.
     */
    boolean submit(OrderCommand command, String clientOrderId);

    /** Queues a cancel of an order submitted earlier; false if the queue is full. */
    boolean cancel(long orderId);
}
