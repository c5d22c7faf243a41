package dev.peregrine.ops.report;

import java.util.Arrays;

/**
 * The equity and each product's mark at the close of every UTC hour between the first and the last event
 * (the state after the hour's last event; an hour without events repeats the previous close), from which
 * the tearsheet derives daily closes, period returns and the buy-and-hold benchmark. O(1) per event and one
 * row per hour: a year is 8,760 rows whatever the event count. A span longer than
 * {@value #MAX_HOURS} hours stops recording there and says so ({@link #truncated()}).
 */
public final class PeriodCloses
{
    public static final long HOUR_NANOS = 3_600_000_000_000L;
    /** Twenty years of hours: a journal whose clock jumps further is not a market run the tearsheet can chart. */
    public static final int MAX_HOURS = 24 * 366 * 20;

    private final int instruments;
    private long firstHour = Long.MIN_VALUE;
    private int count;
    private double[] equity = new double[64];
    private double[][] marks;
    private final double[] firstMarks;
    private boolean truncated;

    public PeriodCloses(final int instruments)
    {
        this.instruments = instruments;
        this.marks = new double[instruments][64];
        this.firstMarks = new double[instruments];
        Arrays.fill(firstMarks, Double.NaN);
    }

    /** The state after an event: equity and each product's mark (NaN when unknown yet). */
    public void observe(final long timeNanos, final double equityNow, final double[] markPrices)
    {
        for (int k = 0; k < instruments; k++)
        {
            if (Double.isNaN(firstMarks[k]) && markPrices[k] > 0)
            {
                firstMarks[k] = markPrices[k];
            }
        }
        final long hour = Math.floorDiv(timeNanos, HOUR_NANOS);
        if (firstHour == Long.MIN_VALUE)
        {
            firstHour = hour;
        }
        final long index = hour - firstHour;
        if (index < count - 1L || truncated)
        {
            return; // a clock that went back: the close of the current hour stands (journals are in time order)
        }
        if (index >= MAX_HOURS)
        {
            truncated = true;
            return;
        }
        while (count <= index)
        {
            grow();
            for (int k = 0; k < instruments; k++)
            {
                marks[k][count] = count > 0 ? marks[k][count - 1] : Double.NaN;
            }
            if (count > 0)
            {
                equity[count] = equity[count - 1];
            }
            count++;
        }
        final int i = count - 1;
        equity[i] = equityNow;
        for (int k = 0; k < instruments; k++)
        {
            if (markPrices[k] > 0)
            {
                marks[k][i] = markPrices[k];
            }
        }
    }

    private void grow()
    {
        if (count + 1 < equity.length)
        {
            return;
        }
        final int size = equity.length * 2;
        equity = Arrays.copyOf(equity, size);
        for (int k = 0; k < instruments; k++)
        {
            marks[k] = Arrays.copyOf(marks[k], size);
        }
    }

    public int hours()
    {
        return count;
    }

    public int instruments()
    {
        return instruments;
    }

    /** Start of hour {@code i}, epoch nanoseconds. */
    public long hourStartNanos(final int i)
    {
        return (firstHour + i) * HOUR_NANOS;
    }

    public double equity(final int i)
    {
        return equity[i];
    }

    /** Product k's mark at the close of hour i; NaN before its first mark. */
    public double mark(final int k, final int i)
    {
        return marks[k][i];
    }

    /** Product k's first mark of the run, NaN when it never had one. */
    public double firstMark(final int k)
    {
        return firstMarks[k];
    }

    public boolean truncated()
    {
        return truncated;
    }
}
