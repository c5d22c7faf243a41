package dev.peregrine.ops.http.ui;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The overview document, computed at most once a second however many pages, terminals and API clients ask:
 * a caller within a second of the last computation gets the same text. The computation reads the decision
 * journal, so it must not run per client.
 */
public final class OverviewCache implements Supplier<String>
{
    static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Supplier<String> compute;
    private final LongSupplier nanoClock;
    private String latest;
    private long computedAtNanos;
    private long computations;

    public OverviewCache(final Supplier<String> compute)
    {
        this(compute, System::nanoTime);
    }

    OverviewCache(final Supplier<String> compute, final LongSupplier nanoClock)
    {
        this.compute = compute;
        this.nanoClock = nanoClock;
    }

    /** The overview of at most a second ago. */
    @Override
    public synchronized String get()
    {
        final long now = nanoClock.getAsLong();
        if (latest == null || now - computedAtNanos >= MAX_AGE_NANOS)
        {
            latest = compute.get();
            computedAtNanos = now;
            computations++;
        }
        return latest;
    }

    synchronized long computations()
    {
        return computations;
    }
}
