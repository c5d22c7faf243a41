package dev.peregrine.journal;

import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.RejectReason;

/** Passes every output to two listeners, first then second: the digest and an observer in replay. */
final class OutputFanOut implements OutputListener
{
    private final OutputListener first;
    private final OutputListener second;

    OutputFanOut(final OutputListener first, final OutputListener second)
    {
        this.first = first;
        this.second = second;
    }

    @Override
    public void onOrder(final long orderId, final int instrumentId, final int side, final long quantity,
        final long limitPrice, final long timeNanos)
    {
        first.onOrder(orderId, instrumentId, side, quantity, limitPrice, timeNanos);
        second.onOrder(orderId, instrumentId, side, quantity, limitPrice, timeNanos);
    }

    @Override
    public void onReject(final long orderId, final int instrumentId, final int side, final long quantity,
        final RejectReason reason, final long timeNanos)
    {
        first.onReject(orderId, instrumentId, side, quantity, reason, timeNanos);
        second.onReject(orderId, instrumentId, side, quantity, reason, timeNanos);
    }

    @Override
    public void onFill(final long orderId, final int instrumentId, final int side, final long quantity,
        final long price, final long timeNanos)
    {
        first.onFill(orderId, instrumentId, side, quantity, price, timeNanos);
        second.onFill(orderId, instrumentId, side, quantity, price, timeNanos);
    }

    @Override
    public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
    {
        first.onCancel(orderId, instrumentId, quantity, timeNanos);
        second.onCancel(orderId, instrumentId, quantity, timeNanos);
    }
}
