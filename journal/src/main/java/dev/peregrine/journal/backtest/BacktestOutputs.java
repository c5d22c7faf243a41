package dev.peregrine.journal.backtest;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.decision.DecisionSink;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.OutputAdapter;
import dev.peregrine.core.risk.RejectReason;

/**
 * Counts what the core decided during a backtest and writes each decision to the run's decision journal
 * (same thread, right after the input that caused it is journaled), so {@code peregrine decisions} works
 * on a backtest as on a live run. Primitive counters only: nothing allocated per call.
 * Acceptances and cancel requests change no count, so those stay the adapter's no-ops.
 */
final class BacktestOutputs extends OutputAdapter
{
    private final DecisionSink decisions;
    long orders;
    long rejects;
    long fills;
    long cancels;
    long expired;
    double fees;
    final FillTally fillTally = new FillTally();
    // The core's orders, to tell a market order's cancelled remainder from a limit order cancelled on request.
    private OrderStore orderStore;
    private long decidedOrderId;
    private long decidedBid;
    private long decidedAsk;

    BacktestOutputs(final DecisionSink decisions)
    {
        this.decisions = decisions;
    }

    void bind(final OrderStore orders)
    {
        this.orderStore = orders;
    }

    @Override
    public void onDecision(final DecisionRecord decision)
    {
        decidedOrderId = decision.orderId();
        decidedBid = decision.bidPrice();
        decidedAsk = decision.askPrice();
        if (decisions != null)
        {
            decisions.write(decision);
        }
    }

    @Override
    public void onOrder(final long orderId, final int instrumentId, final int side, final OrderType type, final long quantity,
        final long limitPrice, final long timeNanos)
    {
        orders++;
        final boolean decided = orderId == decidedOrderId;
        fillTally.onOrder(quantity, FillTally.requestPrice(limitPrice, decided ? decidedBid : 0, decided ? decidedAsk : 0));
    }

    @Override
    public void onReject(final long orderId, final int instrumentId, final int side, final long quantity,
        final RejectReason reason, final long timeNanos)
    {
        rejects++;
    }

    @Override
    public void onFill(final long orderId, final int instrumentId, final int side, final long quantity, final long price,
        final double fee, final long timeNanos)
    {
        fills++;
        fees += fee;
        fillTally.onFill(quantity, price);
    }

    @Override
    public void onExpired(final long orderId, final int instrumentId, final long leavesQuantity, final long timeNanos)
    {
        expired++;
        fillTally.onCutShort(leavesQuantity);
    }

    @Override
    public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
    {
        cancels++;
        final Order order = orderStore == null ? null : orderStore.get(orderId);
        if (order != null && order.type() == OrderType.MARKET)
        {
            fillTally.onCutShort(quantity);
        }
    }
}
