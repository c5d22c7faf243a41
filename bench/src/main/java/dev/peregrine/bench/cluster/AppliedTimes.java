package dev.peregrine.bench.cluster;

/**
 * When each event was applied, by its index: written by the one thread that applies (the ring's core thread, a
 * member's service container thread), read by the bench's thread. The timestamp is written before the volatile
 * count, so a reader that saw {@link #applied()} pass an index also sees that index's timestamp.
 */
final class AppliedTimes
{
    private final long[] appliedAt;
    private long lastVenueSequence = -1;
    private volatile long applied;

    AppliedTimes(final int capacity)
    {
        appliedAt = new long[capacity];
    }

    /**
     * On the applying thread: event {@code index} (the applier's count) was applied now; indices arrive 0, 1, 2...
     * {@code venueSequence} is the event's own (its index in the bench's stream), so a gap shows which were lost.
     */
    void onApplied(final long index, final long venueSequence)
    {
        lastVenueSequence = venueSequence;
        if (index < appliedAt.length)
        {
            appliedAt[(int)index] = System.nanoTime();
        }
        applied = index + 1;
    }

    /** Events applied so far. Any thread. */
    long applied()
    {
        return applied;
    }

    /** The venueSequence of the last event applied; read after {@link #applied()}. */
    long lastVenueSequence()
    {
        return lastVenueSequence;
    }

    /** {@link System#nanoTime()} when event {@code index} was applied; only once {@link #applied()} passed it. */
    long appliedAt(final long index)
    {
        return appliedAt[(int)index];
    }

    int capacity()
    {
        return appliedAt.length;
    }
}
