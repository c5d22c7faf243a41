package dev.peregrine.ops.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A time-series chart as inline SVG, drawn in Java so report.html needs no script library and no
 * network: lines (NaN breaks a line), an optional area down to zero, triangle markers with tooltips and
 * links from a trade's entry to its exit. The x axis is event time (UTC), the y axis is fitted to the
 * data with a little margin; both have ticks on round values ({@link AxisTicks}).
 *
 * <p>The page's script (report-charts.js) makes it interactive without redrawing it: the data sits in
 * {@code g.plot} (scaled in x on zoom, lines keep their width) and the markers in {@code g.markers}
 * (moved, not scaled), both clipped to the plot area; the root carries the x domain ({@code data-t0},
 * {@code data-t1}, epoch ms), the y domain and the plot area, so the script can redraw the time ticks and
 * read the crosshair's time and value.
 */
final class SvgChart
{
    static final int WIDTH = 1200;
    static final int HEIGHT = 300;
    private static final int LEFT = 90;
    private static final int RIGHT = 20;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private final String id;
    private final String label;
    private final DoubleFunction<String> yFormat;
    private final List<Line> lines = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();

    private record Line(long[] t, double[] y, int n, String cssClass, boolean area)
    {
    }

    private record Marker(long t, double y, boolean up, String cssClass, String tooltip)
    {
    }

    private record Link(long t0, double y0, long t1, double y1, String cssClass, String tooltip)
    {
    }

    private final List<Link> links = new ArrayList<>();

    SvgChart(final String id, final String label, final DoubleFunction<String> yFormat)
    {
        this.id = id;
        this.label = label;
        this.yFormat = yFormat;
    }

    SvgChart line(final long[] t, final double[] y, final int n, final String cssClass)
    {
        lines.add(new Line(t, y, n, cssClass, false));
        return this;
    }

    /** A line with the area between it and zero filled (drawdown). */
    SvgChart area(final long[] t, final double[] y, final int n, final String cssClass)
    {
        lines.add(new Line(t, y, n, cssClass, true));
        return this;
    }

    SvgChart marker(final long t, final double y, final boolean up, final String cssClass, final String tooltip)
    {
        markers.add(new Marker(t, y, up, cssClass, tooltip));
        return this;
    }

    /** A dashed line from a trade's entry to its exit. */
    SvgChart link(final long t0, final double y0, final long t1, final double y1, final String cssClass, final String tooltip)
    {
        links.add(new Link(t0, y0, t1, y1, cssClass, tooltip));
        return this;
    }

    String render()
    {
        long tMin = Long.MAX_VALUE;
        long tMax = Long.MIN_VALUE;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (final Line line : lines)
        {
            for (int i = 0; i < line.n; i++)
            {
                tMin = Math.min(tMin, line.t[i]);
                tMax = Math.max(tMax, line.t[i]);
                if (!Double.isNaN(line.y[i]))
                {
                    yMin = Math.min(yMin, line.y[i]);
                    yMax = Math.max(yMax, line.y[i]);
                }
            }
            if (line.area)
            {
                yMin = Math.min(yMin, 0);
                yMax = Math.max(yMax, 0);
            }
        }
        for (final Marker m : markers)
        {
            tMin = Math.min(tMin, m.t);
            tMax = Math.max(tMax, m.t);
            yMin = Math.min(yMin, m.y);
            yMax = Math.max(yMax, m.y);
        }
        final StringBuilder svg = new StringBuilder(16_384);
        svg.append("<svg class=\"chart\" id=\"").append(id).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
            .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append('"');
        if (tMin == Long.MAX_VALUE || yMin == Double.POSITIVE_INFINITY)
        {
            svg.append('>');
            svg.append("<text class=\"empty\" x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                .append("\" text-anchor=\"middle\">no data</text></svg>");
            return svg.toString();
        }
        if (tMax == tMin)
        {
            tMax = tMin + 1_000_000_000L;
        }
        if (yMax - yMin < Math.max(Math.abs(yMax), 1.0) * 1e-9)
        {
            final double pad = Math.max(Math.abs(yMax) * 0.001, 1e-6);
            yMin -= pad;
            yMax += pad;
        }
        final double margin = (yMax - yMin) * 0.05;
        // A drawdown never goes above 0: no headroom there, or the axis would show a positive drawdown.
        final boolean zeroTop = yMax == 0 && lines.stream().anyMatch(Line::area);
        final Scale scale = new Scale(tMin, tMax, yMin - margin, zeroTop ? 0 : yMax + margin);
        svg.append(" data-t0=\"").append(scale.tLow / 1_000_000.0).append("\" data-t1=\"").append(scale.tHigh / 1_000_000.0)
            .append("\" data-y0=\"").append(scale.yLow).append("\" data-y1=\"").append(scale.yHigh)
            .append("\" data-plot=\"").append(LEFT).append(',').append(TOP).append(',').append(WIDTH - RIGHT).append(',')
            .append(HEIGHT - BOTTOM).append("\">");
        final String clip = id + "-clip";
        svg.append("<defs><clipPath id=\"").append(clip).append("\"><rect x=\"").append(LEFT).append("\" y=\"").append(TOP)
            .append("\" width=\"").append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(HEIGHT - TOP - BOTTOM)
            .append("\"/></clipPath></defs>");
        axes(svg, scale);
        svg.append("<g clip-path=\"url(#").append(clip).append(")\"><g class=\"plot\">");
        for (final Line line : lines)
        {
            path(svg, scale, line);
        }
        for (final Link l : links)
        {
            svg.append("<line class=\"link ").append(l.cssClass).append("\" x1=\"").append(f(scale.x(l.t0))).append("\" y1=\"")
                .append(f(scale.y(l.y0))).append("\" x2=\"").append(f(scale.x(l.t1))).append("\" y2=\"")
                .append(f(scale.y(l.y1))).append("\"><title>").append(Html.escape(l.tooltip)).append("</title></line>");
        }
        svg.append("</g><g class=\"markers\">");
        for (final Marker m : markers)
        {
            final double x = scale.x(m.t);
            final double y = scale.y(m.y);
            final double dy = m.up ? 7 : -7;
            svg.append("<g class=\"").append(m.cssClass).append("\" data-x=\"").append(f(x)).append("\"><title>").append(Html.escape(m.tooltip))
                .append("</title><polygon points=\"").append(f(x)).append(',').append(f(y - dy * 0.2)).append(' ')
                .append(f(x - 5)).append(',').append(f(y + dy)).append(' ').append(f(x + 5)).append(',')
                .append(f(y + dy)).append("\"/></g>");
        }
        return svg.append("</g></g></svg>").toString();
    }

