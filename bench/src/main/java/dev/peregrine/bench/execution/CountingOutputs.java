package dev.peregrine.bench.execution;

import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.RejectReason;

/**
 * The core's outputs, counted and otherwise dropped: what a benchmark needs to prove the core did work
 * (orders sent, fills) without paying for a digest or a recorder. No allocation.
 */
public final class CountingOutputs implements OutputListener
{
    public long orders;
    public long accepted;
    public long cancelRequests;
    public long rejects;
    public long fills;
    public long expired;
    public long cancels;

    @Override
    public void onOrder(final long orderId, final int instrumentId, final int side, final OrderType type,
        final long quantity, final long limitPrice, final long timeNanos)
    {
        orders++;
    }

    @Override
    public void onAccepted(final long orderId, final int instrumentId, final long timeNanos)
    {
        accepted++;
    }

    @Override
    public void onCancelRequested(final long orderId, final int instrumentId, final long timeNanos)
    {
        cancelRequests++;
    }

    @Override
    public void onReject(final long orderId, final int instrumentId, final int side, final long quantity,
        final RejectReason reason, final long timeNanos)
    {
        rejects++;
    }

    @Override
    public void onFill(final long orderId, final int instrumentId, final int side, final long quantity,
        final long price, final double fee, final long timeNanos)
    {
        fills++;
    }

    @Override
    public void onExpired(final long orderId, final int instrumentId, final long leavesQuantity, final long timeNanos)
    {
        expired++;
    }

    @Override
    public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
    {
        cancels++;
    }
}
