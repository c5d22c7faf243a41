package dev.peregrine.core.time;

/**
 * Epoch nanoseconds for stamping inputs at the edge (gateway, timer), without allocating an
 * {@code Instant}: a wall-clock base taken once plus the monotonic {@link System#nanoTime()} delta.
 * It therefore never goes backwards within a process, which a receive time should not.
 *
 * <p>Producers use it; the core never does: its clock is the time stamped on each event.
 */
public final class EpochClock
{
    private static final long BASE_EPOCH_NANOS = System.currentTimeMillis() * 1_000_000L;
    private static final long BASE_NANO_TIME = System.nanoTime();

    private EpochClock()
    {
    }

    public static long nowNanos()
    {
        return BASE_EPOCH_NANOS + (System.nanoTime() - BASE_NANO_TIME);
    }

    /** Epoch nanos of a {@link System#nanoTime()} reading taken in this process. */
    public static long fromNanoTime(final long nanoTime)
    {
        return BASE_EPOCH_NANOS + (nanoTime - BASE_NANO_TIME);
    }
}
