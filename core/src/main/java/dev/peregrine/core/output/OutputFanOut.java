package dev.peregrine.core.output;

import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.RejectReason;

/** Passes every output to two listeners in order (the digest first, then an observer). */
public final class OutputFanOut implements OutputListener
{
    private final OutputListener first;
    private final OutputListener second;

    public OutputFanOut(final OutputListener first, final OutputListener second)
    {
        this.first = first;
        this.second = second;
    }

    @Override
    public void onOrder(final long orderId, final int instrumentId, final int side, final OrderType type,
        final long quantity, final long limitPrice, final long timeNanos)
    {
        first.onOrder(orderId, instrumentId, side, type, quantity, limitPrice, timeNanos);
        second.onOrder(orderId, instrumentId, side, type, quantity, limitPrice, timeNanos);
    }

    @Override
    public void onAccepted(final long orderId, final int instrumentId, final long timeNanos)
    {
        first.onAccepted(orderId, instrumentId, timeNanos);
        second.onAccepted(orderId, instrumentId, timeNanos);
    }

    @Override
    public void onExpired(final long orderId, final int instrumentId, final long leavesQuantity, final long timeNanos)
    {
        first.onExpired(orderId, instrumentId, leavesQuantity, timeNanos);
        second.onExpired(orderId, instrumentId, leavesQuantity, timeNanos);
    }

    @Override
    public void onCancelRequested(final long orderId, final int instrumentId, final long timeNanos)
    {
        first.onCancelRequested(orderId, instrumentId, timeNanos);
        second.onCancelRequested(orderId, instrumentId, timeNanos);
    }

    @Override
    public void onCancelRefused(final long orderId, final int instrumentId, final boolean acknowledged, final long timeNanos)
    {
        first.onCancelRefused(orderId, instrumentId, acknowledged, timeNanos);
        second.onCancelRefused(orderId, instrumentId, acknowledged, timeNanos);
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
        final long price, final double fee, final long timeNanos)
    {
        first.onFill(orderId, instrumentId, side, quantity, price, fee, timeNanos);
        second.onFill(orderId, instrumentId, side, quantity, price, fee, timeNanos);
    }

    @Override
    public void onFunding(final int strategyId, final int instrumentId, final long contracts, final long markPrice,
        final long fundingRate, final double payment, final long timeNanos)
    {
        first.onFunding(strategyId, instrumentId, contracts, markPrice, fundingRate, payment, timeNanos);
        second.onFunding(strategyId, instrumentId, contracts, markPrice, fundingRate, payment, timeNanos);
    }

    @Override
    public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
    {
        first.onCancel(orderId, instrumentId, quantity, timeNanos);
        second.onCancel(orderId, instrumentId, quantity, timeNanos);
    }

    @Override
    public void onDecision(final dev.peregrine.core.decision.DecisionRecord decision)
    {
        first.onDecision(decision);
        second.onDecision(decision);
    }
}