    private void axes(final StringBuilder svg, final Scale s)
    {
        svg.append("<g class=\"axis\">");
        for (final double v : AxisTicks.values(s.yLow, s.yHigh))
        {
            final double y = s.y(v);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(f(y)).append("\" y2=\"").append(f(y)).append("\"/>")
                .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4))
                .append("\" text-anchor=\"end\">").append(Html.escape(yFormat.apply(v))).append("</text>");
        }
        final double lo = s.tLow / 1_000_000.0;
        final double hi = s.tHigh / 1_000_000.0;
        final long step = AxisTicks.timeStepMillis(hi - lo);
        svg.append("<g class=\"xticks\">");
        for (final long t : AxisTicks.times(lo, hi))
        {
            final double x = s.x(t * 1_000_000L);
            svg.append("<line class=\"grid\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/><text x=\"").append(f(x)).append("\" y=\"")
                .append(HEIGHT - BOTTOM + 18).append("\" text-anchor=\"middle\">").append(AxisTicks.timeLabel(t, step))
                .append("</text>");
        }
        svg.append("</g>");
        svg.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(HEIGHT - 4)
            .append("\" text-anchor=\"end\" class=\"unit\">event time, UTC</text>");
        svg.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
            .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(HEIGHT - TOP - BOTTOM).append("\"/></g>");
    }

    private static void path(final StringBuilder svg, final Scale s, final Line line)
    {
        final StringBuilder d = new StringBuilder(line.n * 16);
        boolean pen = false;
        int first = -1;
        int last = -1;
        for (int i = 0; i < line.n; i++)
        {
            if (Double.isNaN(line.y[i]))
            {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M').append(f(s.x(line.t[i]))).append(',').append(f(s.y(line.y[i])));
            pen = true;
            if (first < 0)
            {
                first = i;
            }
            last = i;
        }
        if (first < 0)
        {
            return;
        }
        if (line.n == 1 || first == last)
        {
            // One point draws no line: show it as a dot.
            svg.append("<circle class=\"").append(line.cssClass).append("\" cx=\"").append(f(s.x(line.t[first])))
                .append("\" cy=\"").append(f(s.y(line.y[first]))).append("\" r=\"3\"/>");
            return;
        }
        if (line.area)
        {
            svg.append("<path class=\"").append(line.cssClass).append(" fill\" d=\"").append(d).append('L')
                .append(f(s.x(line.t[last]))).append(',').append(f(s.y(0))).append('L').append(f(s.x(line.t[first])))
                .append(',').append(f(s.y(0))).append("Z\"/>");
        }
        svg.append("<path class=\"").append(line.cssClass).append("\" d=\"").append(d).append("\"/>");
    }

    private static String f(final double v)
    {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Data to pixels. */
    private record Scale(long tLow, long tHigh, double yLow, double yHigh)
    {
        double x(final long t)
        {
            return LEFT + (double)(t - tLow) / (tHigh - tLow) * (WIDTH - LEFT - RIGHT);
        }

        double y(final double v)
        {
            return TOP + (yHigh - v) / (yHigh - yLow) * (HEIGHT - TOP - BOTTOM);
        }
    }
}
