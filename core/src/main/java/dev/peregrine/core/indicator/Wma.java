package dev.peregrine.core.indicator;

import dev.peregrine.core.output.Hash64;

/**
 * Linearly weighted moving average: the newest of the last {@code period} values has weight
 * {@code period}, the oldest weight 1, divided by {@code period (period + 1) / 2}; TA-Lib {@code WMA}.
 * Ready from the {@code period}-th update.
 *
 * <p>O(1): the weighted sum {@code T} and the plain sum {@code S} slide together, since dropping the
 * oldest value lowers every weight by one: {@code T' = T - S + period * x}. Both are kept relative to
 * an anchor (a recent value) so they stay small, and both are recomputed exactly from the ring each
 * time it wraps, which re-anchors them and bounds drift to {@code period} updates (O(1) amortised).
 */
public final class Wma implements SeriesIndicator
{
    private final int period;
    private final double divisor;
    private final double[] values;
    private int head;
    private int count;
    private double anchor;
    private double sum;
    private double weighted;

    public Wma(final int period)
    {
        if (period < 1)
        {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        this.period = period;
        this.divisor = period * (period + 1.0) / 2.0;
        this.values = new double[period];
    }

    @Override
    public void update(final double value)
    {
        if (count == 0)
        {
            anchor = value;
        }
        final int slot = head;
        head = slot + 1 == period ? 0 : slot + 1;
        final double y = value - anchor;
        if (count < period)
        {
            values[slot] = value;
            count++;
            weighted += count * y;
            sum += y;
        }
        else
        {
            final double out = values[slot] - anchor;
            values[slot] = value;
            weighted = weighted - sum + period * y;
            sum = sum + y - out;
        }
        if (head == 0)
        {
            recompute();
        }
    }

    private void recompute()
    {
        // head == 0: index order is age order, oldest first, weight i + 1.
        final double a = values[period - 1];
        double s = 0.0;
        double t = 0.0;
        for (int i = 0; i < period; i++)
        {
            final double y = values[i] - a;
            s += y;
            t += (i + 1) * y;
        }
        anchor = a;
        sum = s;
        weighted = t;
    }

    @Override
    public boolean isReady()
    {
        return count == period;
    }

    @Override
    public double value()
    {
        return count == period ? anchor + weighted / divisor : Double.NaN;
    }

    public int period()
    {
        return period;
    }

    @Override
    public void reset()
    {
        java.util.Arrays.fill(values, 0.0);
        head = 0;
        count = 0;
        anchor = 0.0;
        sum = 0.0;
        weighted = 0.0;
    }

    @Override
    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, period);
        h = Hash64.mix(h, head);
        h = Hash64.mix(h, count);
        h = Hash64.mix(h, anchor);
        h = Hash64.mix(h, sum);
        h = Hash64.mix(h, weighted);
        for (int i = 0; i < period; i++)
        {
            h = Hash64.mix(h, values[i]);
        }
        return h;
    }
}
