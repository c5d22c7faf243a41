package dev.peregrine.ops.orderlog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded single-producer single-consumer queue of pre-allocated {@link OrderEventSlot}s: the core thread
 * claims a slot, fills it and publishes it; the log thread polls, reads and releases. Neither side blocks,
 * locks or allocates; a full ring refuses the claim and the producer counts the drop.
 *
 * <p>Memory ordering: the producer publishes {@code tail} with a release store after writing the slot, the
 * consumer reads it with an acquire load before reading the slot (so it sees the slot's fields); the consumer
 * publishes {@code head} with a release store after reading, the producer reads it with an acquire load before
 * reusing a slot (so it never overwrites one being read). Each side caches the other's index and re-reads it
 * only when the cached value says full (producer) or empty (consumer).
 */
public final class OrderEventRing
{
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static
    {
        try
        {
            HEAD = MethodHandles.lookup().findVarHandle(OrderEventRing.class, "head", long.class);
            TAIL = MethodHandles.lookup().findVarHandle(OrderEventRing.class, "tail", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final OrderEventSlot[] slots;
    private final int mask;

    /** Next slot the consumer reads; written by the consumer only. */
    private long head;
    // Padding keeps the two indices on different cache lines, so each side's stores do not slow the other.
    @SuppressWarnings("unused")
    private long p1, p2, p3, p4, p5, p6, p7;
    /** Next slot the producer writes; written by the producer only. */
    private long tail;
    @SuppressWarnings("unused")
    private long q1, q2, q3, q4, q5, q6, q7;

    /** Producer's copy of {@code head}, refreshed only when the ring looks full. */
    private long headCache;
    /** Consumer's copy of {@code tail}, refreshed only when the ring looks empty. */
    private long tailCache;

    public OrderEventRing(final int capacity)
    {
        if (capacity < 2 || Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("the order event ring's capacity must be a power of two >= 2, got " +
                capacity + " (round it up, e.g. 8192)");
        }
        slots = new OrderEventSlot[capacity];
        for (int i = 0; i < capacity; i++)
        {
            slots[i] = new OrderEventSlot();
        }
        mask = capacity - 1;
    }

    public int capacity()
    {
        return slots.length;
    }

    /** Producer: the next free slot, cleared, or null when the ring is full. Follow a non-null claim with {@link #publish}. */
    public OrderEventSlot claim()
    {
        final long t = (long) TAIL.getOpaque(this);
        if (t - headCache >= slots.length)
        {
            headCache = (long) HEAD.getAcquire(this);
            if (t - headCache >= slots.length)
            {
                return null;
            }
        }
        final OrderEventSlot slot = slots[(int) t & mask];
        slot.clear();
        return slot;
    }

    /** Producer: makes the claimed slot visible to the consumer. */
    public void publish()
    {
        TAIL.setRelease(this, (long) TAIL.getOpaque(this) + 1);
    }

    /** Consumer: the oldest published slot, or null when there is none. Follow a non-null poll with {@link #release}. */
    public OrderEventSlot poll()
    {
        final long h = (long) HEAD.getOpaque(this);
        if (h >= tailCache)
        {
            tailCache = (long) TAIL.getAcquire(this);
            if (h >= tailCache)
            {
                return null;
            }
        }
        return slots[(int) h & mask];
    }

    /** Consumer: hands the polled slot back to the producer. */
    public void release()
    {
        HEAD.setRelease(this, (long) HEAD.getOpaque(this) + 1);
    }

    /** Published and not yet released: approximate when read from a third thread. */
    public long size()
    {
        return (long) TAIL.getAcquire(this) - (long) HEAD.getAcquire(this);
    }
}
