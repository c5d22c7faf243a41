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
 * subtracts two large squares, on values shifted by an anchor (the last exact mean), so the rounding
 * of the mean is that of a small number and does not leak into a tiny variance; and every time the
 * ring wraps (once per {@code period} updates) it recomputes both exactly from the buffered values
 * with two passes. So the error never accumulates over more than {@code period} updates: O(1) amortised per update (one O(period) pass every
 * {@code period} updates), no drift however long the run, and the result depends only on the input
 * sequence, so replay reproduces it bit for bit.
 *
 * <p>One case needs more: after a regime change (a jump of the price level) the window that straddles
 * it has a huge {@code m2}, and as the old values leave, the sliding update subtracts nearly equal huge
 * terms, so its rounding (about ulp of the peak) can exceed the small variance that remains. So the
 * window also recomputes when {@code m2} falls below {@value #CANCELLATION_RATIO} of its peak since the
 * last recomputation. That bounds the relative error of the variance by about
 * {@code period * 2^-52 / CANCELLATION_RATIO} (1e-10 for period 50), and it fires only on a collapse of
 * the variance by that factor, a handful of times per regime change.
 */
final class RollingWindow
{
    private final int period;
    private final double[] values;
    private int head;
    private int count;
    private double anchor;
    private double shiftedMean;
    private double m2;
    private double peakM2;

    /** Recompute when m2 has fallen below this fraction of its peak: the sliding update's error is relative to the peak. */
    static final double CANCELLATION_RATIO = 1e-4;

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
        if (count == 0)
        {
            anchor = x;
        }
        final int slot = head;
        head = slot + 1 == period ? 0 : slot + 1;
        // Work relative to the anchor (a recent mean): x - anchor is exact for nearby prices, and the
        // small shifted mean rounds far less than a mean near 60,000 would.
        final double y = x - anchor;
        if (count < period)
        {
            values[slot] = x;
            count++;
            final double delta = y - shiftedMean;
            shiftedMean += delta / count;
            m2 += delta * (y - shiftedMean);
        }
        else
        {
            final double out = values[slot] - anchor;
            values[slot] = x;
            final double oldMean = shiftedMean;
            shiftedMean = oldMean + (y - out) / period;
            m2 += (y - out) * (y - shiftedMean + out - oldMean);
        }
        if (m2 > peakM2)
        {
            peakM2 = m2;
        }
        if (head == 0 || (count == period && m2 < peakM2 * CANCELLATION_RATIO))
        {
            recompute();
        }
    }

    /** Two passes over the full window, oldest first, so the result depends on the inputs only. */
    private void recompute()
    {
        double sum = 0.0;
        for (int i = 0, j = head; i < period; i++, j = j + 1 == period ? 0 : j + 1)
        {
            sum += values[j];
        }
        final double m = sum / period;
        double shiftedSum = 0.0;
        double squares = 0.0;
        for (int i = 0, j = head; i < period; i++, j = j + 1 == period ? 0 : j + 1)
        {
            final double d = values[j] - m;
            shiftedSum += d;
            squares += d * d;
        }
        anchor = m;
        shiftedMean = shiftedSum / period;
        m2 = Math.max(0.0, squares - period * shiftedMean * shiftedMean);
        peakM2 = m2;
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
        return anchor + shiftedMean;
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
        anchor = 0.0;
        shiftedMean = 0.0;
        m2 = 0.0;
        peakM2 = 0.0;
    }

    long hash(final long seed)
    {
        long h = Hash64.mix(seed, period);
        h = Hash64.mix(h, head);
        h = Hash64.mix(h, count);
        h = Hash64.mix(h, anchor);
        h = Hash64.mix(h, shiftedMean);
        h = Hash64.mix(h, m2);
        h = Hash64.mix(h, peakM2);
        for (int i = 0; i < period; i++)
        {
            h = Hash64.mix(h, values[i]);
        }
        return h;
    }
}
