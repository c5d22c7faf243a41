package dev.peregrine.core.number;

/**
 * Prices and quantities as scaled {@code long}s with {@value #DECIMALS} decimals: 65086.18 is
 * 6_508_618_000_000. Eight decimals cover every Coinbase and Binance increment (BTC size increment is
 * 1e-8) and leave room for prices up to 92 billion.
 *
 * <p>Parsing works straight from the bytes of a frame: no {@code String}, no {@code BigDecimal}, no
 * exception. A result below {@link #MIN_VALID} is one of the error codes, so the caller can count the
 * reason without a second call.
 *
 * <p>Products of two scaled values overflow a long quickly (price times quantity is scaled by 1e16):
 * use {@link #toDouble} for notional and PnL arithmetic, where exactness to the last unit is not needed.
 */
public final class FixedPoint
{
    public static final int DECIMALS = 8;
    public static final long SCALE = 100_000_000L;

    /** Not a number: empty, a stray character, an exponent, "NaN", a lone sign or dot. */
    public static final long ERR_SYNTAX = Long.MIN_VALUE;
    /** Non-zero digits beyond {@value #DECIMALS} decimals: the value cannot be held exactly. */
    public static final long ERR_TOO_MANY_DECIMALS = Long.MIN_VALUE + 1;
    /** The value does not fit a scaled long. */
    public static final long ERR_OVERFLOW = Long.MIN_VALUE + 2;
    /** Every parse result at or above this is a value; below it, an error code. */
    public static final long MIN_VALID = Long.MIN_VALUE + 3;

    /** Largest value that may still take one more digit (only digits up to 7 once it is reached). */
    private static final long MAX_BEFORE_DIGIT = Long.MAX_VALUE / 10;
    private static final int MAX_LAST_DIGIT = (int)(Long.MAX_VALUE % 10);

    private FixedPoint()
    {
    }

    public static boolean isError(final long parsed)
    {
        return parsed < MIN_VALID;
    }

    /**
     * Parses an ASCII decimal such as {@code 65086.18}, {@code -0.5} or {@code 12} from
     * {@code bytes[offset, offset + length)}.
     *
     * @return the scaled value, or one of the {@code ERR_*} codes.
     */
    public static long parse(final byte[] bytes, final int offset, final int length)
    {
        if (length <= 0)
        {
            return ERR_SYNTAX;
        }
        int i = offset;
        final int end = offset + length;
        boolean negative = false;
        if (bytes[i] == '-')
        {
            negative = true;
            i++;
        }
        else if (bytes[i] == '+')
        {
            i++;
        }

        long value = 0;
        int integerDigits = 0;
        while (i < end && bytes[i] >= '0' && bytes[i] <= '9')
        {
            final int digit = bytes[i] - '0';
            if (wouldOverflow(value, digit))
            {
                return ERR_OVERFLOW;
            }
            value = value * 10 + digit;
            integerDigits++;
            i++;
        }

        int fractionDigits = 0;
        if (i < end && bytes[i] == '.')
        {
            i++;
            while (i < end && bytes[i] >= '0' && bytes[i] <= '9')
            {
                final int digit = bytes[i] - '0';
                if (fractionDigits < DECIMALS)
                {
                    if (wouldOverflow(value, digit))
                    {
                        return ERR_OVERFLOW;
                    }
                    value = value * 10 + digit;
                    fractionDigits++;
                }
                else if (digit != 0)
                {
                    // Trailing zeros past the scale are harmless; anything else would be rounded away.
                    return ERR_TOO_MANY_DECIMALS;
                }
                i++;
            }
            if (fractionDigits == 0 && integerDigits == 0)
            {
                return ERR_SYNTAX;
            }
        }
        if (i != end || (integerDigits == 0 && fractionDigits == 0))
        {
            return ERR_SYNTAX;
        }

        for (int d = fractionDigits; d < DECIMALS; d++)
        {
            if (wouldOverflow(value, 0))
            {
                return ERR_OVERFLOW;
            }
            value *= 10;
        }
        return negative ? -value : value;
    }

    private static boolean wouldOverflow(final long value, final int digit)
    {
        return value >= MAX_BEFORE_DIGIT && (value > MAX_BEFORE_DIGIT || digit > MAX_LAST_DIGIT);
    }

    /** Parses a Java string; for configuration and tests, not the hot path. */
    public static long parse(final CharSequence text)
    {
        final byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++)
        {
            final char c = text.charAt(i);
            bytes[i] = c < 128 ? (byte)c : (byte)'?';
        }
        return parse(bytes, 0, bytes.length);
    }

    /** Like {@link #parse(CharSequence)} but throws a message naming the text; for configuration. */
    public static long parseOrThrow(final String what, final CharSequence text)
    {
        final long value = parse(text);
        if (isError(value))
        {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a decimal number with at most " +
                DECIMALS + " decimals");
        }
        return value;
    }

    public static long fromLong(final long units)
    {
        return Math.multiplyExact(units, SCALE);
    }

    public static double toDouble(final long scaled)
    {
        return scaled / (double)SCALE;
    }

    /** Nearest scaled value of a double; for generated data and configuration, not exact arithmetic. */
    public static long fromDouble(final double value)
    {
        return Math.round(value * SCALE);
    }

    /** Rounds a scaled value down to a multiple of {@code increment} (a scaled tick or lot size). */
    public static long floorToIncrement(final long scaled, final long increment)
    {
        return Math.floorDiv(scaled, increment) * increment;
    }

    /** Plain decimal text with trailing zeros removed, e.g. {@code 65086.18}. Allocates: not hot path. */
    public static String toString(final long scaled)
    {
        final StringBuilder sb = new StringBuilder(24);
        appendTo(sb, scaled);
        return sb.toString();
    }

    /** Appends the decimal text of {@code scaled}, with at least one decimal digit dropped if zero. */
    public static void appendTo(final StringBuilder sb, final long scaled)
    {
        long abs = scaled;
        if (scaled < 0)
        {
            sb.append('-');
            abs = -scaled; // Long.MIN_VALUE is an error code, never a value
        }
        final long integer = abs / SCALE;
        long fraction = abs % SCALE;
        sb.append(integer);
        if (fraction != 0)
        {
            int digits = DECIMALS;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            sb.append('.');
            final String f = Long.toString(fraction);
            for (int pad = f.length(); pad < digits; pad++)
            {
                sb.append('0');
            }
            sb.append(f);
        }
    }

    /** Name of an error code, for drop-reason counters and messages. */
    public static String errorName(final long code)
    {
        if (code == ERR_SYNTAX)
        {
            return "syntax";
        }
        if (code == ERR_TOO_MANY_DECIMALS)
        {
            return "too_many_decimals";
        }
        if (code == ERR_OVERFLOW)
        {
            return "overflow";
        }
        return "none";
    }
}
