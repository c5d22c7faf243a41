package dev.peregrine.core.indicator;

import dev.peregrine.core.output.Hash64;

/**
 * Wilder's directional movement: +DI, -DI and the Average Directional Index; TA-Lib {@code PLUS_DI},
 * {@code MINUS_DI} and {@code ADX}, value for value.
 *
 * <p>Per bar after the first: +DM = high - previous high and -DM = previous low - low, the larger one
 * kept if it is positive (neither on a tie); TR is the true range. They are smoothed as Wilder sums,
 * {@code s = s - s / period + today}; +DI = 100 * +DM_s / TR_s, DX = 100 * |+DI - -DI| / (+DI + -DI),
 * ADX = Wilder average of DX.
 *
 * <p>Seeding, as TA-Lib (which differs from the book by one bar): the sums start as plain sums of bars
 * 2..period, and the first smoothing step is applied on bar {@code period + 1}, where the DIs are first
 * output (lookback {@code period}). The first ADX is the plain average of the DX of bars
 * {@code period + 1 .. 2 * period}, output with bar {@code 2 * period} (lookback {@code 2 * period - 1}).
 * Degenerate bars, as TA-Lib: when TR_s is below 1e-8 the DIs read 0 and that bar's DX is skipped
 * (not counted in the seed sum, and the ADX keeps its previous value); likewise when +DI + -DI is
 * below 1e-8.
 */
public final class Adx implements Indicator
{
    private final int period;
    private int bars;
    private double previousHigh;
    private double previousLow;
    private double previousClose;
    private double plusDm;
    private double minusDm;
    private double tr;
    private double plusDi;
    private double minusDi;
    private double dxSum;
    private double adx;

    public Adx(final int period)
    {
        if (period < 2)
        {
            throw new IllegalArgumentException("period must be >= 2 (TA-Lib's minimum), got " + period);
        }
        this.period = period;
    }

    public void update(final double high, final double low, final double close)
    {
        final int bar = bars;
        if (bars < 2 * period)
        {
            bars++;
        }
        if (bar == 0)
        {
            previousHigh = high;
            previousLow = low;
            previousClose = close;
            return;
        }
        final double up = high - previousHigh;
        final double down = previousLow - low;
        previousHigh = high;
        previousLow = low;
        final double range = TrueRange.of(high, low, previousClose);
        previousClose = close;
        if (bar < period)
        {
            if (down > 0 && up < down)
            {
                minusDm += down;
            }
            else if (up > 0 && up > down)
            {
                plusDm += up;
            }
            tr += range;
            return;
        }
        minusDm -= minusDm / period;
        plusDm -= plusDm / period;
        if (down > 0 && up < down)
        {
            minusDm += down;
        }
        else if (up > 0 && up > down)
        {
            plusDm += up;
        }
        tr = tr - tr / period + range;

        boolean dxDefined = false;
        double dx = 0.0;
        if (NearZero.test(tr))
        {
            plusDi = 0.0;
            minusDi = 0.0;
        }
        else
        {
            minusDi = 100.0 * (minusDm / tr);
            plusDi = 100.0 * (plusDm / tr);
            final double sum = minusDi + plusDi;
            if (!NearZero.test(sum))
            {
                dx = 100.0 * (Math.abs(minusDi - plusDi) / sum);
                dxDefined = true;
            }
        }
        // bar is 0-based: DX of bars period..2*period-1 seed the ADX, first output on bar 2*period-1.
        if (bar < 2 * period - 1)
        {
            if (dxDefined)
            {
                dxSum += dx;
            }
            return;
        }
        if (bar == 2 * period - 1)
        {
            if (dxDefined)
            {
                dxSum += dx;
            }
            adx = dxSum / period;
            return;
        }
        if (dxDefined)
        {
            adx = (adx * (period - 1) + dx) / period;
        }
    }

    /** ADX defined (bar {@code 2 * period}). */
    @Override
    public boolean isReady()
    {
        return bars == 2 * period;
    }

    /** +DI and -DI defined (bar {@code period + 1}). */
    public boolean isDirectionReady()
    {
        return bars > period;
    }

    public double value()
    {
        return isReady() ? adx : Double.NaN;
    }

    public double plusDi()
    {
        return isDirectionReady() ? plusDi : Double.NaN;
    }

    public double minusDi()
    {
        return isDirectionReady() ? minusDi : Double.NaN;
    }

    public int period()
    {
        return period;
    }

    @Override
    public void reset()
    {
        bars = 0;
        previousHigh = 0.0;
        previousLow = 0.0;
        previousClose = 0.0;
        plusDm = 0.0;
        minusDm = 0.0;
        tr = 0.0;
        plusDi = 0.0;
        minusDi = 0.0;
        dxSum = 0.0;
        adx = 0.0;
    }

    @Override
    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, period);
        h = Hash64.mix(h, bars);
        h = Hash64.mix(h, previousHigh);
        h = Hash64.mix(h, previousLow);
        h = Hash64.mix(h, previousClose);
        h = Hash64.mix(h, plusDm);
        h = Hash64.mix(h, minusDm);
        h = Hash64.mix(h, tr);
        h = Hash64.mix(h, plusDi);
        h = Hash64.mix(h, minusDi);
        h = Hash64.mix(h, dxSum);
        return Hash64.mix(h, adx);
    }
}
