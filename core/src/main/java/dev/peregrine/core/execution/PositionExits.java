package dev.peregrine.core.execution;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.output.Hash64;

/**
 * Watches every open position against its {@link ExitRules} after each event and closes it with a
 * market order when a rule fires, counting exits by reason. It remembers, per position, when it opened
 * and the best mark since, and it never sends a second exit while one is in flight. Owned by the core
 * thread.
 */
public final class PositionExits
{
    /** Replaced only between events ({@link #replaceRules}). */
    private ExitRules rules;
    private final PositionBook positions;
    private final MarketState market;
    private final OrderStore orders;
    private final CoreMetrics metrics;

    private final long[] trackedQuantity;
    private final long[] openedNanos;
    private final double[] bestMark;
    private final long[] exitOrderId;
    private final long[] lastAttemptNanos;

    /** A rejected exit (no market, stale feed) is retried at most this often, not on every event. */
    private static final long RETRY_NANOS = 1_000_000_000L;

    /** Continues with other rules (a settings change); what is tracked per position carries on. */
    public void replaceRules(final ExitRules next)
    {
        if (next.instrumentCount() != rules.instrumentCount())
        {
            throw new IllegalArgumentException("exit rules for " + next.instrumentCount() + " products, the core has " +
                rules.instrumentCount());
        }
        rules = next;
    }

    public PositionExits(final ExitRules rules, final PositionBook positions, final MarketState market,
        final OrderStore orders, final CoreMetrics metrics)
    {
        this.rules = rules;
        this.positions = positions;
        this.market = market;
        this.orders = orders;
        this.metrics = metrics;
        final int n = rules.instrumentCount();
        trackedQuantity = new long[n];
        openedNanos = new long[n];
        bestMark = new double[n];
        exitOrderId = new long[n];
        lastAttemptNanos = new long[n];
        java.util.Arrays.fill(lastAttemptNanos, Long.MIN_VALUE);
    }

    /** Evaluates every instrument; closing orders go through {@code entry} like any other order. */
    public void evaluate(final long nowNanos, final OrderEntry entry)
    {
        if (!rules.any())
        {
            return; // nothing to fire; the tracking below serves only the rules
        }
        for (int id = 0; id < trackedQuantity.length; id++)
        {
            evaluate(id, nowNanos, entry);
        }
    }

    private void evaluate(final int id, final long nowNanos, final OrderEntry entry)
    {
        final long position = positions.quantity(id);
        final double mark = FixedPoint.toDouble(market.markPrice(id));
        if (position == 0)
        {
            trackedQuantity[id] = 0;
            return;
        }
        if (trackedQuantity[id] == 0 || Long.signum(trackedQuantity[id]) != Long.signum(position))
        {
            openedNanos[id] = nowNanos; // opened or flipped: a new position
            bestMark[id] = mark;
        }
        trackedQuantity[id] = position;
        if (mark <= 0)
        {
            return;
        }
        final boolean isLong = position > 0;
        if (isLong ? mark > bestMark[id] : mark < bestMark[id])
        {
            bestMark[id] = mark;
        }
        if (exitInFlight(id))
        {
            return;
        }
        final double entryPrice = positions.averagePrice(id);
        final double move = isLong ? (mark - entryPrice) / entryPrice : (entryPrice - mark) / entryPrice;
        final double fallback = isLong ? (bestMark[id] - mark) / bestMark[id] : (mark - bestMark[id]) / bestMark[id];

        ExitReason reason = null;
        if (rules.stopLoss[id] > 0 && move <= -rules.stopLoss[id])
        {
            reason = ExitReason.STOP_LOSS;
        }
        else if (rules.takeProfit[id] > 0 && move >= rules.takeProfit[id])
        {
            reason = ExitReason.TAKE_PROFIT;
        }
        else if (rules.trailingStop[id] > 0 && fallback >= rules.trailingStop[id])
        {
            reason = ExitReason.TRAILING_STOP;
        }
        else if (rules.maxHoldingNanos[id] > 0 && nowNanos - openedNanos[id] >= rules.maxHoldingNanos[id])
        {
            reason = ExitReason.TIME_STOP;
        }
        if (reason == null)
        {
            return;
        }
        // Working orders on the instrument go first: a resting order on our side would keep adding to the
        // position, and one on the other side would make the closing order a self-trade.
        if (cancelWorkingOrders(id, entry))
        {
            return;
        }
        if (lastAttemptNanos[id] != Long.MIN_VALUE && nowNanos - lastAttemptNanos[id] < RETRY_NANOS)
        {
            return;
        }
        lastAttemptNanos[id] = nowNanos;
        entry.decision().signal(reason.signal()).value("position", FixedPoint.toDouble(position))
            .value("mark", mark)
            .value("entry", entryPrice);
        final long orderId = entry.submitMarketOrder(id, isLong ? Side.SELL : Side.BUY, Math.abs(position));
        if (orderId > 0)
        {
            exitOrderId[id] = orderId;
            metrics.exits[reason.ordinal()].increment();
        }
    }

    /** Asks to cancel the instrument's open orders; true while any is still open (the exit waits). */
    private boolean cancelWorkingOrders(final int id, final OrderEntry entry)
    {
        boolean anyOpen = false;
        for (int i = orders.openCount() - 1; i >= 0; i--)
        {
            final Order order = orders.open(i);
            if (order.instrumentId() == id)
            {
                anyOpen = true;
                if (order.state() != dev.peregrine.core.order.OrderState.PENDING_CANCEL)
                {
                    entry.cancelOrder(order.orderId());
                }
            }
        }
        return anyOpen;
    }

    private boolean exitInFlight(final int id)
    {
        if (exitOrderId[id] == 0)
        {
            return false;
        }
        final Order order = orders.get(exitOrderId[id]);
        if (order != null && order.state().isOpen())
        {
            return true;
        }
        exitOrderId[id] = 0;
        return false;
    }

    public long hash(final long seed)
    {
        long h = seed;
        for (int i = 0; i < trackedQuantity.length; i++)
        {
            h = Hash64.mix(h, trackedQuantity[i]);
            h = Hash64.mix(h, openedNanos[i]);
            h = Hash64.mix(h, bestMark[i]);
            h = Hash64.mix(h, exitOrderId[i]);
            h = Hash64.mix(h, lastAttemptNanos[i]);
        }
        return h;
    }
}
