package dev.peregrine.core.output;

import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.RejectReason;

/**
 * An {@link OutputListener} that ignores every call: a listener that hears only some of the core's
 * decisions (counting orders, collecting decision records) extends it and overrides just those, instead of
 * writing out empty bodies for the rest. The interface itself keeps no defaults for the calls the output
 * digest hashes, so a full listener cannot forget one.
 *
 * <p>Core thread; nothing here allocates.
 */
public abstract class OutputAdapter implements OutputListener
{
    @Override
    public void onOrder(final long orderId, final int instrumentId, final int side, final OrderType type,
        final long quantity, final long limitPrice, final long timeNanos)
    {
    }

    @Override
    public void onAccepted(final long orderId, final int instrumentId, final long timeNanos)
    {
    }

    @Override
    public void onCancelRequested(final long orderId, final int instrumentId, final long timeNanos)
    {
    }

    @Override
    public void onReject(final long orderId, final int instrumentId, final int side, final long quantity,
        final RejectReason reason, final long timeNanos)
    {
    }

    @Override
    public void onFill(final long orderId, final int instrumentId, final int side, final long quantity,
        final long price, final double fee, final long timeNanos)
    {
    }

    @Override
    public void onExpired(final long orderId, final int instrumentId, final long leavesQuantity, final long timeNanos)
    {
    }

    @Override
    public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
    {
    }
}
