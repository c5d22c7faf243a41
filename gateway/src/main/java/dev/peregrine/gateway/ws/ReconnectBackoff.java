package dev.peregrine.gateway.ws;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Delays between reconnection attempts: exponential from {@code base}, doubling per failed attempt up
 * to {@code max}, with "equal jitter" (a delay is drawn uniformly from the upper half of the current
 * step), so a fleet of clients that lost the venue at the same instant does not reconnect in lockstep,
 * while no delay is ever shorter than half the base: the loop can never spin.
 *
 * <p>Jitter comes from a seeded {@link SplittableRandom}: this runs on a gateway event loop, off the
 * deterministic core, so the seed only serves reproducible tests. Not thread-safe: one owner thread.
 */
public final class ReconnectBackoff
{
    private final long baseNanos;
    private final long maxNanos;
    private final SplittableRandom random;
    private int failures;

    public ReconnectBackoff(final Duration base, final Duration max, final long seed)
    {
        if (base == null || max == null || base.isNegative() || base.isZero())
        {
            throw new IllegalArgumentException("backoff base must be > 0, was " + base);
        }
        if (max.compareTo(base) < 0)
        {
            throw new IllegalArgumentException("backoff max (" + max + ") must be >= base (" + base + ")");
        }
        this.baseNanos = base.toNanos();
        this.maxNanos = max.toNanos();
        this.random = new SplittableRandom(seed);
    }

    /** The delay before the next attempt; each call counts one more failure. */
    public long nextDelayNanos()
    {
        final long step = currentStepNanos();
        if (failures < 62)
        {
            failures++;
        }
        final long half = step / 2;
        return half + random.nextLong(step - half + 1);
    }

    /** The un-jittered ceiling of the next delay: {@code min(max, base * 2^failures)}. */
    public long currentStepNanos()
    {
        final int shift = Math.min(failures, 62);
        final long step = baseNanos > (maxNanos >> shift) ? maxNanos : baseNanos << shift;
        return Math.min(step, maxNanos);
    }

    /** A connection succeeded: the next loss starts from the base delay again. */
    public void reset()
    {
        failures = 0;
    }

    /** Consecutive failures since the last {@link #reset()}. */
    public int failures()
    {
        return failures;
    }
}
