package dev.peregrine.ops.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The soak's verdict: growth from the first warm sample to the last (anonymous RSS and old generation in percent,
 * threads and fds as deltas; the old generation both after the latest collection and as the live set after the full
 * collections the soak asks for), and the collections and errors while warm. The goal: under 2% for both
 * memories, flat threads and fds, 0 errors.
 */
final class SoakGrowth
{
    private SoakGrowth()
    {
    }

    static List<String> lines(final List<SoakSample> samples)
    {
        final List<SoakSample> warm = samples.stream().filter(SoakSample::warm).toList();
        final List<String> lines = new ArrayList<>();
        if (warm.size() < 2)
        {
            lines.add("growth: not measured (fewer than 2 samples after warm-up; lengthen --duration or shorten --interval)");
            return lines;
        }
        final SoakSample first = warm.get(0);
        final SoakSample last = warm.get(warm.size() - 1);
        lines.add(String.format(Locale.ROOT, "measured: %.0f s after warm-up, %d samples, %d events, %d orders",
            last.seconds() - first.seconds(), warm.size(), last.events() - first.events(), last.orders() - first.orders()));
        lines.add(String.format(Locale.ROOT, "anon rss growth: %+.2f%% (%d -> %d KiB)",
            percent(first.anonRssKib(), last.anonRssKib()), first.anonRssKib(), last.anonRssKib()));
        lines.add(String.format(Locale.ROOT, "old gen growth: %+.2f%% (%d -> %d bytes after GC)",
            percent(first.oldGenBytes(), last.oldGenBytes()), first.oldGenBytes(), last.oldGenBytes()));
        final List<SoakSample> live = warm.stream().filter(s -> s.oldGenLiveBytes() >= 0).toList();
        if (live.size() >= 2)
        {
            final SoakSample from = live.get(0);
            final SoakSample to = live.get(live.size() - 1);
            lines.add(String.format(Locale.ROOT, "old gen live set growth: %+.2f%% (%d -> %d bytes after full collections at %.0f s and %.0f s)",
                percent(from.oldGenLiveBytes(), to.oldGenLiveBytes()), from.oldGenLiveBytes(), to.oldGenLiveBytes(),
                from.seconds(), to.seconds()));
        }
        lines.add(String.format(Locale.ROOT, "threads delta: %+d (%d -> %d)", last.threads() - first.threads(),
            first.threads(), last.threads()));
        lines.add(String.format(Locale.ROOT, "fds delta: %+d (%d -> %d)", last.fds() - first.fds(), first.fds(), last.fds()));
        lines.add(String.format(Locale.ROOT, "gc collections after warm-up: %d (%d of them the soak's full collections)",
            last.gcCollections() - first.gcCollections(), Math.max(0, live.size() - 1)));
        lines.add(String.format(Locale.ROOT, "errors after warm-up: %d", last.errors() - first.errors()));
        return lines;
    }

    private static double percent(final long from, final long to)
    {
        return from == 0 ? 0 : 100.0 * (to - from) / from;
    }
}
