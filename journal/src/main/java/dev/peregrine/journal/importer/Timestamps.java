package dev.peregrine.journal.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Bar timestamps as charting tools export them, used only to check the rows are in time order (the
 * output repeats the text as given):
 * <ul>
 * <li>ISO-8601: {@code 2024-08-08T23:54:13Z}, with a fraction ({@code .123}) and/or an offset
 * ({@code +02:00}); a space instead of {@code T} is accepted; without an offset the time is UTC; a
 * date alone ({@code 2024-08-08}) is midnight UTC;</li>
 * <li>whole epoch numbers: below {@value #MILLIS_FROM} (10^11, which as seconds is the year 5138 and as
 * milliseconds 1973-03-03) they are seconds, from there below {@value #TOO_LARGE} (10^14) they are
 * milliseconds; larger values (microseconds, nanoseconds) are refused rather than guessed.</li>
 * </ul>
 */
public final class Timestamps
{
    /** Epoch values from here on are milliseconds. */
    public static final long MILLIS_FROM = 100_000_000_000L;
    /** Epoch values from here on are refused. */
    public static final long TOO_LARGE = 100_000_000_000_000L;

    private Timestamps()
    {
    }

    /** The instant, or an {@link IllegalArgumentException} whose message says what is wrong (no field name). */
    public static Instant parse(final String text)
    {
        final String t = text.trim();
        if (!t.isEmpty() && allDigits(t))
        {
            if (t.length() > 15)
            {
                throw tooLarge(text);
            }
            final long value = Long.parseLong(t);
            if (value < MILLIS_FROM)
            {
                return Instant.ofEpochSecond(value);
            }
            if (value < TOO_LARGE)
            {
                return Instant.ofEpochMilli(value);
            }
            throw tooLarge(text);
        }
        final String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
        try
        {
            return OffsetDateTime.parse(iso).toInstant();
        }
        catch (final DateTimeParseException notOffset)
        {
            try
            {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            }
            catch (final DateTimeParseException notLocal)
            {
                try
                {
                    return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                catch (final DateTimeParseException notDate)
                {
                    throw new IllegalArgumentException("'" + text +
                        "' is not an ISO-8601 time (2024-08-08T23:54:13Z) or whole epoch seconds or milliseconds");
                }
            }
        }
    }

    private static IllegalArgumentException tooLarge(final String text)
    {
        return new IllegalArgumentException("'" + text + "' is too large for epoch milliseconds " +
            "(microseconds and nanoseconds are not supported)");
    }

    private static boolean allDigits(final String t)
    {
        for (int i = 0; i < t.length(); i++)
        {
            if (t.charAt(i) < '0' || t.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }
}
