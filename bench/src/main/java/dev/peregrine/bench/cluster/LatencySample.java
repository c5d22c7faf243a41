package dev.peregrine.bench.cluster;

import java.util.Arrays;
import java.util.Locale;

/**
 * Per-event latencies of one path (nanoseconds), gathered over every round, and their percentiles. Nearest-rank
 * percentiles over the sorted sample: with 10,000 events p99.9 is the 10th-worst event, so quote it with its count.
 */
public final class LatencySample
{
    private final String name;
    private long[] nanos = new long[1024];
    private int count;

    public LatencySample(final String name)
    {
        this.name = name;
    }

    public void add(final long latencyNanos)
    {
        if (latencyNanos < 0)
        {
            throw new IllegalArgumentException(name + ": a negative latency (" + latencyNanos + " ns): the applied " +
                "timestamp was read before it was written");
        }
        if (count == nanos.length)
        {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    public String name()
    {
        return name;
    }

    public int count()
    {
        return count;
    }

    /** The nearest-rank percentile {@code q} (0 < q <= 1) in nanoseconds. */
    public long percentile(final double q)
    {
        if (count == 0)
        {
            throw new IllegalStateException(name + ": no events measured");
        }
        final long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        final int rank = (int)Math.ceil(q * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)];
    }

    public long max()
    {
        return percentile(1.0);
    }

    public double meanNanos()
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += nanos[i];
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** One table row: name, p50, p99, p99.9, max, mean in microseconds, and the count. */
    public String row()
    {
        return String.format(Locale.ROOT, "%-46s %10.1f %10.1f %10.1f %10.1f %10.1f %8d", name,
            percentile(0.50) / 1e3, percentile(0.99) / 1e3, percentile(0.999) / 1e3, max() / 1e3, meanNanos() / 1e3,
            count);
    }

    public static String header()
    {
        return String.format(Locale.ROOT, "%-46s %10s %10s %10s %10s %10s %8s", "per event, offer -> applied (us)",
            "p50", "p99", "p99.9", "max", "mean", "events");
    }
}
