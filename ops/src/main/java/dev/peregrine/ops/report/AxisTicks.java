package dev.peregrine.ops.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks on round values: a value axis steps by 1, 2, 2.5 or 5 times a power of ten; a time axis by
 * a round duration (1 ms .. 1 year) on multiples of it since the epoch, so days start at UTC midnight. The
 * page's chart script (report-charts.js) picks time ticks the same way when a chart is zoomed.
 */
final class AxisTicks
{
    /** The round time steps, milliseconds; the script has the same list. */
    static final long[] TIME_STEPS_MILLIS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000,
        60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000,
        86_400_000, 172_800_000, 604_800_000, 1_209_600_000, 2_592_000_000L, 7_776_000_000L, 31_536_000_000L};
    static final int MAX_TICKS = 7;

    private AxisTicks()
    {
    }

    /** Round values from lo to hi, at most about six. */
    static List<Double> values(final double lo, final double hi)
    {
        final List<Double> ticks = new ArrayList<>();
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi))
        {
            return ticks;
        }
        final double raw = (hi - lo) / 5;
        final double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 10 * power;
        for (final double m : new double[] {1, 2, 2.5, 5})
        {
            if (m * power >= raw)
            {
                step = m * power;
                break;
            }
        }
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
        {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return ticks;
    }

    /** The smallest round step giving at most {@value #MAX_TICKS} ticks over the span. */
    static long timeStepMillis(final double spanMillis)
    {
        for (final long step : TIME_STEPS_MILLIS)
        {
            if (spanMillis / step <= MAX_TICKS)
            {
                return step;
            }
        }
        return TIME_STEPS_MILLIS[TIME_STEPS_MILLIS.length - 1];
    }

    /** Tick times (epoch milliseconds) on multiples of the step within [lo, hi]. */
    static List<Long> times(final double loMillis, final double hiMillis)
    {
        final long step = timeStepMillis(hiMillis - loMillis);
        final List<Long> ticks = new ArrayList<>();
        for (long t = (long)Math.ceil(loMillis / step) * step; t <= hiMillis; t += step)
        {
            ticks.add(t);
        }
        return ticks;
    }

    /** A tick's label, as precise as the step needs. */
    static String timeLabel(final long millis, final long stepMillis)
    {
        final String pattern = stepMillis < 1_000 ? "HH:mm:ss.SSS" : stepMillis < 60_000 ? "HH:mm:ss"
            : stepMillis < 86_400_000 ? "MM-dd HH:mm" : "yyyy-MM-dd";
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(millis));
    }
}
