package dev.peregrine.core.indicator;

/**
 * TA-Lib's {@code TA_IS_ZERO}: |x| < 1e-8 counts as zero where a ratio would divide by (almost) nothing.
 * RSI, ATR-based DI and ADX follow it so their outputs match TA-Lib value for value. The threshold is in
 * price units, which is fine for prices quoted to cents or finer ticks; for an instrument priced below
 * about 1e-6 it would swallow real moves.
 */
final class NearZero
{
    static final double EPSILON = 1e-8;

    private NearZero()
    {
    }

    static boolean test(final double x)
    {
        return x > -EPSILON && x < EPSILON;
    }
}
