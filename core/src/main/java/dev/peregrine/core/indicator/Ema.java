package dev.peregrine.core.indicator;

import dev.peregrine.core.output.Hash64;

/**
 * Exponential moving average with {@code k = 2 / (period + 1)}; TA-Lib {@code EMA} (default
 * compatibility). Each step is {@code ema += (x - ema) * k}, written as TA-Lib writes it.
 *
 * <p>Seeding: the first value is the simple average of the first {@code period} inputs, output at the
 * {@code period}-th update (TA-Lib's lookback {@code period - 1}). The textbook recursion often starts
 * from the first input instead; that differs from TA-Lib by {@code (1 - k)^n} of the initial error and
 * is not used here.
 */
public final class Ema implements SeriesIndicator
{
    private final int period;
    private final double k;
    private int count;
    private double seedSum;
    private double ema;

    public Ema(final int period)
    {
        if (period < 1)
        {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        this.period = period;
        this.k = 2.0 / (period + 1);
    }

    @Override
    public void update(final double value)
    {
        if (count < period)
        {
            seedSum += value;
            if (++count == period)
            {
                ema = seedSum / period;
            }
            return;
        }
        ema = (value - ema) * k + ema;
    }

    @Override
    public boolean isReady()
    {
        return count == period;
    }

    @Override
    public double value()
    {
        return count == period ? ema : Double.NaN;
    }

    public int period()
    {
        return period;
    }

    @Override
    public void reset()
    {
        count = 0;
        seedSum = 0.0;
        ema = 0.0;
    }

    @Override
    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, period);
        h = Hash64.mix(h, count);
        h = Hash64.mix(h, seedSum);
        return Hash64.mix(h, ema);
    }
}
