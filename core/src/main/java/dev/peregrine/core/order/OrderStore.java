package dev.peregrine.core.order;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.Hash64;

/**
 * Every order the core knows, owned by the core thread. Orders live in a pre-allocated pool addressed
 * by {@code orderId & mask}: ids count up from 1, so the slot of a new order last held the order
 * {@code capacity} ids older, which must be terminal by then (if it is not, the engine has
 * {@code capacity} orders open at once and the new one is refused). Open orders are also kept in an
 * id-sorted array, so iterating them is deterministic and costs nothing per event.
 *
 * <p>Every state change goes through {@link #transition}, which enforces {@link OrderState}'s table: an
 * illegal change is refused and counted, never applied.
 */
public final class OrderStore
{
    private final Order[] pool;
    private final int mask;
    private final long[] openIds;
    private int openCount;
    private long illegalTransitions;

    public OrderStore(final int capacity)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("order capacity must be a power of two, was " + capacity);
        }
        pool = new Order[capacity];
        for (int i = 0; i < capacity; i++)
        {
            pool[i] = new Order();
        }
        mask = capacity - 1;
        openIds = new long[capacity];
    }

    /** A new PENDING_NEW order, or null if its pool slot still holds an open order (too many open). */
    public Order create(final long orderId, final int strategyId, final int instrumentId, final int side,
        final OrderType type, final long quantity, final long limitPrice, final boolean reduceOnly, final long timeNanos)
    {
        final Order slot = pool[(int)(orderId & mask)];
        if (slot.orderId != 0 && slot.state.isOpen())
        {
            return null;
        }
        slot.reset(orderId, strategyId, instrumentId, side, type, quantity, limitPrice, reduceOnly, timeNanos);
        openIds[openCount++] = orderId; // ids only grow, so appending keeps the array sorted
        return slot;
    }

    /** The order with that id, or null if unknown or already evicted by a newer one. */
    public Order get(final long orderId)
    {
        final Order order = pool[(int)(orderId & mask)];
        return order.orderId == orderId && orderId != 0 ? order : null;
    }

    /** Moves {@code order} to {@code next} if the table allows it; otherwise counts and refuses. */
    public boolean transition(final Order order, final OrderState next, final long timeNanos)
    {
        if (!order.state.canTransitionTo(next))
        {
            illegalTransitions++;
            return false;
        }
        final boolean wasOpen = order.state.isOpen();
        if (next == OrderState.PENDING_CANCEL)
        {
            order.stateBeforeCancel = order.state;
        }
        order.state = next;
        order.updatedNanos = timeNanos;
        if (wasOpen && next.isTerminal())
        {
            removeOpen(order.orderId);
        }
        return true;
    }

    /**
     * Books a fill: quantity, notional, fees, then PARTIALLY_FILLED or FILLED. A fill larger than what
     * is left is refused and counted as illegal (a venue bug or a duplicate report).
     */
    public boolean applyFill(final Order order, final long quantity, final long price, final double fee, final long timeNanos)
    {
        if (quantity <= 0 || quantity > order.quantity - order.filledQuantity)
        {
            illegalTransitions++;
            return false;
        }
        final OrderState next = order.filledQuantity + quantity == order.quantity ? OrderState.FILLED : OrderState.PARTIALLY_FILLED;
        if (!order.state.canTransitionTo(next))
        {
            illegalTransitions++;
            return false;
        }
        order.filledQuantity += quantity;
        order.filledNotional += FixedPoint.toDouble(price) * FixedPoint.toDouble(quantity);
        order.fees += fee;
        return transition(order, next, timeNanos);
    }

    /**
     * The venue refused a cancel: the order is working again, in the state the cancel interrupted (a
     * fill that arrived meanwhile makes it at least PARTIALLY_FILLED). An order the venue never
     * acknowledged stays PENDING_NEW rather than pretending it was.
     */
    public void restoreAfterCancelRefused(final Order order, final long timeNanos)
    {
        OrderState back = order.stateBeforeCancel == null ? OrderState.ACKNOWLEDGED : order.stateBeforeCancel;
        if (order.filledQuantity > 0 && back != OrderState.PARTIALLY_FILLED)
        {
            back = OrderState.PARTIALLY_FILLED;
        }
        order.state = back; // PENDING_CANCEL -> a working state: always legal, PENDING_NEW included
        order.updatedNanos = timeNanos;
        order.cancelRefused = true;
    }

    /** True if the venue refused a cancel of this order before (it is working again). */
    public boolean cancelWasRefused(final Order order)
    {
        return order.cancelRefused;
    }

    /** True once, for a live-venue fill number not seen before on this order (they count up from 1). */
    public boolean firstSightOfVenueFill(final Order order, final long fillNumber)
    {
        if (fillNumber <= order.lastVenueFill)
        {
            return false;
        }
        order.lastVenueFill = fillNumber;
        return true;
    }

    /** Sets the paper venue's queue estimate of a resting order. */
    public void setQueueAhead(final Order order, final long queueAhead)
    {
        order.queueAhead = queueAhead;
    }

    private void removeOpen(final long orderId)
    {
        int low = 0;
        int high = openCount - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long id = openIds[mid];
            if (id == orderId)
            {
                System.arraycopy(openIds, mid + 1, openIds, mid, openCount - mid - 1);
                openCount--;
                return;
            }
            if (id < orderId)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
    }

    public int openCount()
    {
        return openCount;
    }

    /** The {@code index}-th open order in id order (0 = oldest). */
    public Order open(final int index)
    {
        return pool[(int)(openIds[index] & mask)];
    }

    /** Unfilled quantity of open orders on one side of an instrument. */
    public long openQuantity(final int instrumentId, final int side)
    {
        long total = 0;
        for (int i = 0; i < openCount; i++)
        {
            final Order order = open(i);
            if (order.instrumentId == instrumentId && order.side == side)
            {
                total += order.quantity - order.filledQuantity;
            }
        }
        return total;
    }

    public long illegalTransitions()
    {
        return illegalTransitions;
    }

    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, openCount);
        h = Hash64.mix(h, illegalTransitions);
        for (int i = 0; i < openCount; i++)
        {
            h = open(i).hash(h);
        }
        return h;
    }
}
