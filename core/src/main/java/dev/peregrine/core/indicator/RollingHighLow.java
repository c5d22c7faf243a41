package dev.peregrine.core.indicator;

import dev.peregrine.core.output.Hash64;

/**
 * Highest high and lowest low of the last {@code period} bars (a Donchian channel); TA-Lib {@code MAX}
 * over highs and {@code MIN} over lows. Ready from the {@code period}-th update.
 *
 * <p>O(1) amortised: each side is a monotonic deque of bar sequence numbers (primitive {@code long}s in
 * a ring of {@code period} slots) whose values decrease (highs) or increase (lows) from front to back.
 * A new bar pops the dominated entries from the back and the expired one from the front, so every bar
 * is pushed and popped at most once. The extreme is always at the front. Ties keep the newer bar,
 * which does not change the value.
 */
public final class RollingHighLow implements Indicator
{
    private final int period;
    private final double[] highs;
    private final double[] lows;
    private final long[] highQueue;
    private final long[] lowQueue;
    private long sequence;
    private long highFront;
    private long highBack;
    private long lowFront;
    private long lowBack;

    public RollingHighLow(final int period)
    {
        if (period < 1)
        {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        this.period = period;
        highs = new double[period];
        lows = new double[period];
        highQueue = new long[period];
        lowQueue = new long[period];
    }

    /** One series: the rolling max and min of {@code value}. */
    public void update(final double value)
    {
        update(value, value);
    }

    public void update(final double high, final double low)
    {
        final long seq = sequence++;
        final int slot = (int)(seq % period);
        highs[slot] = high;
        lows[slot] = low;
        final long expired = seq - period;

        if (highFront < highBack && highQueue[(int)(highFront % period)] <= expired)
        {
            highFront++;
        }
        while (highFront < highBack && highs[(int)(highQueue[(int)((highBack - 1) % period)] % period)] <= high)
        {
            highBack--;
        }
        highQueue[(int)(highBack % period)] = seq;
        highBack++;

        if (lowFront < lowBack && lowQueue[(int)(lowFront % period)] <= expired)
        {
            lowFront++;
        }
        while (lowFront < lowBack && lows[(int)(lowQueue[(int)((lowBack - 1) % period)] % period)] >= low)
        {
            lowBack--;
        }
        lowQueue[(int)(lowBack % period)] = seq;
        lowBack++;
    }

    @Override
    public boolean isReady()
    {
        return sequence >= period;
    }

    /** Highest high of the window. */
    public double high()
    {
        return isReady() ? highs[(int)(highQueue[(int)(highFront % period)] % period)] : Double.NaN;
    }

    /** Lowest low of the window. */
    public double low()
    {
        return isReady() ? lows[(int)(lowQueue[(int)(lowFront % period)] % period)] : Double.NaN;
    }

    /** Bars since the highest high (0 for the newest bar), as for Aroon; -1 before warm-up. */
    public int barsSinceHigh()
    {
        return isReady() ? (int)(sequence - 1 - highQueue[(int)(highFront % period)]) : -1;
    }

    /** Bars since the lowest low (0 for the newest bar); -1 before warm-up. */
    public int barsSinceLow()
    {
        return isReady() ? (int)(sequence - 1 - lowQueue[(int)(lowFront % period)]) : -1;
    }

    public int period()
    {
        return period;
    }

    @Override
    public void reset()
    {
        java.util.Arrays.fill(highs, 0.0);
        java.util.Arrays.fill(lows, 0.0);
        java.util.Arrays.fill(highQueue, 0L);
        java.util.Arrays.fill(lowQueue, 0L);
        sequence = 0;
        highFront = 0;
        highBack = 0;
        lowFront = 0;
        lowBack = 0;
    }

    @Override
    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, period);
        h = Hash64.mix(h, sequence);
        // Only the live part of the window and of the deques is state; stale slots are not hashed.
        final long first = Math.max(0, sequence - period);
        for (long s = first; s < sequence; s++)
        {
            h = Hash64.mix(h, highs[(int)(s % period)]);
            h = Hash64.mix(h, lows[(int)(s % period)]);
        }
        for (long i = highFront; i < highBack; i++)
        {
            h = Hash64.mix(h, highQueue[(int)(i % period)]);
        }
        for (long i = lowFront; i < lowBack; i++)
        {
            h = Hash64.mix(h, lowQueue[(int)(i % period)]);
        }
        return h;
    }
}
