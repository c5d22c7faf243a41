package dev.peregrine.ops.orderlog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders still open, kept by the order-log thread from the events it drains, and published as an
 * immutable snapshot that any thread (the admin HTTP handler) may read without a lock. An order leaves the
 * view when it is filled, cancelled, rejected or expired. The strategy of recently closed orders is kept a
 * while longer, so a late fill (a fill of an order the engine had already given up on) still names it.
 */
final class OpenOrderView
{
    /** How many closed orders keep their strategy for late events. */
    private static final int CLOSED_REMEMBERED = 4096;

    private final Map<Long, OpenOrder> open = new LinkedHashMap<>();
    private final Map<Long, OpenOrder> closed = new LinkedHashMap<>(64, 0.75f, false)
    {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<Long, OpenOrder> eldest)
        {
            return size() > CLOSED_REMEMBERED;
        }
    };
    private boolean changed;
    private volatile List<OpenOrder> snapshot = List.of();

    /** The open order, or null. Log thread only. */
    OpenOrder get(final long orderId)
    {
        return open.get(orderId);
    }

    /** The open or recently closed order, or null. Log thread only. */
    OpenOrder known(final long orderId)
    {
        final OpenOrder order = open.get(orderId);
        return order != null ? order : closed.get(orderId);
    }

    void put(final OpenOrder order)
    {
        open.put(order.orderId(), order);
        changed = true;
    }

    /** Takes the order out of the view (if it is there) and remembers it as closed. */
    void close(final long orderId)
    {
        final OpenOrder order = open.remove(orderId);
        if (order != null)
        {
            closed.put(orderId, order);
            changed = true;
        }
    }

    /** Makes the changes since the last call visible to readers of {@link #snapshot()}. */
    void publish()
    {
        if (changed)
        {
            changed = false;
            snapshot = List.copyOf(new ArrayList<>(open.values()));
        }
    }

    /** Any thread: the open orders as of the last {@link #publish()}, oldest first. */
    List<OpenOrder> snapshot()
    {
        return snapshot;
    }
}
