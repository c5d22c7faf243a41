package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.indicator.Macd;
import dev.peregrine.core.output.Hash64;

/**
 * The signal of a MACD crossover, fed one bar close at a time: {@link #UP} when the MACD line crosses
 * above its signal line, {@link #DOWN} when it crosses below, {@link #NONE} otherwise. O(1),
 * allocation-free, TA-Lib's MACD (see {@link Macd}).
 *
 * <p>A cross is a change of the sign of the histogram ({@code line - signal}) against its last non-zero
 * sign, counted only once all three outputs are defined (input {@code slow + signal - 1}). The first
 * defined sign is only remembered, never a cross: the line was not seen on the other side. A bar on
 * which line and signal are exactly equal neither crosses nor resets that memory, so "below, equal,
 * above" is one cross up, as in {@link dev.peregrine.core.strategy.EmaCrossoverSignal}.
 */
public final class MacdCrossoverSignal
{
    public static final int NONE = 0;
    public static final int UP = 1;
    public static final int DOWN = -1;

    private final Macd macd;
    private int lastSign;

    /** Periods in bars; the classic setting is (12, 26, 9). */
    public MacdCrossoverSignal(final int fastPeriod, final int slowPeriod, final int signalPeriod)
    {
        macd = new Macd(fastPeriod, slowPeriod, signalPeriod);
    }

    /** Feeds one bar close; returns {@link #UP}, {@link #DOWN} or {@link #NONE} for this bar. */
    public int onBarClose(final double close)
    {
        macd.update(close);
        if (!macd.isReady())
        {
            return NONE;
        }
        final double histogram = macd.histogram();
        final int sign = histogram > 0 ? 1 : histogram < 0 ? -1 : 0;
        if (sign == 0)
        {
            return NONE;
        }
        final int previous = lastSign;
        lastSign = sign;
        if (previous == 0 || previous == sign)
        {
            return NONE;
        }
        return sign > 0 ? UP : DOWN;
    }

    /** The MACD line, EMA(fast) - EMA(slow); NaN before input {@code slow}. */
    public double line()
    {
        return macd.line();
    }

    /** The signal line, EMA(signal) of the MACD line; NaN until ready. */
    public double signal()
    {
        return macd.signal();
    }

    /** Line minus signal; NaN until ready. */
    public double histogram()
    {
        return macd.histogram();
    }

    public long hash(final long seed)
    {
        return Hash64.mix(macd.hash(seed), lastSign);
    }
}
