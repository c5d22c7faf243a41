package dev.peregrine.core.time;

/**
 * Epoch nanoseconds from one {@link System#nanoTime()} read: the wall clock is sampled once, at
 * construction, and advanced by the monotonic clock after that. Reading both clocks per frame would
 * cost twice, and {@code Instant.now()} allocates; this costs one nanoTime and an add, and the receive
 * stamp and the latency stamp of a frame come from the same read, so they can never disagree.
 *
 * <p>The price is drift: the value does not follow NTP slews of the wall clock made after construction.
 * A connection's clock is created when it starts, so the drift is bounded by the connection's life.
 */
public final class EpochClock
{
    private final long baseEpochNanos;
    private final long baseNanoTime;

    public EpochClock()
    {
        final long nanoTime = System.nanoTime();
        this.baseEpochNanos = System.currentTimeMillis() * 1_000_000L;
        this.baseNanoTime = nanoTime;
    }

    /** Epoch nanoseconds at the moment {@code nanoTime} (a value of {@link System#nanoTime()}) was read. */
    public long epochNanosAt(final long nanoTime)
    {
        return baseEpochNanos + (nanoTime - baseNanoTime);
    }

    /** Epoch nanoseconds now. */
    public long epochNanos()
    {
        return epochNanosAt(System.nanoTime());
    }
}
