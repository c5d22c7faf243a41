package dev.peregrine.ops.bench.soak;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The soak's chart: one self-contained HTML page (inline SVG, no scripts, nothing fetched) with a small line
 * chart per series against time, the warm-up shaded, so growth is visible at a glance.
 */
final class SoakChart
{
    private static final int WIDTH = 640;
    private static final int HEIGHT = 160;
    private static final int PAD = 40;

    private SoakChart()
    {
    }

    static String html(final String title, final List<SoakSample> samples, final List<String> summary)
    {
        final StringBuilder h = new StringBuilder(16384);
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(title))
            .append("</title>\n<style>body{font-family:sans-serif;margin:20px}svg{border:1px solid #ccc;margin:4px 0}"
                + "pre{background:#f6f6f6;padding:8px}</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n<pre>");
        for (final String line : summary)
        {
            h.append(escape(line)).append('\n');
        }
        h.append("</pre>\n");
        chart(h, "anonymous RSS (MiB)", samples, s -> s.anonRssKib() / 1024.0);
        chart(h, "old generation after GC (MiB)", samples, s -> s.oldGenBytes() / (1024.0 * 1024.0));
        chart(h, "threads", samples, s -> s.threads());
        chart(h, "open file descriptors", samples, s -> s.fds());
        chart(h, "GC collections (cumulative)", samples, s -> s.gcCollections());
        chart(h, "errors (cumulative)", samples, s -> s.errors());
        chart(h, "tick to decision p99 (us)", samples, SoakSample::p99Micros);
        return h.append("</body></html>\n").toString();
    }

    private static void chart(final StringBuilder h, final String label, final List<SoakSample> samples,
        final ToDoubleFunction<SoakSample> value)
    {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        final double end = samples.isEmpty() ? 1 : Math.max(1, samples.get(samples.size() - 1).seconds());
        for (final SoakSample s : samples)
        {
            final double v = value.applyAsDouble(s);
            if (!Double.isNaN(v))
            {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max)
        {
            min = 0;
            max = 1;
        }
        final double lo = Math.min(0, min);
        final double span = max > lo ? max - lo : 1;
        h.append("<h3>").append(escape(label)).append("</h3>\n<svg width=\"").append(WIDTH).append("\" height=\"")
            .append(HEIGHT).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        double warmFrom = end;
        for (final SoakSample s : samples)
        {
            if (s.warm())
            {
                warmFrom = s.seconds();
                break;
            }
        }
        h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"0\" width=\"%.1f\" height=\"%d\" fill=\"#eee\"/>\n",
            PAD, x(warmFrom, end) - PAD, HEIGHT - PAD / 2));
        h.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"");
        for (final SoakSample s : samples)
        {
            final double v = value.applyAsDouble(s);
            if (!Double.isNaN(v))
            {
                h.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(s.seconds(), end), y(v, lo, span)));
            }
        }
        h.append("\"/>\n");
        h.append(String.format(Locale.ROOT,
            "<text x=\"2\" y=\"12\" font-size=\"10\">%s</text><text x=\"2\" y=\"%d\" font-size=\"10\">%s</text>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"10\">0 s</text><text x=\"%d\" y=\"%d\" font-size=\"10\">%.0f s</text>\n",
            format(max), HEIGHT - PAD / 2, format(lo), PAD, HEIGHT - 4, WIDTH - PAD - 20, HEIGHT - 4, end));
        h.append("</svg>\n");
    }

    private static double x(final double seconds, final double end)
    {
        return PAD + (WIDTH - 2 * PAD) * seconds / end;
    }

    private static double y(final double v, final double lo, final double span)
    {
        return (HEIGHT - PAD / 2.0) - (HEIGHT - PAD) * (v - lo) / span;
    }

    private static String format(final double v)
    {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
    }

    private static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
