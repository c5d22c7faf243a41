package dev.peregrine.core.number;

import dev.peregrine.core.output.Hash64;

/**
 * One exact 128-bit running sum per slot, for windows of scaled prices: a long overflows after a handful of
 * absurd prices (92,233,720,368 scaled by 10^8 is {@code Long.MAX_VALUE}), and an overflowed sum wraps to a
 * huge negative average that a strategy would trade on. Two longs per slot, no allocation, deterministic.
 */
public final class WideSums
{
    private final long[] high;
    private final long[] low;

    public WideSums(final int slots)
    {
        high = new long[slots];
        low = new long[slots];
    }

    public void add(final int slot, final long value)
    {
        final long before = low[slot];
        final long after = before + value;
        low[slot] = after;
        high[slot] += (value >> 63) + (Long.compareUnsigned(after, before) < 0 ? 1 : 0);
    }

    public void subtract(final int slot, final long value)
    {
        final long before = low[slot];
        low[slot] = before - value;
        high[slot] -= (value >> 63) + (Long.compareUnsigned(before, value) < 0 ? 1 : 0);
    }

    /** The sum as a double: {@code (double)} of the long while it fits one, else within two ulps. */
    public double toDouble(final int slot)
    {
        final long lo = low[slot];
        if (fitsLong(slot))
        {
            return (double)lo; // what a long sum gave: averages, decisions and hashes stay as they were
        }
        final double unsignedLow = (double)(lo >>> 1) * 2.0 + (lo & 1);
        return high[slot] * 0x1p64 + unsignedLow;
    }

    /** True when the sum fits a long (then {@link #low} is its value). */
    public boolean fitsLong(final int slot)
    {
        return high[slot] == (low[slot] >> 63);
    }

    /** The sum divided by {@code divisor}, exact when the sum fits a long, else saturated to the long range. */
    public long quotient(final int slot, final long divisor)
    {
        if (fitsLong(slot))
        {
            return low[slot] / divisor;
        }
        final double q = toDouble(slot) / divisor;
        return q >= 0x1p63 ? Long.MAX_VALUE : q <= -0x1p63 ? Long.MIN_VALUE : (long)q;
    }

    public void reset(final int slot)
    {
        high[slot] = 0;
        low[slot] = 0;
    }

    /** Mixes the slot's sum; the same as mixing a long sum while it fits one, so state hashes do not move. */
    public long hash(final long seed, final int slot)
    {
        final long h = Hash64.mix(seed, low[slot]);
        return fitsLong(slot) ? h : Hash64.mix(h, high[slot]);
    }
}
