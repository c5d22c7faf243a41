package dev.peregrine.ops.cli;

import java.time.Duration;
import java.util.Locale;

/** Parses durations as people type them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, {@code 90}. */
public final class Durations
{
    private Durations()
    {
    }

    public static Duration parse(final String text)
    {
        final String t = text.trim().toLowerCase(Locale.ROOT);
        try
        {
            if (t.endsWith("ms"))
            {
                return positive(text, Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))));
            }
            if (t.endsWith("s"))
            {
                return positive(text, Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000)));
            }
            if (t.endsWith("m"))
            {
                return positive(text, Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60)));
            }
            if (t.endsWith("h"))
            {
                return positive(text, Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 3600)));
            }
            if (t.endsWith("d"))
            {
                return positive(text, Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 86400)));
            }
            return positive(text, Duration.ofSeconds(Long.parseLong(t)));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 500ms, 30s, 5m, 2h, 7d)");
        }
    }

    private static Duration positive(final String text, final Duration duration)
    {
        if (duration.isNegative() || duration.isZero())
        {
            throw new IllegalArgumentException("duration '" + text + "' must be greater than zero");
        }
        return duration;
    }
}
