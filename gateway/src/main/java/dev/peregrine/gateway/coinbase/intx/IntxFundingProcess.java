package dev.peregrine.gateway.coinbase.intx;

import java.util.SplittableRandom;

/**
 * The funding of a simulated INTX perpetual: a funding every {@code intervalNanos} (INTX: hourly; shorter for demos
 * and tests), at the multiples of the interval since the epoch as INTX funds on the hour, and the rate of each
 * funding drawn from a seeded generator keyed by product and funding time, so every reader (the product answer,
 * the portfolio that pays it) sees the same rate for the same funding without sharing state. Rates lie in
 * [-0.00005, +0.00015] per interval in steps of 0.00000001 (FixedPoint's last place), positive more often than
 * not, as perpetual funding usually is: longs pay shorts. Immutable; any thread.
 */
public final class IntxFundingProcess
{
    /** The lowest and highest rate drawn, FixedPoint (0.00005 and 0.00015). */
    static final long LOWEST_RATE = -5_000;
    static final long HIGHEST_RATE = 15_000;

    private final long seed;
    private final long intervalNanos;

    public IntxFundingProcess(final long seed, final long intervalNanos)
    {
        if (intervalNanos < 1_000_000_000L)
        {
            throw new IllegalArgumentException("the funding interval must be at least one second, was " + intervalNanos + " ns");
        }
        this.seed = seed;
        this.intervalNanos = intervalNanos;
    }

    public long intervalNanos()
    {
        return intervalNanos;
    }

    /** The first funding time strictly after {@code epochNanos}. */
    public long nextFundingTime(final long epochNanos)
    {
        return Math.floorDiv(epochNanos, intervalNanos) * intervalNanos + intervalNanos;
    }

    /** The rate of {@code productId}'s funding at {@code fundingTimeNanos}, FixedPoint (0.0001 = 10000). */
    public long rate(final String productId, final long fundingTimeNanos)
    {
        final long period = Math.floorDiv(fundingTimeNanos, intervalNanos);
        final SplittableRandom random = new SplittableRandom(seed * 31 + productId.hashCode() * 1_000_003L + period);
        return LOWEST_RATE + random.nextLong(HIGHEST_RATE - LOWEST_RATE + 1);
    }
}
