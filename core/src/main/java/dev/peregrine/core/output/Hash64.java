package dev.peregrine.core.output;

/**
 * A streaming 64-bit hash over primitive values, for the output digest and the state hash. Each value
 * is folded with a multiply-xorshift round (the finaliser of SplitMix64), so the result depends on
 * every bit of every value and on their order. Not cryptographic: it proves that two runs agree, it
 * does not defend against someone forging a journal.
 */
public final class Hash64
{
    public static final long SEED = 0x9E3779B97F4A7C15L;

    private Hash64()
    {
    }

    public static long mix(final long hash, final long value)
    {
        long z = hash ^ (value + 0x9E3779B97F4A7C15L + (hash << 6) + (hash >>> 2));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long mix(final long hash, final double value)
    {
        // Raw bits: -0.0 and 0.0 differ, as do NaN payloads; replay must reproduce them exactly anyway.
        return mix(hash, Double.doubleToRawLongBits(value));
    }

    public static String hex(final long hash)
    {
        final String hex = Long.toHexString(hash);
        return "0000000000000000".substring(hex.length()) + hex;
    }
}
