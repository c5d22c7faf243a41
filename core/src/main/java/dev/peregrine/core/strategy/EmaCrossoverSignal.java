package dev.peregrine.core.strategy;

import dev.peregrine.core.indicator.Ema;
import dev.peregrine.core.output.Hash64;

/**
 * The signal of a trend-following EMA crossover, fed one bar close at a time: {@link #ENTER} when the
 * fast EMA crosses above the slow one, {@link #EXIT} when it crosses below, {@link #NONE} otherwise.
 * O(1), allocation-free, {@code double} arithmetic, TA-Lib's EMA seeding (see {@link Ema}).
 *
 * <p>A cross compares the sign of {@code fast - slow} now with its last non-zero sign: a bar on which the
 * two are exactly equal neither crosses nor resets the memory, so "below, equal, above" is one cross up.
 * No signal before both averages are seeded, nor during the first {@code warmUpBars} bars (to let the
 * seeding fade when comparing with a library that seeds differently).
 */
public final class EmaCrossoverSignal
{
    public static final int NONE = 0;
    public static final int ENTER = 1;
    public static final int EXIT = -1;

    private final Ema fast;
    private final Ema slow;
    private final int warmUpBars;
    private int bars;
    private int lastSign;

    public EmaCrossoverSignal(final int fastPeriod, final int slowPeriod, final int warmUpBars)
    {
        if (fastPeriod >= slowPeriod)
        {
            throw new IllegalArgumentException("the fast period (" + fastPeriod + ") must be shorter than the slow (" + slowPeriod + ")");
        }
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
        this.warmUpBars = warmUpBars;
    }

    /** Feeds one bar close; returns {@link #ENTER}, {@link #EXIT} or {@link #NONE} for this bar. */
    public int onBarClose(final double close)
    {
        fast.update(close);
        slow.update(close);
        final int bar = bars++;
        if (!slow.isReady())
        {
            return NONE;
        }
        final double difference = fast.value() - slow.value();
        final int sign = difference > 0 ? 1 : difference < 0 ? -1 : 0;
        if (sign == 0)
        {
            return NONE;
        }
        final int previous = lastSign;
        lastSign = sign;
        if (bar < warmUpBars || previous == sign || previous == 0)
        {
            return NONE;
        }
        return sign > 0 ? ENTER : EXIT;
    }

    public double fastValue()
    {
        return fast.value();
    }

    public double slowValue()
    {
        return slow.value();
    }

    public long hash(final long seed)
    {
        long h = fast.hash(seed);
        h = slow.hash(h);
        h = Hash64.mix(h, bars);
        return Hash64.mix(h, lastSign);
    }
}
