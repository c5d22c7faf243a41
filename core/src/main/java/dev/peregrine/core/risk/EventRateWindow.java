package dev.peregrine.core.risk;

import dev.peregrine.core.output.Hash64;

/**
 * "At most {@code limit} events in any {@code window}" in event time, O(1) per check: a ring of the
 * last {@code limit} event times. A new event would break the limit exactly when the oldest of those
 * is still inside the window. A limit of 0 means no limit.
 */
public final class EventRateWindow
{
    private final long windowNanos;
    private final long[] times;
    private long count;

    public EventRateWindow(final int limit, final long windowNanos)
    {
        if (limit < 0 || windowNanos <= 0)
        {
            throw new IllegalArgumentException("rate limit must be >= 0 and its window > 0");
        }
        this.windowNanos = windowNanos;
        this.times = new long[limit];
    }

    /**
     * A window of {@code limit} over the same span that remembers this one's most recent events (as many as
     * it holds): a changed rate limit judges the next order by the orders already sent. Off the hot path.
     */
    public EventRateWindow withLimit(final int limit)
    {
        final EventRateWindow next = new EventRateWindow(limit, windowNanos);
        final int held = (int)Math.min(count, times.length);
        for (long k = count - held; k < count; k++)
        {
            next.record(times[(int)(k % times.length)]);
        }
        return next;
    }

    /** True if one more event at {@code nowNanos} stays within the limit. */
    public boolean allows(final long nowNanos)
    {
        final int limit = times.length;
        if (limit == 0 || count < limit)
        {
            return true;
        }
        final long oldestOfLast = times[(int)(count % limit)];
        return nowNanos - oldestOfLast >= windowNanos;
    }

    /** Records an event that was allowed. */
    public void record(final long nowNanos)
    {
        if (times.length == 0)
        {
            return;
        }
        times[(int)(count % times.length)] = nowNanos;
        count++;
    }

    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, count);
        for (final long t : times)
        {
            h = Hash64.mix(h, t);
        }
        return h;
    }
}
