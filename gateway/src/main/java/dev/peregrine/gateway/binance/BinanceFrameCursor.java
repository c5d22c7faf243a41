package dev.peregrine.gateway.binance;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The byte-level half of {@link BinanceFastPath}: a position in one frame and the primitives the matcher
 * walks it with, comparing constant parts as masked little-endian 8-byte words and parsing numbers eight
 * digits per word (SWAR). Each primitive either accepts what is at the position, moves past it and leaves
 * a number in {@link #value}, or refuses (false) so the frame goes the generic way.
 *
 * <p>Reads of 8-byte words stay inside {@code [offset, offset + length)}: near the end of the frame the
 * compares go byte by byte. Hot path: no allocation; one instance per decoder, reset per frame.
 */
final class BinanceFrameCursor
{
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;

    byte[] b;
    int end;
    int p;
    /** The number the last {@link #integer()} or {@link #decimal()} accepted. */
    long value;

    /** Starts on {@code buffer[offset, offset + length)}. */
    void reset(final byte[] buffer, final int offset, final int length)
    {
        b = buffer;
        end = offset + length;
        p = offset;
    }

    /** {@code }}} and nothing after it. */
    boolean closesFrame()
    {
        return end - p == 2 && b[p] == '}' && b[p + 1] == '}';
    }

    /**
     * String contents from p up to and past the closing quote: every byte printable ASCII other than a
     * backslash. False (refuse) on anything else or the end of the frame.
     */
    boolean string()
    {
        final byte[] bytes = b;
        final int limit = end;
        for (int i = p; i < limit; i++)
        {
            final int c = bytes[i];
            if (c == '"')
            {
                p = i + 1;
                return true;
            }
            if (c < 0x20 || c > 0x7E || c == '\\')
            {
                return false; // control, DEL, non-ASCII (negative) or an escape
            }
        }
        return false;
    }

    /**
     * A JSON integer of 1 to 18 digits, no sign, no leading zero, not followed by {@code . e E}: its value
     * in {@link #value}, p past it. Eight digits per step where the frame has eight bytes left.
     */
    boolean integer()
    {
        final byte[] bytes = b;
        int i = p;
        long v = 0;
        int digits = 0;
        while (true)
        {
            if (i + 8 > end)
            {
                // Tail of the frame: byte by byte (a canonical frame never has a number here).
                while (i < end && bytes[i] >= '0' && bytes[i] <= '9')
                {
                    v = v * 10 + (bytes[i] - '0');
                    i++;
                    digits++;
                }
                break;
            }
            final long w = (long) LONG_LE.get(bytes, i);
            final long flagged = nonDigits(w);
            if (flagged == 0)
            {
                v = v * 100_000_000L + eightDigits(w);
                digits += 8;
                i += 8;
                if (digits > 16)
                {
                    return false; // 24+ digits would overflow v; 17-18 are rare enough to leave to the generic path
                }
                continue;
            }
            final int k = Long.numberOfTrailingZeros(flagged) >>> 3;
            if (k > 0)
            {
                v = v * POW10[k] + eightDigits((w << (64 - 8 * k)) | (ZEROS >>> (8 * k)));
                digits += k;
                i += k;
            }
            break;
        }
        if (digits == 0 || digits > 18 || digits > 1 && bytes[p] == '0')
        {
            return false;
        }
        if (i < end)
        {
            final byte next = bytes[i];
            if (next == '.' || next == 'e' || next == 'E')
            {
                return false;
            }
        }
        value = v;
        p = i;
        return true;
    }

    /**
     * A decimal string's contents {@code 1-7 digits '.' 8 digits} and its closing quote is NOT consumed:
     * p ends on the quote. The value is {@code Decimals.parse}'s for that shape: integer * 10^8 + fraction.
     */
    boolean decimal()
    {
        final byte[] bytes = b;
        final int i = p;
        if (i + 8 > end)
        {
            return false;
        }
        final long w = (long) LONG_LE.get(bytes, i);
        final long flagged = nonDigits(w);
        if (flagged == 0)
        {
            return false; // 8 or more integer digits: the generic path
        }
        final int k = Long.numberOfTrailingZeros(flagged) >>> 3;
        if (k == 0 || i + k + 10 > end || bytes[i + k] != '.')
        {
            return false; // k integer digits, '.', 8 digits and the closing quote must fit
        }
        final long fraction = (long) LONG_LE.get(bytes, i + k + 1);
        if (nonDigits(fraction) != 0 || bytes[i + k + 9] != '"')
        {
            return false;
        }
        final long integerPart = eightDigits((w << (64 - 8 * k)) | (ZEROS >>> (8 * k)));
        value = integerPart * 100_000_000L + eightDigits(fraction);
        p = i + k + 9;
        return true;
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L};

    /** The 8 bytes at p equal the literal; p moves past them. */
    boolean lit8(final long literal)
    {
        if (p + 8 > end || (long) LONG_LE.get(b, p) != literal)
        {
            return false;
        }
        p += 8;
        return true;
    }

    /** The n (1-8) bytes at p equal the literal; p moves past them. */
    boolean lit(final long literal, final int n)
    {
        if (!wordEquals(b, p, literal, n, end))
        {
            return false;
        }
        p += n;
        return true;
    }

    boolean lit(final char c)
    {
        if (p >= end || b[p] != c)
        {
            return false;
        }
        p++;
        return true;
    }

    static boolean wordEquals(final byte[] bytes, final int at, final long literal, final int n, final int end)
    {
        if (at + n > end)
        {
            return false;
        }
        if (at + 8 <= end)
        {
            final long mask = n == 8 ? -1L : (1L << (8 * n)) - 1;
            return ((long) LONG_LE.get(bytes, at) & mask) == literal;
        }
        for (int i = 0; i < n; i++)
        {
            if (bytes[at + i] != (byte) (literal >>> (8 * i)))
            {
                return false;
            }
        }
        return true;
    }

    /** Non-zero in (at least) the lowest byte that is not an ASCII digit; exact for the lowest such byte. */
    static long nonDigits(final long w)
    {
        return ((w & 0xF0F0F0F0F0F0F0F0L) ^ 0x3030303030303030L) |
            (((w + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) ^ 0x3030303030303030L);
    }

    /** The value of eight ASCII digits, first digit in the lowest byte. */
    static long eightDigits(final long word)
    {
        long w = word - ZEROS;
        w = (w * 10 + (w >>> 8)) & 0x00FF00FF00FF00FFL;
        w = (w * 100 + (w >>> 16)) & 0x0000FFFF0000FFFFL;
        return (w * 10000 + (w >>> 32)) & 0xFFFFFFFFL;
    }

    static long word(final String ascii)
    {
        long w = 0;
        for (int i = ascii.length() - 1; i >= 0; i--)
        {
            w = (w << 8) | (ascii.charAt(i) & 0xFF);
        }
        return w;
    }
}
