package dev.peregrine.core.indicator;

import dev.peregrine.core.output.Hash64;

/**
 * Average True Range with Wilder's smoothing; TA-Lib {@code ATR}.
 *
 * <p>Seeding, as TA-Lib: the first bar only provides a previous close (it has no true range), the first
 * ATR is the simple average of the true ranges of bars 2..period+1, output with bar {@code period + 1}
 * (TA-Lib's lookback {@code period}), then {@code atr = (atr * (period - 1) + tr) / period}. Wilder's
 * book instead counts the first bar's high - low as its true range and outputs one bar earlier; the
 * difference decays as {@code ((period - 1) / period)^n}.
 */
public final class Atr implements Indicator
{
    private final int period;
    private int ranges;
    private boolean started;
    private double previousClose;
    private double atr;

    public Atr(final int period)
    {
        if (period < 1)
        {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        this.period = period;
    }

    public void update(final double high, final double low, final double close)
    {
        if (!started)
        {
            started = true;
            previousClose = close;
            return;
        }
        final double tr = TrueRange.of(high, low, previousClose);
        previousClose = close;
        if (ranges < period)
        {
            atr += tr;
            if (++ranges == period)
            {
                atr /= period;
            }
            return;
        }
        atr = (atr * (period - 1) + tr) / period;
    }

    @Override
    public boolean isReady()
    {
        return ranges == period;
    }

    public double value()
    {
        return ranges == period ? atr : Double.NaN;
    }

    public int period()
    {
        return period;
    }

    @Override
    public void reset()
    {
        ranges = 0;
        started = false;
        previousClose = 0.0;
        atr = 0.0;
    }

    @Override
    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, period);
        h = Hash64.mix(h, ranges);
        h = Hash64.mix(h, started ? 1L : 0L);
        h = Hash64.mix(h, previousClose);
        return Hash64.mix(h, atr);
    }
}
