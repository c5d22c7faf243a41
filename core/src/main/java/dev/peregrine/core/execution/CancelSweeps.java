package dev.peregrine.core.execution;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.Hash64;

/**
 * Sweeps that run over as many events as they take: cancel-all (a kill, a flatten, a loss limit, or every
 * strategy disabled), the sweep of one disabled strategy's orders, and a flatten that closes the positions
 * once nothing is open. A sweep is done only when the venue confirmed every cancel; a cancel it refused (an
 * outage, an open circuit breaker) put its order back to working and is asked again at most once a second.
 * Owned by the core thread; the engine it cancels and submits through is passed in.
 */
final class CancelSweeps
{
    private static final long RETRY_NANOS = 1_000_000_000L;

    private final OrderStore orders;
    private final PositionBook positions;
    /** Strategies whose working orders are being cancelled (a disabled strategy), and up to which order id. */
    private final long[] strategySweepUpTo;
    private int strategySweeps;
    private boolean cancelAllPending;
    private boolean flattenPending;
    private long lastFlattenAttemptNanos = Long.MIN_VALUE;
    private long lastCancelAllNanos = Long.MIN_VALUE;
    private long cancelAllUpToOrderId;

    CancelSweeps(final OrderStore orders, final PositionBook positions, final int maxStrategies)
    {
        this.orders = orders;
        this.positions = positions;
        this.strategySweepUpTo = new long[maxStrategies + 1];
    }

    /** Cancels every order up to {@code lastOrderId}; with {@code flatten}, closes the positions afterwards. */
    void startCancelAll(final long lastOrderId, final boolean flatten)
    {
        cancelAllPending = true;
        cancelAllUpToOrderId = lastOrderId;
        flattenPending = flatten;
    }

    /** Cancels every order up to {@code lastOrderId}; a flatten already asked for stays asked. */
    void startCancelAll(final long lastOrderId)
    {
        cancelAllPending = true;
        cancelAllUpToOrderId = lastOrderId;
    }

    /** Starts (or extends to {@code lastOrderId}) the sweep of one strategy's orders. */
    void startStrategySweep(final int strategyId, final long lastOrderId, final ExecutionEngine engine, final long now)
    {
        if (strategySweepUpTo[strategyId] == 0)
        {
            strategySweeps++;
        }
        strategySweepUpTo[strategyId] = Math.max(lastOrderId, 1);
        continueStrategySweeps(engine, now);
    }

    boolean inProgress()
    {
        return cancelAllPending || flattenPending || strategySweeps > 0;
    }

    /** Called at the end of every event: asks what is still open, and flattens once nothing is. */
    void continueSweeps(final ExecutionEngine engine, final long now)
    {
        if (strategySweeps > 0)
        {
            continueStrategySweeps(engine, now);
        }
        if (cancelAllPending)
        {
            // Orders not asked yet (one event carries at most a few commands) are asked now. Only orders that
            // existed when the sweep began: closing orders sent since (flatten, an exit after a loss limit)
            // are not swept away.
            if (!anyOpenUpTo(cancelAllUpToOrderId))
            {
                cancelAllPending = false;
            }
            else
            {
                final boolean retryRefused = retryDue(now);
                boolean asked = false;
                for (int i = 0; i < orders.openCount(); i++)
                {
                    final Order order = orders.open(i);
                    if (order.state() == OrderState.PENDING_CANCEL || order.orderId() > cancelAllUpToOrderId)
                    {
                        continue;
                    }
                    if (!orders.cancelWasRefused(order) || retryRefused)
                    {
                        asked |= engine.emergencyCancel(order.orderId());
                    }
                }
                if (asked)
                {
                    lastCancelAllNanos = now;   // a refusal of these is asked again a second from now
                }
                cancelAllPending = anyOpenUpTo(cancelAllUpToOrderId);
            }
        }
        if (flattenPending && !cancelAllPending)
        {
            flatten(engine, now);
        }
    }

    private boolean retryDue(final long now)
    {
        return lastCancelAllNanos == Long.MIN_VALUE || now - lastCancelAllNanos >= RETRY_NANOS;
    }

    private void continueStrategySweeps(final ExecutionEngine engine, final long now)
    {
        final boolean retryRefused = retryDue(now);
        boolean asked = false;
        for (int i = 0; i < orders.openCount(); i++)
        {
            final Order order = orders.open(i);
            final int strategyId = order.strategyId();
            if (strategyId == 0 || order.orderId() > strategySweepUpTo[strategyId] ||
                order.state() == OrderState.PENDING_CANCEL)
            {
                continue;
            }
            if (!orders.cancelWasRefused(order) || retryRefused)
            {
                asked |= engine.emergencyCancel(order.orderId());
            }
        }
        if (asked)
        {
            lastCancelAllNanos = now;
        }
        for (int id = 1; id < strategySweepUpTo.length && strategySweeps > 0; id++)
        {
            if (strategySweepUpTo[id] != 0 && !anyOpen(id, strategySweepUpTo[id]))
            {
                strategySweepUpTo[id] = 0;
                strategySweeps--;
            }
        }
    }

    /** True if an order of {@code strategyId} (any strategy when negative) up to that order id is open. */
    private boolean anyOpen(final int strategyId, final long upToOrderId)
    {
        for (int i = 0; i < orders.openCount(); i++)
        {
            final Order order = orders.open(i);
            if ((strategyId < 0 || order.strategyId() == strategyId) && order.orderId() <= upToOrderId)
            {
                return true;
            }
        }
        return false;
    }

    private boolean anyOpenUpTo(final long orderId)
    {
        return anyOpen(-1, orderId);
    }

    private void flatten(final ExecutionEngine engine, final long now)
    {
        boolean flat = true;
        for (int id = 0; id < positions.instrumentCount(); id++)
        {
            if (positions.quantity(id) != 0)
            {
                flat = false;
            }
        }
        if (flat)
        {
            flattenPending = false;
            return;
        }
        // Closing orders in flight are awaited; a rejected close (no market, stale feed) is retried once a second.
        if (orders.openCount() > 0 ||
            (lastFlattenAttemptNanos != Long.MIN_VALUE && now - lastFlattenAttemptNanos < RETRY_NANOS))
        {
            return;
        }
        lastFlattenAttemptNanos = now;
        for (int id = 0; id < positions.instrumentCount(); id++)
        {
            final long position = positions.quantity(id);
            if (position != 0)
            {
                final DecisionRecord note = engine.decision();
                note.signal("operator-flatten").value("position", FixedPoint.toDouble(position));
                engine.submit(0, note, id, position > 0 ? Side.SELL : Side.BUY, OrderType.MARKET, Math.abs(position), 0);
            }
        }
    }

    /** Mixes the sweeps' state in the order the execution hash always has. */
    long hash(final long seed)
    {
        long h = Hash64.mix(seed, (cancelAllPending ? 1 : 0) + (flattenPending ? 2 : 0));
        h = Hash64.mix(h, lastFlattenAttemptNanos);
        h = Hash64.mix(h, lastCancelAllNanos);
        h = Hash64.mix(h, cancelAllUpToOrderId);
        h = Hash64.mix(h, strategySweeps);
        for (final long upTo : strategySweepUpTo)
        {
            h = Hash64.mix(h, upTo);
        }
        return h;
    }
}
