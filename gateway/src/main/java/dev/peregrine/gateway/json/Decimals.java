package dev.peregrine.gateway.json;

import dev.peregrine.core.number.FixedPoint;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Number parsing for the decoders' hot path, with exactly the results of the general parsers and a
 * fraction of their cost on the shapes venues send.
 *
 * <p>Why it exists: on a 150-byte Binance frame the four decimal strings cost about as much as
 * validating the whole frame, because {@link FixedPoint#parse(byte[], int, int)} checks for overflow on
 * every digit. Venue prices and sizes are {@code digits.digits} with at most 10 integer and at most 8
 * fraction digits, which cannot overflow a scaled long (at most 18 significant digits), so the fast
 * path needs no overflow checks at all, and a fraction of exactly 8 digits (Binance's) is converted as
 * one 8-byte word (SWAR). Anything else (a sign, an exponent-free oddity, more digits, junk) goes to
 * {@link FixedPoint#parse(byte[], int, int)}, so errors and edge cases are FixedPoint's, unchanged.
 */
public final class Decimals
{
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long[] SCALE = {
        100_000_000L, 10_000_000L, 1_000_000L, 100_000L, 10_000L, 1_000L, 100L, 10L, 1L,
    };

    private Decimals()
    {
    }

    /**
     * The decimal in {@code b[offset, offset + length)} as a long scaled by 10^{@link FixedPoint#DECIMALS}:
     * the same value or {@code ERR_*} code as {@link FixedPoint#parse(byte[], int, int)}.
     */
    public static long parse(final byte[] b, final int offset, final int length)
    {
        final int end = offset + length;
        int i = offset;
        long value = 0;
        while (i < end)
        {
            final int digit = b[i] - '0';
            if (digit < 0 || digit > 9)
            {
                break;
            }
            value = value * 10 + digit; // may wrap past 10 digits: then the slow path below redoes it
            i++;
        }
        final int integerDigits = i - offset;
        if (integerDigits == 0 || integerDigits > 10)
        {
            return FixedPoint.parse(b, offset, length);
        }
        if (i == end)
        {
            return value * SCALE[0];
        }
        if (b[i] != '.')
        {
            return FixedPoint.parse(b, offset, length);
        }
        i++;
        final int fractionDigits = end - i;
        if (fractionDigits == 8)
        {
            final long word = (long) LONG_LE.get(b, i);
            if (!allDigits(word))
            {
                return FixedPoint.parse(b, offset, length);
            }
            return value * SCALE[0] + eightDigits(word);
        }
        if (fractionDigits < 1 || fractionDigits > 8)
        {
            return FixedPoint.parse(b, offset, length);
        }
        long fraction = 0;
        for (; i < end; i++)
        {
            final int digit = b[i] - '0';
            if (digit < 0 || digit > 9)
            {
                return FixedPoint.parse(b, offset, length);
            }
            fraction = fraction * 10 + digit;
        }
        return value * SCALE[0] + fraction * SCALE[fractionDigits];
    }

    /**
     * A non-negative integer of ASCII digits in {@code b[offset, offset + length)}; {@code -1} if a byte
     * is not a digit or there are none, {@code -2} if it does not fit a long.
     */
    public static long parseUnsigned(final byte[] b, final int offset, final int length)
    {
        if (length <= 0)
        {
            return -1;
        }
        final int end = offset + length;
        long parsed = 0;
        if (length <= 18)
        {
            // 18 digits cannot overflow: no check per digit.
            for (int i = offset; i < end; i++)
            {
                final int digit = b[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    return -1;
                }
                parsed = parsed * 10 + digit;
            }
            return parsed;
        }
        for (int i = offset; i < end; i++)
        {
            final int digit = b[i] - '0';
            if (digit < 0 || digit > 9)
            {
                return -1;
            }
            if (parsed > (Long.MAX_VALUE - digit) / 10)
            {
                // The old readers reported overflow at the first digit that overflowed, before looking
                // at the rest; keep that order.
                return -2;
            }
            parsed = parsed * 10 + digit;
        }
        return parsed;
    }

    /** True if every byte of the little-endian word is an ASCII digit. */
    static boolean allDigits(final long word)
    {
        return ((word & 0xF0F0F0F0F0F0F0F0L) | ((word + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4) ==
            0x3333333333333333L;
    }

    /** The value of eight ASCII digits, first digit in the lowest byte. */
    static long eightDigits(final long word)
    {
        long w = word - 0x3030303030303030L;
        w = (w * 10 + (w >>> 8)) & 0x00FF00FF00FF00FFL;
        w = (w * 100 + (w >>> 16)) & 0x0000FFFF0000FFFFL;
        return (w * 10000 + (w >>> 32)) & 0xFFFFFFFFL;
    }
}
