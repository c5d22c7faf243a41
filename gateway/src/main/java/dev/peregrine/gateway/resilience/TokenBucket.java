package dev.peregrine.gateway.resilience;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code rate} tokens a second up to {@code burst} in store; a request takes one.
 * Non-blocking: {@link #tryAcquire()} answers at once and {@link #nanosUntilNext()} says how long the
 * caller's idle strategy may wait. The rate can change at run time (the {@link AdaptiveThrottle} lowers
 * it) without losing the tokens already earned.
 *
 * <p>Single-threaded: owned by the adapter thread. The time source is injected (nanoseconds, any origin).
 */
public final class TokenBucket
{
    public static final double DEFAULT_RATE_PER_SECOND = 30.0;

    private final LongSupplier nanoClock;
    private final double burst;
    private double ratePerSecond;
    private double tokens;
    private long lastRefillNanos;

    public TokenBucket(final double ratePerSecond, final int burst, final LongSupplier nanoClock)
    {
        if (!(ratePerSecond > 0) || burst < 1)
        {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1, was " + ratePerSecond + "/s burst " + burst);
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.nanoClock = nanoClock;
        this.lastRefillNanos = nanoClock.getAsLong();
    }

    /** Takes a token if one is there. */
    public boolean tryAcquire()
    {
        refill();
        if (tokens >= 1.0)
        {
            tokens -= 1.0;
            return true;
        }
        return false;
    }

    /** 0 if a token is there now, else the nanoseconds until one will be. */
    public long nanosUntilNext()
    {
        refill();
        return tokens >= 1.0 ? 0 : (long)Math.ceil((1.0 - tokens) / ratePerSecond * 1e9);
    }

    /** Changes the refill rate from now on; tokens earned at the old rate stay. */
    public void rate(final double newRatePerSecond)
    {
        if (!(newRatePerSecond > 0))
        {
            throw new IllegalArgumentException("rate must be > 0, was " + newRatePerSecond);
        }
        refill();
        ratePerSecond = newRatePerSecond;
    }

    /** Empties the bucket, e.g. when the venue says no requests are left until its window resets. */
    public void drain()
    {
        refill();
        tokens = 0;
    }

    public double rate()
    {
        return ratePerSecond;
    }

    public double tokens()
    {
        refill();
        return tokens;
    }

    private void refill()
    {
        final long now = nanoClock.getAsLong();
        final long elapsed = now - lastRefillNanos;
        if (elapsed > 0)
        {
            tokens = Math.min(burst, tokens + elapsed * ratePerSecond / 1e9);
            lastRefillNanos = now;
        }
    }
}
