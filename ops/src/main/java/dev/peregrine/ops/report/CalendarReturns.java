package dev.peregrine.ops.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Returns per calendar period (UTC day, ISO week, month, year) from the hourly closes: a period's close is
 * the equity at the close of its last hour, its return close / previous period's close - 1 (capital before
 * the first), its PnL close - previous close. The benchmark's return over the same period beside it.
 */
public final class CalendarReturns
{
    private CalendarReturns()
    {
    }

    /** One calendar period. */
    public record Period(String label, long startNanos, double close, double pnl, double ret, double benchmarkReturn)
    {
    }

    public static List<Period> days(final PeriodCloses closes, final double[] benchmark, final double capital)
    {
        return by(closes, benchmark, capital, LocalDate::toString);
    }

    public static List<Period> weeks(final PeriodCloses closes, final double[] benchmark, final double capital)
    {
        return by(closes, benchmark, capital, d -> String.format(java.util.Locale.ROOT, "%d-W%02d",
            d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    }

    public static List<Period> months(final PeriodCloses closes, final double[] benchmark, final double capital)
    {
        return by(closes, benchmark, capital, d -> d.toString().substring(0, 7));
    }

    public static List<Period> years(final PeriodCloses closes, final double[] benchmark, final double capital)
    {
        return by(closes, benchmark, capital, d -> String.valueOf(d.getYear()));
    }

    /** The UTC date of an hour's start. */
    static LocalDate date(final long nanos)
    {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static List<Period> by(final PeriodCloses closes, final double[] benchmark, final double capital,
        final Function<LocalDate, String> labelOf)
    {
        final List<Period> periods = new ArrayList<>();
        double previous = capital;
        double previousBenchmark = capital;
        for (int i = 0; i < closes.hours(); i++)
        {
            final String label = labelOf.apply(date(closes.hourStartNanos(i)));
            final boolean last = i == closes.hours() - 1 ||
                !labelOf.apply(date(closes.hourStartNanos(i + 1))).equals(label);
            if (!last)
            {
                continue;
            }
            final double close = closes.equity(i);
            periods.add(new Period(label, start(closes, i, label, labelOf), close,
                close - previous, previous > 0 ? close / previous - 1.0 : 0.0,
                previousBenchmark > 0 ? benchmark[i] / previousBenchmark - 1.0 : 0.0));
            previous = close;
            previousBenchmark = benchmark[i];
        }
        return periods;
    }

    private static long start(final PeriodCloses closes, final int last, final String label,
        final Function<LocalDate, String> labelOf)
    {
        int i = last;
        while (i > 0 && labelOf.apply(date(closes.hourStartNanos(i - 1))).equals(label))
        {
            i--;
        }
        return closes.hourStartNanos(i);
    }

    /** Mean return, share of positive days and PnL per weekday (Monday first), from daily periods. */
    public record Weekday(DayOfWeek day, int days, double meanReturn, double positiveShare, double pnl)
    {
    }

    public static List<Weekday> weekdays(final List<Period> days)
    {
        final List<Weekday> out = new ArrayList<>();
        for (final DayOfWeek weekday : DayOfWeek.values())
        {
            int n = 0;
            int positive = 0;
            double sum = 0;
            double pnl = 0;
            for (final Period d : days)
            {
                if (date(d.startNanos()).getDayOfWeek() == weekday)
                {
                    n++;
                    sum += d.ret();
                    pnl += d.pnl();
                    positive += d.ret() > 0 ? 1 : 0;
                }
            }
            out.add(new Weekday(weekday, n, n > 0 ? sum / n : Double.NaN, n > 0 ? (double)positive / n : Double.NaN, pnl));
        }
        return out;
    }
}
