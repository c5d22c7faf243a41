package dev.peregrine.ops.report;

/**
 * The sampled series the charts draw, bounded whatever the journal's length: equity, drawdown and each
 * product's mark price at the end of each time bucket of event time (the state after the bucket's last
 * event). Buckets start {@value #INITIAL_BUCKET_MILLIS} ms wide; whenever more than
 * {@value #MAX_POINTS} points would be kept, the width doubles and the points thin to the last of
 * each wider bucket. So a five-second demo gets 100 ms resolution and a year of data a few hours, and
 * a chart never holds more than {@value #MAX_POINTS} points.
 *
 * <p>Only the charts are sampled: the statistics see every event ({@link EquityCurve}). A run with perpetuals adds
 * {@code extras} columns sampled the same way ({@link PerpetualTimeline}: funding paid, margin ratio, leverage).
 */
public final class ChartSeries
{
    public static final int MAX_POINTS = 2000;
    public static final long INITIAL_BUCKET_MILLIS = 100;

    private final int instruments;
    private final long[] time = new long[MAX_POINTS + 1];
    private final double[] equity = new double[MAX_POINTS + 1];
    private final double[] drawdown = new double[MAX_POINTS + 1];
    private final double[][] marks;
    private final double[][] extras;
    private long bucketNanos = INITIAL_BUCKET_MILLIS * 1_000_000L;
    private long currentBucket = Long.MIN_VALUE;
    private int count;

    public ChartSeries(final int instruments)
    {
        this(instruments, 0);
    }

    /** @param extras further columns per point, given to {@link #observe(long, double, double, double[], double[])} */
    public ChartSeries(final int instruments, final int extras)
    {
        this.instruments = instruments;
        this.marks = new double[instruments][MAX_POINTS + 1];
        this.extras = new double[extras][MAX_POINTS + 1];
    }

    /**
     * The state after an event; {@code markPrices[i]} is product i's mark (0 when unknown, drawn as a gap).
     */
    public void observe(final long timeNanos, final double equityNow, final double drawdownNow, final double[] markPrices)
    {
        observe(timeNanos, equityNow, drawdownNow, markPrices, null);
    }

    /** As {@link #observe(long, double, double, double[])}, with the extra columns' values (null: none). */
    public void observe(final long timeNanos, final double equityNow, final double drawdownNow, final double[] markPrices,
        final double[] extraValues)
    {
        final long bucket = Math.floorDiv(timeNanos, bucketNanos);
        if (bucket != currentBucket)
        {
            if (count == MAX_POINTS)
            {
                thin();
            }
            currentBucket = Math.floorDiv(timeNanos, bucketNanos);
            if (count > 0 && Math.floorDiv(time[count - 1], bucketNanos) == currentBucket)
            {
                count--; // after thinning, the last kept point may share the new bucket: overwrite it
            }
            count++;
        }
        final int i = count - 1;
        time[i] = timeNanos;
        equity[i] = equityNow;
        drawdown[i] = drawdownNow;
        for (int k = 0; k < instruments; k++)
        {
            marks[k][i] = markPrices[k];
        }
        for (int e = 0; e < extras.length; e++)
        {
            extras[e][i] = extraValues[e];
        }
    }

    /** Doubles the bucket width (until the points fit in half the room) and keeps each bucket's last point. */
    private void thin()
    {
        int kept = count;
        while (kept > MAX_POINTS / 2)
        {
            bucketNanos *= 2;
            kept = 0;
            for (int i = 0; i < count; i++)
            {
                if (i == count - 1 || Math.floorDiv(time[i], bucketNanos) != Math.floorDiv(time[i + 1], bucketNanos))
                {
                    kept++;
                }
            }
        }
        int to = 0;
        for (int i = 0; i < count; i++)
        {
            if (i == count - 1 || Math.floorDiv(time[i], bucketNanos) != Math.floorDiv(time[i + 1], bucketNanos))
            {
                time[to] = time[i];
                equity[to] = equity[i];
                drawdown[to] = drawdown[i];
                for (int k = 0; k < instruments; k++)
                {
                    marks[k][to] = marks[k][i];
                }
                for (int e = 0; e < extras.length; e++)
                {
                    extras[e][to] = extras[e][i];
                }
                to++;
            }
        }
        count = to;
    }

    public int size()
    {
        return count;
    }

    public long bucketNanos()
    {
        return bucketNanos;
    }

    public long time(final int i)
    {
        return time[i];
    }

    public double equity(final int i)
    {
        return equity[i];
    }

    public double drawdown(final int i)
    {
        return drawdown[i];
    }

    public double mark(final int instrument, final int i)
    {
        return marks[instrument][i];
    }

    public int instruments()
    {
        return instruments;
    }

    /** Extra column {@code column} at point {@code i}. */
    public double extra(final int column, final int i)
    {
        return extras[column][i];
    }

    public int extras()
    {
        return extras.length;
    }
}
