package dev.peregrine.bench.cluster;

import dev.peregrine.shaded.agrona.concurrent.BackoffIdleStrategy;
import dev.peregrine.shaded.agrona.concurrent.BusySpinIdleStrategy;
import dev.peregrine.shaded.agrona.concurrent.IdleStrategy;
import dev.peregrine.shaded.agrona.concurrent.SleepingMillisIdleStrategy;
import dev.peregrine.shaded.agrona.concurrent.YieldingIdleStrategy;

/**
 * How the cluster's Aeron agents wait when idle ({@code --cluster-idle}). {@link #SLEEPING} is the cluster module as
 * it ships ({@code ClusterNode.launch}: 1 ms sleeps); the others launch the same members with another idle strategy
 * ({@code ClusterNode.launch}'s idle parameter), to show what the sleeps cost.
 */
enum ClusterIdle
{
    /** As shipped: {@code SleepingMillisIdleStrategy(1)} everywhere. */
    SLEEPING,
    /** Aeron's usual default for its agents: spin, yield, then park from 1 us doubling up to 100 us. */
    BACKOFF,
    /** {@code Thread.yield()} when idle: no sleeps, but every agent stays runnable (13 threads on two cores here). */
    YIELDING,
    /** Never gives up the core: one core per agent or it measures the scheduler. */
    BUSY_SPIN;

    IdleStrategy newIdleStrategy()
    {
        switch (this)
        {
            case SLEEPING: return new SleepingMillisIdleStrategy(1);
            case BACKOFF: return new BackoffIdleStrategy(100, 10, 1_000, 100_000);
            case YIELDING: return new YieldingIdleStrategy();
            case BUSY_SPIN: return new BusySpinIdleStrategy();
            default: throw new IllegalStateException(name());
        }
    }

    static ClusterIdle parse(final String name)
    {
        for (final ClusterIdle idle : values())
        {
            if (idle.name().equalsIgnoreCase(name.replace('-', '_')))
            {
                return idle;
            }
        }
        throw new IllegalArgumentException("--cluster-idle is sleeping, backoff, yielding or busy-spin, was " + name);
    }
}
