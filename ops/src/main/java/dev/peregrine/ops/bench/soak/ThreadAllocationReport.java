package dev.peregrine.ops.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bytes each daemon thread allocated between two readings (ThreadMXBean), per second and, for the threads every
 * event passes (market data, journal, core, outbound), per event: the figure DESIGN.md's hot-path rule wants at 0.
 * Threads numbered by their pools (HTTP workers, Netty loops) are summed under their pool's name.
 */
final class ThreadAllocationReport
{
    private static final String[] HOT = {"peregrine-coinbase-md", "peregrine-journal", "peregrine-core", "peregrine-outbound"};

    private ThreadAllocationReport()
    {
    }

    static List<String> lines(final Map<String, Long> before, final Map<String, Long> after, final double seconds, final long events)
    {
        final TreeMap<String, Long> byPool = new TreeMap<>();
        for (final Map.Entry<String, Long> e : after.entrySet())
        {
            // A thread that started after the first reading counts from 0.
            final long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (delta > 0)
            {
                byPool.merge(pool(e.getKey()), delta, Long::sum);
            }
        }
        final List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "allocation by thread over %.0f s, %d events:", seconds, events));
        for (final String hot : HOT)
        {
            final long bytes = byPool.getOrDefault(hot, 0L);
            lines.add(String.format(Locale.ROOT, "  hot %-34s %,14d B  %,12.0f B/s  %8.2f B/event", hot, bytes,
                bytes / seconds, events == 0 ? 0.0 : (double)bytes / events));
        }
        byPool.entrySet().stream()
            .filter(e -> !isHot(e.getKey()))
            .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
            .forEach(e -> lines.add(String.format(Locale.ROOT, "  off %-34s %,14d B  %,12.0f B/s", e.getKey(), e.getValue(),
                e.getValue() / seconds)));
        return lines;
    }

    private static boolean isHot(final String pool)
    {
        for (final String hot : HOT)
        {
            if (hot.equals(pool))
            {
                return true;
            }
        }
        return false;
    }

    /** {@code peregrine-coinbase-md-5-1} -> {@code peregrine-coinbase-md}, {@code HttpClient-2-Worker-3} -> {@code HttpClient-Worker}. */
    static String pool(final String thread)
    {
        String name = thread.replaceAll("(-\\d+)+$", "");
        name = name.replaceAll("-\\d+-", "-");
        return name.replaceAll("\\(\\d+\\)", "");
    }
}
