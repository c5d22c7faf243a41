package dev.peregrine.core.strategy;

import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.output.Hash64;

/**
 * One strategy's working orders, in the order they were placed: what {@link StrategyContext#openOrder},
 * {@link StrategyContext#openQuantity}, {@link StrategyContext#cancelAllOrders} and the state hash see. Ids
 * only (the orders themselves live in the execution engine's pool), sized for every order the engine can
 * hold, so adding never fails and never allocates.
 */
final class StrategyOpenOrders
{
    private final int strategyId;
    private final ExecutionEngine execution;
    private final long[] ids = new long[ExecutionEngine.ORDER_CAPACITY];
    private int count;

    StrategyOpenOrders(final int strategyId, final ExecutionEngine execution)
    {
        this.strategyId = strategyId;
        this.execution = execution;
    }

    /** Lists an order the strategy just placed (an id &gt; 0) unless it ended at once (rejected, filled). */
    void placed(final long orderId)
    {
        if (orderId > 0)
        {
            final Order order = execution.orders().get(orderId);
            if (order != null && !order.state().isTerminal())
            {
                ids[count++] = orderId;
            }
        }
    }

    /** Asks to cancel each working order in one instrument (every one for a negative id); returns how many. */
    int cancelAll(final int instrumentId)
    {
        int asked = 0;
        for (int i = 0; i < count; i++)
        {
            final Order order = execution.orders().get(ids[i]);
            if (order != null && (instrumentId < 0 || order.instrumentId() == instrumentId) &&
                execution.cancelOrder(order.orderId()))
            {
                asked++;
            }
        }
        return asked;
    }

    Order order(final int index)
    {
        if (index < 0 || index >= count)
        {
            throw new IndexOutOfBoundsException("open order " + index + " of " + count);
        }
        return execution.orders().get(ids[index]);
    }

    /** The order if it is this strategy's (working or not), else null. */
    Order ownOrder(final long orderId)
    {
        final Order order = execution.orders().get(orderId);
        return order != null && order.strategyId() == strategyId ? order : null;
    }

    long openQuantity(final int instrumentId, final int side)
    {
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            final Order order = execution.orders().get(ids[i]);
            if (order != null && order.instrumentId() == instrumentId && order.side() == side)
            {
                total += order.leavesQuantity();
            }
        }
        return total;
    }


    /** Removes the order if it is listed (searched from the newest: the order just worked is usually recent). */
    void remove(final long orderId)
    {
        for (int i = count - 1; i >= 0; i--)
        {
            if (ids[i] == orderId)
            {
                System.arraycopy(ids, i + 1, ids, i, count - i - 1);
                count--;
                return;
            }
        }
    }

    int count()
    {
        return count;
    }

    long hash(final long seed)
    {
        long h = Hash64.mix(seed, count);
        for (int i = 0; i < count; i++)
        {
            h = Hash64.mix(h, ids[i]);
        }
        return h;
    }
}
