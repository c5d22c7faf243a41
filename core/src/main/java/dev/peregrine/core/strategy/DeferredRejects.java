package dev.peregrine.core.strategy;

import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RejectReason;

/**
 * Rejections of orders a strategy submitted inside one of its own callbacks, waiting to be told once that
 * callback returns: re-entering a strategy mid-decision invites loops. At most {@link #CAPACITY} wait; a
 * rejection beyond that is counted ({@link #notTold}) and never told, which bounds a strategy that resubmits
 * in a loop. Fixed arrays: nothing is allocated.
 */
final class DeferredRejects
{
    static final int CAPACITY = 32;

    private final long[] orderIds = new long[CAPACITY];
    private final int[] instruments = new int[CAPACITY];
    private final RejectReason[] reasons = new RejectReason[CAPACITY];
    private final long[] times = new long[CAPACITY];
    private int count;
    private long notTold;

    /** Queues a rejection, or counts it as not told when {@link #CAPACITY} are already waiting. */
    void add(final long orderId, final int instrumentId, final RejectReason reason, final long timeNanos)
    {
        if (count == CAPACITY)
        {
            notTold++;
            return;
        }
        orderIds[count] = orderId;
        instruments[count] = instrumentId;
        reasons[count] = reason;
        times[count] = timeNanos;
        count++;
    }

    int count()
    {
        return count;
    }

    long orderId(final int index)
    {
        return orderIds[index];
    }

    int instrumentId(final int index)
    {
        return instruments[index];
    }

    RejectReason reason(final int index)
    {
        return reasons[index];
    }

    long timeNanos(final int index)
    {
        return times[index];
    }

    /** Drops the first {@code told} (told in one round); those queued while telling them move to the front. */
    void removeFirst(final int told)
    {
        final int rest = Math.max(count - told, 0);
        System.arraycopy(orderIds, told, orderIds, 0, rest);
        System.arraycopy(instruments, told, instruments, 0, rest);
        System.arraycopy(reasons, told, reasons, 0, rest);
        System.arraycopy(times, told, times, 0, rest);
        count = rest;
    }

    /** Drops every waiting rejection (a disabled strategy is told nothing more). */
    void clear()
    {
        count = 0;
    }

    /** Rejections not told because too many were waiting. */
    long notTold()
    {
        return notTold;
    }

    /** The count and the not-told total, in the order the runner's hash has always mixed them. */
    long hash(final long seed)
    {
        return Hash64.mix(Hash64.mix(seed, count), notTold);
    }
}
