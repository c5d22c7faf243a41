package dev.peregrine.core.execution;

import dev.peregrine.core.output.Hash64;

/**
 * Market orders the paper venue keeps filling after they arrived ({@link FillModel#VOLUME}), in arrival
 * order. Every order works for the same window, so arrival order is also deadline order and the first
 * entry is always the next to expire. Pre-allocated parallel arrays: nothing allocated on the core thread.
 */
final class WorkingOrders extends OrderRows
{
    private final long[] orderId;
    private final int[] instrument;
    private final int[] side;
    private final long[] deadline;

    WorkingOrders(final int capacity)
    {
        super(capacity);
        orderId = new long[capacity];
        instrument = new int[capacity];
        side = new int[capacity];
        deadline = new long[capacity];
    }

    /** False when full: the caller cancels the rest of the order instead. */
    boolean add(final long id, final int instrumentId, final int orderSide, final long leavesQuantity,
        final long deadlineNanos)
    {
        if (isFull())
        {
            return false;
        }
        orderId[count] = id;
        instrument[count] = instrumentId;
        side[count] = orderSide;
        leaves[count] = leavesQuantity;
        deadline[count] = deadlineNanos;
        count++;
        return true;
    }

    long orderId(final int i)
    {
        return orderId[i];
    }

    int instrument(final int i)
    {
        return instrument[i];
    }

    int side(final int i)
    {
        return side[i];
    }

    long leaves(final int i)
    {
        return leaves[i];
    }

    void reduce(final int i, final long filled)
    {
        leaves[i] -= filled;
    }

    /** Deadline of the first order, the next to expire; only when {@link #count()} > 0. */
    long firstDeadline()
    {
        return deadline[0];
    }

    /** Index of the order, or -1. */
    int indexOf(final long id)
    {
        for (int i = 0; i < count; i++)
        {
            if (orderId[i] == id)
            {
                return i;
            }
        }
        return -1;
    }

    @Override
    protected void copy(final int from, final int to)
    {
        orderId[to] = orderId[from];
        instrument[to] = instrument[from];
        side[to] = side[from];
        leaves[to] = leaves[from];
        deadline[to] = deadline[from];
    }

    long hash(final long seed)
    {
        long h = Hash64.mix(seed, count);
        for (int i = 0; i < count; i++)
        {
            h = Hash64.mix(h, orderId[i]);
            h = Hash64.mix(h, leaves[i]);
            h = Hash64.mix(h, deadline[i]);
        }
        return h;
    }
}
