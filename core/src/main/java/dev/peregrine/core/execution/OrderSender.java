package dev.peregrine.core.execution;

import dev.peregrine.core.event.OrderCommand;

/**
 * Where released orders go: a live venue adapter, or {@link PaperOrderSender} when the paper venue on
 * the core thread has already filled them. Called on the outbound thread, only after the input that
 * caused the order is on the journal.
 */
public interface OrderSender
{
    void send(OrderCommand order);
}
