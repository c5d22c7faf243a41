package dev.peregrine.journal.statistics;

import java.util.Locale;

/**
 * One figure, or the reason it has none. An annualized ratio over a span too short to mean anything is
 * not a number with a warning beside it: it is absent, with the reason (e.g. {@code span 5m, needs >= 1d}),
 * so no table, sort or JSON reader can mistake it for a result.
 *
 * @param value       the figure; NaN when unavailable
 * @param unavailable why there is no figure; null when there is one
 */
public record Statistic(double value, String unavailable)
{
    public static Statistic of(final double value)
    {
        return Double.isFinite(value) ? new Statistic(value, null) : new Statistic(Double.NaN, "undefined");
    }

    public static Statistic unavailable(final String reason)
    {
        return new Statistic(Double.NaN, reason);
    }

    public boolean available()
    {
        return unavailable == null;
    }

    /** The value in {@code format} (e.g. {@code %.2f}), or {@code n/a (reason)}. */
    public String text(final String format)
    {
        return available() ? String.format(Locale.ROOT, format, value) : "n/a (" + unavailable + ")";
    }

    /** The value, or null when unavailable: what JSON writers print. */
    public Double orNull()
    {
        return available() ? value : null;
    }
}
