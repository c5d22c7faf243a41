package dev.peregrine.core.execution;

import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.metrics.SingleWriterCounter;

/**
 * The outbound end of paper trading. The paper venue on the core thread fills orders deterministically,
 * so nothing has to leave the process; this sender counts what would have been sent and remembers the
 * last order id, which tests use to prove the release order.
 */
public final class PaperOrderSender implements OrderSender
{
    private final SingleWriterCounter sent = new SingleWriterCounter("paper_orders_sent");
    private volatile long lastOrderId;

    @Override
    public void send(final OrderCommand order)
    {
        sent.increment();
        lastOrderId = order.orderId;
    }

    public long sentCount()
    {
        return sent.get();
    }

    public long lastOrderId()
    {
        return lastOrderId;
    }
}
