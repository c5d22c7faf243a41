package dev.peregrine.gateway.resilience;

import java.util.function.LongSupplier;

/**
 * AIMD control of the request rate: an HTTP 429, or an error rate above a threshold over a sliding
 * window, multiplies the rate by {@code decreaseFactor} (at most once per {@code decreaseHoldNanos}, so
 * that one burst of errors counts once); every second without a decrease adds {@code increasePerSecond}
 * back, up to the configured ceiling. The venue's {@code x-ratelimit-remaining}/{@code x-ratelimit-reset}
 * headers, when present, pause sending until the reset once nothing is left.
 *
 * <p>The window is {@code windowSlots} one-second slots in a ring: no allocation, no per-request list.
 * Single-threaded: owned by the adapter thread. Time source injected (nanoseconds).
 */
public final class AdaptiveThrottle
{
    private static final long SECOND = 1_000_000_000L;

    private final double maxRate;
    private final double minRate;
    private final double decreaseFactor;
    private final double increasePerSecond;
    private final double errorRateThreshold;
    private final int minSamples;
    private final long decreaseHoldNanos;
    private final LongSupplier nanoClock;
    private final long[] slotSecond;
    private final int[] slotRequests;
    private final int[] slotErrors;

    private double rate;
    private long lastAdjustNanos;
    private long lastDecreaseNanos = Long.MIN_VALUE / 2;
    private long pausedUntilNanos = Long.MIN_VALUE / 2;
    private long decreases;

    /** Defaults: halve on trouble, +1 request/s each calm second, 50% errors over 10 s with at least 10 samples. */
    public AdaptiveThrottle(final double maxRate, final LongSupplier nanoClock)
    {
        this(maxRate, 1.0, 0.5, 1.0, 0.5, 10, 10, SECOND, nanoClock);
    }

    public AdaptiveThrottle(
        final double maxRate,
        final double minRate,
        final double decreaseFactor,
        final double increasePerSecond,
        final double errorRateThreshold,
        final int minSamples,
        final int windowSlots,
        final long decreaseHoldNanos,
        final LongSupplier nanoClock)
    {
        if (!(maxRate > 0) || !(minRate > 0) || minRate > maxRate || !(decreaseFactor > 0 && decreaseFactor < 1) ||
            increasePerSecond < 0 || !(errorRateThreshold > 0 && errorRateThreshold <= 1) || windowSlots < 1)
        {
            throw new IllegalArgumentException("need 0 < minRate <= maxRate, 0 < decreaseFactor < 1, " +
                "increasePerSecond >= 0, 0 < errorRateThreshold <= 1, windowSlots >= 1");
        }
        this.maxRate = maxRate;
        this.minRate = minRate;
        this.decreaseFactor = decreaseFactor;
        this.increasePerSecond = increasePerSecond;
        this.errorRateThreshold = errorRateThreshold;
        this.minSamples = minSamples;
        this.decreaseHoldNanos = decreaseHoldNanos;
        this.nanoClock = nanoClock;
        this.slotSecond = new long[windowSlots];
        this.slotRequests = new int[windowSlots];
        this.slotErrors = new int[windowSlots];
        java.util.Arrays.fill(slotSecond, Long.MIN_VALUE);
        this.rate = maxRate;
        this.lastAdjustNanos = nanoClock.getAsLong();
    }

    /** The rate to use now, after additive recovery up to this instant. */
    public double rate()
    {
        final long now = nanoClock.getAsLong();
        final long elapsed = now - lastAdjustNanos;
        if (elapsed > 0 && rate < maxRate && now - lastDecreaseNanos >= decreaseHoldNanos)
        {
            rate = Math.min(maxRate, rate + increasePerSecond * elapsed / (double)SECOND);
        }
        lastAdjustNanos = now;
        return rate;
    }

    /** Nanoseconds to hold all requests because the venue's window is used up; 0 when free to send. */
    public long nanosPaused()
    {
        return Math.max(0, pausedUntilNanos - nanoClock.getAsLong());
    }

    /** A request answered without a transport or server error (4xx business rejects count as success). */
    public void onSuccess()
    {
        record(false);
    }

    /** A 5xx, time-out or dropped connection. */
    public void onError()
    {
        record(true);
        if (errorRate() > errorRateThreshold && samples() >= minSamples)
        {
            decrease();
        }
    }

    /** HTTP 429: back off at once. */
    public void onRateLimited()
    {
        record(true);
        decrease();
    }

    /**
     * Applies {@code x-ratelimit-remaining} and the time until {@code x-ratelimit-reset}; either may be
     * negative when the header was absent.
     */
    public void onRateLimitHeaders(final long remaining, final double secondsUntilReset)
    {
        if (remaining == 0 && secondsUntilReset > 0)
        {
            pausedUntilNanos = nanoClock.getAsLong() + (long)(Math.min(secondsUntilReset, 60.0) * SECOND);
        }
    }

    public long decreases()
    {
        return decreases;
    }

    /** Share of errors among requests in the window. */
    public double errorRate()
    {
        final int samples = samples();
        return samples == 0 ? 0.0 : errors() / (double)samples;
    }

    public int samples()
    {
        final long oldest = nanoClock.getAsLong() / SECOND - slotSecond.length + 1;
        int sum = 0;
        for (int i = 0; i < slotSecond.length; i++)
        {
            if (slotSecond[i] >= oldest)
            {
                sum += slotRequests[i];
            }
        }
        return sum;
    }

    private int errors()
    {
        final long oldest = nanoClock.getAsLong() / SECOND - slotSecond.length + 1;
        int sum = 0;
        for (int i = 0; i < slotSecond.length; i++)
        {
            if (slotSecond[i] >= oldest)
            {
                sum += slotErrors[i];
            }
        }
        return sum;
    }

    private void record(final boolean error)
    {
        final long second = nanoClock.getAsLong() / SECOND;
        final int slot = (int)Math.floorMod(second, (long)slotSecond.length);
        if (slotSecond[slot] != second)
        {
            slotSecond[slot] = second;
            slotRequests[slot] = 0;
            slotErrors[slot] = 0;
        }
        slotRequests[slot]++;
        if (error)
        {
            slotErrors[slot]++;
        }
    }

    private void decrease()
    {
        final long now = nanoClock.getAsLong();
        rate();
        if (now - lastDecreaseNanos < decreaseHoldNanos)
        {
            return;
        }
        rate = Math.max(minRate, rate * decreaseFactor);
        lastDecreaseNanos = now;
        lastAdjustNanos = now;
        decreases++;
    }
}
