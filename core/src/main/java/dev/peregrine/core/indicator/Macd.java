package dev.peregrine.core.indicator;

import dev.peregrine.core.output.Hash64;

/**
 * Moving Average Convergence/Divergence: line = EMA(fast) - EMA(slow), signal = EMA(signal) of the
 * line, histogram = line - signal; TA-Lib {@code MACD} (k = 2 / (n + 1), each EMA seeded with an SMA,
 * see {@link Ema}).
 *
 * <p>Alignment, as TA-Lib: both averages produce their first value on the same input, the
 * {@code slow}-th. The slow EMA is seeded with the SMA of inputs 1..slow; the fast EMA ignores the
 * first {@code slow - fast} inputs and is seeded with the SMA of inputs {@code slow - fast + 1 .. slow}.
 * (The textbook runs the fast EMA from the first input; the two differ by a transient that decays as
 * {@code (1 - 2 / (fast + 1))^n}.) The signal EMA starts on the first line value, so all three outputs
 * are ready on input {@code slow + signal - 1} (TA-Lib's lookback {@code slow + signal - 2}); the line
 * alone is available from input {@code slow} ({@link #isLineReady()}).
 */
public final class Macd implements Indicator
{
    private final int fastPeriod;
    private final int slowPeriod;
    private final Ema fast;
    private final Ema slow;
    private final Ema signal;
    private int inputs;

    /** The classic setting is (12, 26, 9). */
    public Macd(final int fastPeriod, final int slowPeriod, final int signalPeriod)
    {
        if (fastPeriod < 1 || slowPeriod <= fastPeriod || signalPeriod < 1)
        {
            throw new IllegalArgumentException("need 1 <= fast < slow and signal >= 1, got fast=" + fastPeriod +
                " slow=" + slowPeriod + " signal=" + signalPeriod);
        }
        this.fastPeriod = fastPeriod;
        this.slowPeriod = slowPeriod;
        fast = new Ema(fastPeriod);
        slow = new Ema(slowPeriod);
        signal = new Ema(signalPeriod);
    }

    public void update(final double close)
    {
        if (inputs < slowPeriod)
        {
            inputs++;
        }
        slow.update(close);
        if (inputs > slowPeriod - fastPeriod)
        {
            fast.update(close);
        }
        if (slow.isReady())
        {
            signal.update(fast.value() - slow.value());
        }
    }

    /** All three outputs defined. */
    @Override
    public boolean isReady()
    {
        return signal.isReady();
    }

    /** The line defined (the signal may still be warming up). */
    public boolean isLineReady()
    {
        return slow.isReady();
    }

    public double line()
    {
        return slow.isReady() ? fast.value() - slow.value() : Double.NaN;
    }

    public double signal()
    {
        return signal.value();
    }

    public double histogram()
    {
        return signal.isReady() ? line() - signal.value() : Double.NaN;
    }

    @Override
    public void reset()
    {
        fast.reset();
        slow.reset();
        signal.reset();
        inputs = 0;
    }

    @Override
    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, inputs);
        h = fast.hash(h);
        h = slow.hash(h);
        return signal.hash(h);
    }
}
