package dev.peregrine.gateway.sim;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps written the way Coinbase's Go servers write them, as the real capture shows: RFC 3339 with
 * up to nine fraction digits and trailing zeros trimmed ({@code 2026-08-09T21:05:49.25328358Z}), and
 * Go's {@code time.String()} for heartbeats ({@code 2026-08-09 21:05:48.854840045 +0000 UTC m=+41691.260485341}).
 */
final class GoTimeFormat
{
    private static final long NANOS = 1_000_000_000L;

    private GoTimeFormat()
    {
    }

    /** Go's {@code RFC3339Nano}: trailing zeros of the fraction trimmed, no dot when it is zero. */
    static void appendRfc3339Nano(final StringBuilder sb, final long epochNanos)
    {
        appendDateTime(sb, epochNanos, 'T');
        sb.append('Z');
    }

    /** Like {@link #appendRfc3339Nano} at microsecond precision, as trade {@code time}s are. */
    static void appendRfc3339Micros(final StringBuilder sb, final long epochNanos)
    {
        appendRfc3339Nano(sb, epochNanos - Math.floorMod(epochNanos, 1_000L));
    }

    /** Go's {@code time.String()} of a UTC time carrying a monotonic reading. */
    static void appendGoString(final StringBuilder sb, final long epochNanos, final long monotonicNanos)
    {
        appendDateTime(sb, epochNanos, ' ');
        sb.append(" +0000 UTC m=+").append(monotonicNanos / NANOS).append('.');
        appendPadded(sb, monotonicNanos % NANOS, 9);
    }

    private static void appendDateTime(final StringBuilder sb, final long epochNanos, final char separator)
    {
        final long seconds = Math.floorDiv(epochNanos, NANOS);
        final long fraction = Math.floorMod(epochNanos, NANOS);
        final LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        appendPadded(sb, t.getYear(), 4);
        sb.append('-');
        appendPadded(sb, t.getMonthValue(), 2);
        sb.append('-');
        appendPadded(sb, t.getDayOfMonth(), 2);
        sb.append(separator);
        appendPadded(sb, t.getHour(), 2);
        sb.append(':');
        appendPadded(sb, t.getMinute(), 2);
        sb.append(':');
        appendPadded(sb, t.getSecond(), 2);
        if (fraction != 0)
        {
            long trimmed = fraction;
            int digits = 9;
            while (trimmed % 10 == 0)
            {
                trimmed /= 10;
                digits--;
            }
            sb.append('.');
            appendPadded(sb, trimmed, digits);
        }
    }

    private static void appendPadded(final StringBuilder sb, final long value, final int width)
    {
        final String text = Long.toString(value);
        for (int i = text.length(); i < width; i++)
        {
            sb.append('0');
        }
        sb.append(text);
    }
}
