package dev.peregrine.gateway.json;

import java.nio.charset.StandardCharsets;

/** The lexical pieces of JSON that are not containers: literals, numbers, string escapes. */
final class JsonLiterals
{
    static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private JsonLiterals()
    {
    }

    /**
     * Skips a JSON number ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}) starting at {@code p}.
     * Bare {@code NaN} or {@code Infinity} are not JSON and fail here.
     *
     * @return the index one past the number, or -1.
     */
    static int skipNumber(final byte[] b, final int p, final int limit)
    {
        int i = p;
        if (i < limit && b[i] == '-')
        {
            i++;
        }
        if (i >= limit)
        {
            return -1;
        }
        if (b[i] == '0')
        {
            i++;
        }
        else if (isDigit(b[i]))
        {
            i = Swar.skipDigits(b, i + 1, limit);
        }
        else
        {
            return -1;
        }
        if (i < limit && b[i] == '.')
        {
            i = skipDigits(b, i + 1, limit);
            if (i < 0)
            {
                return -1;
            }
        }
        if (i < limit && (b[i] == 'e' || b[i] == 'E'))
        {
            i++;
            if (i < limit && (b[i] == '+' || b[i] == '-'))
            {
                i++;
            }
            i = skipDigits(b, i, limit);
        }
        return i;
    }

    /** Skips the escape whose backslash is at {@code p}; returns the index after it, or -1. */
    static int skipEscape(final byte[] b, final int p, final int limit)
    {
        if (p + 1 >= limit)
        {
            return -1;
        }
        switch (b[p + 1])
        {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                return p + 2;
            case 'u':
                if (p + 6 > limit)
                {
                    return -1;
                }
                for (int i = p + 2; i < p + 6; i++)
                {
                    if (!isHex(b[i]))
                    {
                        return -1;
                    }
                }
                return p + 6;
            default:
                return -1;
        }
    }

    /** One or more digits from {@code p}; returns the index after them, or -1 if there are none. */
    private static int skipDigits(final byte[] b, final int p, final int limit)
    {
        final int i = Swar.skipDigits(b, p, limit);
        return i == p ? -1 : i;
    }

    private static boolean isDigit(final byte b)
    {
        return b >= '0' && b <= '9';
    }

    private static boolean isHex(final byte b)
    {
        return isDigit(b) || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
