package dev.peregrine.ops.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * Return of each UTC calendar month, for the heatmap: {@code close / previous close - 1}, where a
 * month's close is the equity after its last event and the close before the first month is the
 * starting capital. Months between the first and the last without events are 0. One entry per month,
 * so the memory is bounded by the span in months, not by the events.
 */
public final class MonthlyReturns
{
    private final TreeMap<YearMonth, Double> returns = new TreeMap<>();
    private long monthStartNanos = Long.MIN_VALUE;
    private long monthEndNanos = Long.MIN_VALUE;
    private YearMonth month;
    private double previousClose;
    private double close;

    public MonthlyReturns(final double startingCapital)
    {
        this.previousClose = startingCapital;
    }

    public void observe(final long timeNanos, final double equity)
    {
        if (month == null || timeNanos < monthStartNanos || timeNanos >= monthEndNanos)
        {
            final YearMonth next = YearMonth.from(Instant.ofEpochSecond(0, timeNanos).atZone(ZoneOffset.UTC));
            if (month != null && !next.equals(month))
            {
                closeMonth();
                for (YearMonth m = month.plusMonths(1); m.isBefore(next); m = m.plusMonths(1))
                {
                    returns.put(m, 0.0);
                }
            }
            month = next;
            monthStartNanos = nanos(next);
            monthEndNanos = nanos(next.plusMonths(1));
        }
        close = equity;
    }

    private static long nanos(final YearMonth m)
    {
        return m.atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    }

    private void closeMonth()
    {
        returns.put(month, previousClose > 0 ? close / previousClose - 1.0 : 0.0);
        previousClose = close;
    }

    /** Closes the last month; call once after the last event. */
    public void finish()
    {
        if (month != null)
        {
            closeMonth();
            month = null;
        }
    }

    /** Month to return, in calendar order. */
    public Map<YearMonth, Double> returns()
    {
        return returns;
    }
}
