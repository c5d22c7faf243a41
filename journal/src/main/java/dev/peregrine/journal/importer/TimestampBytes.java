package dev.peregrine.journal.importer;

/**
 * The common spellings of {@link Timestamps} read straight from bytes to epoch nanoseconds, with no
 * {@code String}, {@code Instant} or formatter: whole epoch seconds or milliseconds, and ISO-8601
 * {@code 2024-08-08T23:54:13.123Z} (a space for {@code T}, a fraction of 1 to 9 digits, {@code Z} or no
 * offset, or a date alone). Anything else (an offset, surrounding spaces, an invalid date, a value that would
 * overflow) answers {@link #UNDECIDED}, and the caller parses the text with {@link Timestamps}, which gives the
 * value or the error. So for every input this gives exactly what {@code Timestamps} gives, or nothing.
 */
final class TimestampBytes
{
    /** No answer here: parse the text with {@link Timestamps}. */
    static final long UNDECIDED = Long.MIN_VALUE;

    /** Below this, epoch seconds times 10^9 cannot overflow a long. */
    private static final long SAFE_SECONDS = 9_000_000_000L;
    /** Below this, epoch milliseconds times 10^6 cannot overflow a long. */
    private static final long SAFE_MILLIS = 9_000_000_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Epoch nanoseconds in a long span 1677-09-21 to 2262-04-11: whole years inside it cannot overflow. */
    private static final int MIN_YEAR = 1678;
    private static final int MAX_YEAR = 2261;

    private TimestampBytes()
    {
    }

    /** Epoch nanoseconds of the field, or {@link #UNDECIDED}. */
    static long nanos(final byte[] b, final int offset, final int length)
    {
        if (length <= 0)
        {
            return UNDECIDED;
        }
        final long digits = digits(b, offset, length);
        if (digits >= 0)
        {
            if (length > 15)
            {
                return UNDECIDED;
            }
            if (digits < Timestamps.MILLIS_FROM)
            {
                return digits < SAFE_SECONDS ? digits * NANOS_PER_SECOND : UNDECIDED;
            }
            return digits < SAFE_MILLIS ? digits * 1_000_000L : UNDECIDED;
        }
        return iso(b, offset, length);
    }

    private static long iso(final byte[] b, final int o, final int length)
    {
        if (length < 10 || b[o + 4] != '-' || b[o + 7] != '-')
        {
            return UNDECIDED;
        }
        final int year = (int)digits(b, o, 4);
        final int month = (int)digits(b, o + 5, 2);
        final int day = (int)digits(b, o + 8, 2);
        if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        {
            return UNDECIDED;
        }
        final long midnight = daysFromCivil(year, month, day) * 86_400L * NANOS_PER_SECOND;
        if (length == 10)
        {
            return midnight;
        }
        if (length < 19 || (b[o + 10] != 'T' && b[o + 10] != ' ') || b[o + 13] != ':' || b[o + 16] != ':')
        {
            return UNDECIDED;
        }
        final int hour = (int)digits(b, o + 11, 2);
        final int minute = (int)digits(b, o + 14, 2);
        final int second = (int)digits(b, o + 17, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        {
            return UNDECIDED;
        }
        int i = o + 19;
        int end = o + length;
        if (b[end - 1] == 'Z')
        {
            end--;
        }
        long fraction = 0;
        if (i < end)
        {
            if (b[i] != '.' || end - i - 1 < 1 || end - i - 1 > 9)
            {
                return UNDECIDED;
            }
            final int fractionDigits = end - i - 1;
            fraction = digits(b, i + 1, fractionDigits);
            if (fraction < 0)
            {
                return UNDECIDED;
            }
            for (int d = fractionDigits; d < 9; d++)
            {
                fraction *= 10;
            }
        }
        return midnight + (hour * 3600L + minute * 60L + second) * NANOS_PER_SECOND + fraction;
    }

    /** The bytes as a whole number when they are all ASCII digits (at most 18), else -1. */
    private static long digits(final byte[] b, final int offset, final int length)
    {
        if (length > 18)
        {
            return -1;
        }
        long value = 0;
        for (int i = offset; i < offset + length; i++)
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

    private static int daysInMonth(final int year, final int month)
    {
        switch (month)
        {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(final int year, final int month, final int day)
    {
        final int y = month <= 2 ? year - 1 : year;
        final int era = Math.floorDiv(y, 400);
        final int yearOfEra = y - era * 400;
        final int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        final int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
