package dev.peregrine.ops.report;

import dev.peregrine.journal.statistics.Statistic;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Escaping and the number, time and duration formats report.html shows (undefined figures as a dash). */
final class Html
{
    static final String NONE = "\u2014";
    private static final DateTimeFormatter DATE_TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Html()
    {
    }

    static String escape(final String text)
    {
        if (text == null)
        {
            return "";
        }
        final StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }

    static String money(final double value)
    {
        return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%,.2f", value);
    }

    static String percent(final double fraction)
    {
        return Double.isNaN(fraction) ? NONE : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    static String ratio(final double value)
    {
        return Double.isNaN(value) || Double.isInfinite(value) ? NONE : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A statistics-module ratio (Sharpe, Sortino, Calmar), or "n/a" when unavailable; the headline and the tearsheet both use it. */
    static String ratio(final Statistic statistic)
    {
        return statistic.available() ? ratio(statistic.value()) : "n/a";
    }

    /** A statistics-module fraction (CAGR) as a percentage, or "n/a" when unavailable. */
    static String percent(final Statistic statistic)
    {
        return statistic.available() ? percent(statistic.value()) : "n/a";
    }

    static String price(final double value)
    {
        if (Double.isNaN(value))
        {
            return NONE;
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.2f" : "%.6g", value);
    }

    static String quantity(final double value)
    {
        return Double.isNaN(value) ? NONE : new java.math.BigDecimal(value).setScale(8, java.math.RoundingMode.HALF_EVEN)
            .stripTrailingZeros().toPlainString();
    }

    /** UTC, to the second. */
    static String time(final long nanos)
    {
        return DATE_TIME.format(Instant.ofEpochSecond(0, nanos));
    }

    /** 850 ms, 12.3 s, 4m 05s, 3h 02m, 2d 04h. */
    static String duration(final double nanos)
    {
        if (Double.isNaN(nanos))
        {
            return NONE;
        }
        final double seconds = nanos / 1e9;
        if (seconds < 1)
        {
            return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
        }
        if (seconds < 60)
        {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        final long s = (long)seconds;
        if (s < 3600)
        {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        if (s < 86_400)
        {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", s / 86_400, s % 86_400 / 3600);
    }
}
