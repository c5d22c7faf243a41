package dev.peregrine.core.indicator;

import dev.peregrine.core.output.Hash64;

/**
 * Relative Strength Index with Wilder's smoothing; TA-Lib {@code RSI} (default compatibility).
 *
 * <p>Seeding, as Wilder and TA-Lib: the first average gain and loss are the simple averages of the
 * first {@code period} changes, so the first value comes with the {@code (period + 1)}-th input
 * (TA-Lib's lookback {@code period}); after that {@code avg = (avg * (period - 1) + change) / period}.
 * The value is {@code 100 * gain / (gain + loss)}, the same as {@code 100 - 100 / (1 + RS)}.
 *
 * <p>Flat market: when {@code gain + loss} is below 1e-8 ({@link NearZero}) the value is 0, as TA-Lib
 * writes it. The textbook leaves RSI undefined there and some platforms print 50; a strategy reading
 * RSI < 30 as oversold should check {@link #isFlat()} first.
 */
public final class Rsi implements SeriesIndicator
{
    private final int period;
    private int changes;
    private boolean started;
    private double previous;
    private double gain;
    private double loss;
    private double rsi;

    public Rsi(final int period)
    {
        if (period < 2)
        {
            throw new IllegalArgumentException("period must be >= 2 (TA-Lib's minimum), got " + period);
        }
        this.period = period;
    }

    @Override
    public void update(final double value)
    {
        if (!started)
        {
            started = true;
            previous = value;
            return;
        }
        final double change = value - previous;
        previous = value;
        if (changes < period)
        {
            if (change < 0.0)
            {
                loss -= change;
            }
            else
            {
                gain += change;
            }
            if (++changes < period)
            {
                return;
            }
            loss /= period;
            gain /= period;
        }
        else
        {
            loss *= period - 1;
            gain *= period - 1;
            if (change < 0.0)
            {
                loss -= change;
            }
            else
            {
                gain += change;
            }
            loss /= period;
            gain /= period;
        }
        final double total = gain + loss;
        rsi = NearZero.test(total) ? 0.0 : 100.0 * (gain / total);
    }

    @Override
    public boolean isReady()
    {
        return changes == period;
    }

    @Override
    public double value()
    {
        return changes == period ? rsi : Double.NaN;
    }

    /** True when average gain and loss are both (near) zero, so {@link #value()} is TA-Lib's 0 placeholder. */
    public boolean isFlat()
    {
        return changes == period && NearZero.test(gain + loss);
    }

    public double averageGain()
    {
        return changes == period ? gain : Double.NaN;
    }

    public double averageLoss()
    {
        return changes == period ? loss : Double.NaN;
    }

    @Override
    public void reset()
    {
        changes = 0;
        started = false;
        previous = 0.0;
        gain = 0.0;
        loss = 0.0;
        rsi = 0.0;
    }

    @Override
    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, period);
        h = Hash64.mix(h, changes);
        h = Hash64.mix(h, started ? 1L : 0L);
        h = Hash64.mix(h, previous);
        h = Hash64.mix(h, gain);
        h = Hash64.mix(h, loss);
        return Hash64.mix(h, rsi);
    }
}
