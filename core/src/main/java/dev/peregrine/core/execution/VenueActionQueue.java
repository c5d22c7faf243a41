package dev.peregrine.core.execution;

/**
 * A FIFO of timed venue actions in pre-allocated parallel arrays. Each queue holds one kind of action
 * with one fixed latency, so due times are non-decreasing and the head is always the next one due.
 */
final class VenueActionQueue
{
    private final long[] due;
    private final long[] orderId;
    private final long[] quantity;
    private final long[] price;
    private final int[] code;
    private final int mask;
    private long head;
    private long tail;

    VenueActionQueue(final int capacity)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("queue capacity must be a power of two, was " + capacity);
        }
        due = new long[capacity];
        orderId = new long[capacity];
        quantity = new long[capacity];
        price = new long[capacity];
        code = new int[capacity];
        mask = capacity - 1;
    }

    /** False if full: the caller turns that into a rejection, never a silent drop. */
    boolean offer(final long dueNanos, final long orderId, final long quantity, final long price, final int code)
    {
        if (tail - head == due.length)
        {
            return false;
        }
        final int i = (int)(tail++ & mask);
        this.due[i] = dueNanos;
        this.orderId[i] = orderId;
        this.quantity[i] = quantity;
        this.price[i] = price;
        this.code[i] = code;
        return true;
    }

    boolean isEmpty()
    {
        return head == tail;
    }

    long headDue()
    {
        return due[(int)(head & mask)];
    }

    long headOrderId()
    {
        return orderId[(int)(head & mask)];
    }

    long headQuantity()
    {
        return quantity[(int)(head & mask)];
    }

    long headPrice()
    {
        return price[(int)(head & mask)];
    }

    int headCode()
    {
        return code[(int)(head & mask)];
    }

    void poll()
    {
        head++;
    }

    int size()
    {
        return (int)(tail - head);
    }

    /** Marks a queued action for {@code id} with {@code newCode}; true if one was found. */
    boolean recode(final long id, final int newCode)
    {
        for (long s = head; s < tail; s++)
        {
            final int i = (int)(s & mask);
            if (orderId[i] == id)
            {
                code[i] = newCode;
                return true;
            }
        }
        return false;
    }

    long hash(final long seed)
    {
        long h = dev.peregrine.core.output.Hash64.mix(seed, tail - head);
        for (long s = head; s < tail; s++)
        {
            final int i = (int)(s & mask);
            h = dev.peregrine.core.output.Hash64.mix(h, due[i]);
            h = dev.peregrine.core.output.Hash64.mix(h, orderId[i]);
            h = dev.peregrine.core.output.Hash64.mix(h, quantity[i]);
            h = dev.peregrine.core.output.Hash64.mix(h, price[i]);
            h = dev.peregrine.core.output.Hash64.mix(h, code[i]);
        }
        return h;
    }
}
