package dev.peregrine.core.indicator;

import dev.peregrine.core.output.Hash64;

/**
 * The last {@code period} values of a series with their mean and population variance, for SMA,
 * rolling standard deviation and Bollinger Bands.
 *
 * <p>Numerics. The naive running sums (sum of x, sum of x squared) drift over a long run and, for the
 * variance, lose nearly every digit to cancellation: at BTC prices x squared is about 4e9, so the
 * rounding of the sums is larger than the variance of a quiet second. Instead the window keeps the
 * mean and the sum of squared deviations ({@code m2}) with Welford's sliding update, which never
 * subtracts two large squares, and every time the ring wraps (once per {@code period} updates) it
 * recomputes both exactly from the buffered values with two passes. So the error never accumulates
 * over more than {@code period} updates: O(1) amortised per update (one O(period) pass every
 * {@code period} updates), no drift however long the run, and the result depends only on the input
 * sequence, so replay reproduces it bit for bit.
 */
final class RollingWindow
{
    private final int period;
    private final double[] values;
    private int head;
    private int count;
    private double mean;
    private double m2;

    RollingWindow(final int period)
    {
        if (period < 1)
        {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        this.period = period;
        this.values = new double[period];
    }

    void add(final double x)
    {
        final int slot = head;
        head = slot + 1 == period ? 0 : slot + 1;
        if (count < period)
        {
            values[slot] = x;
            count++;
            final double delta = x - mean;
            mean += delta / count;
            m2 += delta * (x - mean);
        }
        else
        {
            final double out = values[slot];
            values[slot] = x;
            final double oldMean = mean;
            mean = oldMean + (x - out) / period;
            m2 += (x - out) * (x - mean + out - oldMean);
        }
        if (head == 0)
        {
            recompute();
        }
    }

    /** Two passes over the full window, oldest first (head is 0 here, so index order is age order). */
    private void recompute()
    {
        double sum = 0.0;
        for (int i = 0; i < period; i++)
        {
            sum += values[i];
        }
        final double m = sum / period;
        double squares = 0.0;
        for (int i = 0; i < period; i++)
        {
            final double d = values[i] - m;
            squares += d * d;
        }
        mean = m;
        m2 = squares;
    }

    boolean isFull()
    {
        return count == period;
    }

    int period()
    {
        return period;
    }

    double mean()
    {
        return mean;
    }

    /** Population variance (divides by the count); never negative. */
    double populationVariance()
    {
        return m2 > 0.0 ? m2 / count : 0.0;
    }

    void reset()
    {
        java.util.Arrays.fill(values, 0.0);
        head = 0;
        count = 0;
        mean = 0.0;
        m2 = 0.0;
    }

    long hash(final long seed)
    {
        long h = Hash64.mix(seed, period);
        h = Hash64.mix(h, head);
        h = Hash64.mix(h, count);
        h = Hash64.mix(h, mean);
        h = Hash64.mix(h, m2);
        for (int i = 0; i < period; i++)
        {
            h = Hash64.mix(h, values[i]);
        }
        return h;
    }
}
