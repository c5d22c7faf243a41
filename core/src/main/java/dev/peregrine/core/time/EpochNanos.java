package dev.peregrine.core.time;

/**
 * Parses RFC 3339 timestamps such as {@code 2026-08-09T21:05:48.229198328Z} straight from bytes to
 * epoch nanoseconds, without {@code java.time} objects. Accepts 0 to 9 fraction digits and a zone of
 * {@code Z} or {@code +HH:MM}/{@code -HH:MM}. Returns {@link #INVALID} rather than throwing.
 */
public final class EpochNanos
{
    public static final long INVALID = Long.MIN_VALUE;
    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    public static final long NANOS_PER_MILLI = 1_000_000L;

    private EpochNanos()
    {
    }

    public static long parse(final byte[] b, final int offset, final int length)
    {
        // Shortest accepted form: 2026-08-09T21:05:48Z (20 bytes).
        if (length < 20)
        {
            return INVALID;
        }
        final int o = offset;
        final int year = digits(b, o, 4);
        final int month = digits(b, o + 5, 2);
        final int day = digits(b, o + 8, 2);
        final int hour = digits(b, o + 11, 2);
        final int minute = digits(b, o + 14, 2);
        final int second = digits(b, o + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 ||
            minute < 0 || minute > 59 || second < 0 || second > 60 ||
            b[o + 4] != '-' || b[o + 7] != '-' || (b[o + 10] != 'T' && b[o + 10] != 't' && b[o + 10] != ' ') ||
            b[o + 13] != ':' || b[o + 16] != ':')
        {
            return INVALID;
        }
        final int end = offset + length;
        int i = o + 19;
        long fraction = 0;
        if (i < end && b[i] == '.')
        {
            i++;
            int fractionDigits = 0;
            while (i < end && b[i] >= '0' && b[i] <= '9')
            {
                if (fractionDigits < 9)
                {
                    fraction = fraction * 10 + (b[i] - '0');
                    fractionDigits++;
                }
                i++;
            }
            if (fractionDigits == 0)
            {
                return INVALID;
            }
            for (int d = fractionDigits; d < 9; d++)
            {
                fraction *= 10;
            }
        }
        long offsetSeconds = 0;
        if (i < end && (b[i] == 'Z' || b[i] == 'z'))
        {
            i++;
        }
        else if (i + 6 == end && (b[i] == '+' || b[i] == '-') && b[i + 3] == ':')
        {
            final int oh = digits(b, i + 1, 2);
            final int om = digits(b, i + 4, 2);
            if (oh < 0 || om < 0)
            {
                return INVALID;
            }
            offsetSeconds = (oh * 3600L + om * 60L) * (b[i] == '+' ? 1 : -1);
            i += 6;
        }
        else
        {
            return INVALID;
        }
        if (i != end)
        {
            return INVALID;
        }
        final long days = daysFromCivil(year, month, day);
        final long seconds = days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * NANOS_PER_SECOND + fraction;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    public static long daysFromCivil(final int year, final int month, final int day)
    {
        final int y = month <= 2 ? year - 1 : year;
        final int era = Math.floorDiv(y, 400);
        final int yoe = y - era * 400;
        final int mp = (month + 9) % 12;
        final int doy = (153 * mp + 2) / 5 + day - 1;
        final int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    private static int digits(final byte[] b, final int from, final int count)
    {
        int value = 0;
        for (int i = from; i < from + count; i++)
        {
            final int d = b[i] - '0';
            if (d < 0 || d > 9)
            {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** RFC 3339 text with nanoseconds, for reports and simulators; allocates. */
    public static String format(final long epochNanos)
    {
        return java.time.Instant.ofEpochSecond(
            Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND)).toString();
    }
}
