package dev.peregrine.ops.report;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.journal.backtest.FillTally;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.RejectReason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hears a replay's outputs for the report: each decision's book (for slippage), orders, fills, rejects,
 * cancels and expiries, feeding {@link ExecutionStatistics}, {@link TradeLedger} and
 * {@link TradeStatistics}. Off the hot path, so it may allocate; its memory stays bounded: only working
 * orders are remembered, and only the first {@value #MAX_LISTED} fills and trades are kept for listing
 * (the statistics count all of them).
 */
public final class ReportRecorder implements OutputListener
{
    /** Fills and trades kept for report.json and the HTML; more are counted but not listed. */
    public static final int MAX_LISTED = 10_000;

    private final ExecutionStatistics execution = new ExecutionStatistics();
    private final TradeStatistics tradeStatistics = new TradeStatistics();
    private final TradeLedger ledger;
    private final GroupTrades groups;
    private final List<Fill> fills = new ArrayList<>();
    private final List<Trade> trades = new ArrayList<>();
    private final Map<Long, WorkingOrder> working = new HashMap<>();
    private final List<Fill> liquidations = new ArrayList<>();
    private long liquidationCount;

    private long decidedOrderId = -1;
    private double decidedMid = Double.NaN;
    private long decidedBid;
    private long decidedAsk;
    private int decidedStrategy;
    private String decidedSignal = GroupTrades.NO_SIGNAL;

    /** What the report remembers of an order until it is done. */
    private static final class WorkingOrder
    {
        final boolean limit;
        final boolean liquidation;
        final long quantity;
        final double decisionMid;
        final int strategyId;
        final String signal;
        long filled;

        WorkingOrder(final boolean limit, final boolean liquidation, final long quantity, final double decisionMid,
            final int strategyId, final String signal)
        {
            this.signal = signal;
            this.limit = limit;
            this.liquidation = liquidation;
            this.quantity = quantity;
            this.decisionMid = decisionMid;
            this.strategyId = strategyId;
        }
    }

    public ReportRecorder(final int instruments)
    {
        ledger = new TradeLedger(instruments, this::onTradeClosed);
        groups = new GroupTrades(instruments);
    }

    private void onTradeClosed(final Trade trade)
    {
        tradeStatistics.add(trade);
        groups.onProductTrade(trade);
        if (trades.size() < MAX_LISTED)
        {
            trades.add(trade);
        }
    }

    @Override
    public void onDecision(final DecisionRecord decision)
    {
        decidedOrderId = decision.orderId();
        decidedStrategy = decision.strategyId();
        decidedSignal = decision.signal();
        final long bid = decision.bidPrice();
        final long ask = decision.askPrice();
        decidedBid = bid;
        decidedAsk = ask;
        decidedMid = bid > 0 && ask > 0 ? (FixedPoint.toDouble(bid) + FixedPoint.toDouble(ask)) / 2.0 : Double.NaN;
    }

    @Override
    public void onOrder(final long orderId, final int instrumentId, final int side, final OrderType type,
        final long quantity, final long limitPrice, final long timeNanos)
    {
        final boolean limit = type == OrderType.LIMIT;
        final boolean decided = orderId == decidedOrderId;
        working.put(orderId, new WorkingOrder(limit, type == OrderType.LIQUIDATION, quantity,
            decided ? decidedMid : Double.NaN, decided ? decidedStrategy : 0,
            type == OrderType.LIQUIDATION ? "liquidation" : decided ? decidedSignal : GroupTrades.NO_SIGNAL));
        execution.onOrder(limit, quantity);
        execution.fillTally().onOrder(quantity, FillTally.requestPrice(limitPrice, decided ? decidedBid : 0,
            decided ? decidedAsk : 0));
    }

    @Override
    public void onFill(final long orderId, final int instrumentId, final int side, final long quantity, final long price,
        final double fee, final long timeNanos)
    {
        final WorkingOrder order = working.get(orderId);
        final double qty = FixedPoint.toDouble(quantity);
        final double px = FixedPoint.toDouble(price);
        final double mid = order == null ? Double.NaN : order.decisionMid;
        final double slippage = Double.isNaN(mid) ? Double.NaN : (px - mid) * qty * Side.sign(side);
        final Fill fill = new Fill(orderId, instrumentId, side, order == null ? "UNKNOWN" : order.liquidation ? "LIQUIDATION"
            : order.limit ? "LIMIT" : "MARKET", order == null ? 0 : order.strategyId, qty, px, fee, timeNanos, mid, slippage);
        if (order != null && order.liquidation)
        {
            liquidationCount++;
            if (liquidations.size() < MAX_LISTED)
            {
                liquidations.add(fill);
            }
        }
        execution.fillTally().onFill(quantity, price);
        final long filledBefore = order == null ? 0 : order.filled;
        execution.onFill(fill, order != null && order.limit, quantity, filledBefore, order == null ? 0 : order.quantity);
        if (order != null)
        {
            order.filled += quantity;
            if (order.filled >= order.quantity)
            {
                working.remove(orderId);
            }
        }
        if (fills.size() < MAX_LISTED)
        {
            fills.add(fill);
        }
        ledger.onFill(instrumentId, Side.sign(side), quantity, px, fee, timeNanos);
        groups.onFill(order == null ? 0 : order.strategyId, order == null ? GroupTrades.NO_SIGNAL : order.signal, instrumentId,
            Side.sign(side), quantity, px, fee, timeNanos);
    }

    @Override
    public void onReject(final long orderId, final int instrumentId, final int side, final long quantity,
        final RejectReason reason, final long timeNanos)
    {
        working.remove(orderId);
        execution.onReject(reason);
    }

    @Override
    public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
    {
        final WorkingOrder order = working.remove(orderId);
        if (order != null && !order.limit)
        {
            execution.fillTally().onCutShort(quantity);
        }
        execution.onCancel();
    }

    @Override
    public void onExpired(final long orderId, final int instrumentId, final long leavesQuantity, final long timeNanos)
    {
        working.remove(orderId);
        execution.fillTally().onCutShort(leavesQuantity);
        execution.onExpired();
    }

    @Override
    public void onAccepted(final long orderId, final int instrumentId, final long timeNanos)
    {
    }

    @Override
    public void onCancelRequested(final long orderId, final int instrumentId, final long timeNanos)
    {
    }

    public ExecutionStatistics execution()
    {
        return execution;
    }

    public TradeStatistics tradeStatistics()
    {
        return tradeStatistics;
    }

    public TradeLedger ledger()
    {
        return ledger;
    }

    /** Closed trades per strategy, product, entry signal and exit reason. */
    public GroupTrades groups()
    {
        return groups;
    }

    /** The first {@value #MAX_LISTED} fills. */
    public List<Fill> fills()
    {
        return fills;
    }

    /** The first {@value #MAX_LISTED} closed trades. */
    public List<Trade> trades()
    {
        return trades;
    }

    /** The first {@value #MAX_LISTED} fills of the engine's own positions liquidated (perpetuals). */
    public List<Fill> liquidations()
    {
        return liquidations;
    }

    /** Fills of liquidations in all. */
    public long liquidationCount()
    {
        return liquidationCount;
    }

    public int workingOrders()
    {
        return working.size();
    }
}
