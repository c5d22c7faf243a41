package dev.peregrine.ops.report;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monthly returns heatmap: a table, one row per year and one cell per month, green for gains and
 * red for losses, stronger with size (full colour at 10% a month); the year column compounds its months.
 */
final class MonthlyHeatmap
{
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private MonthlyHeatmap()
    {
    }

    static String render(final Map<YearMonth, Double> returns)
    {
        final StringBuilder html = new StringBuilder(4096);
        html.append("<table class=\"heatmap\" id=\"monthly-returns\"><thead><tr><th>year</th>");
        for (final String m : MONTHS)
        {
            html.append("<th>").append(m).append("</th>");
        }
        html.append("<th>year</th></tr></thead><tbody>");
        final TreeMap<Integer, Double[]> years = new TreeMap<>();
        for (final Map.Entry<YearMonth, Double> e : returns.entrySet())
        {
            years.computeIfAbsent(e.getKey().getYear(), y -> new Double[12])[e.getKey().getMonthValue() - 1] = e.getValue();
        }
        for (final Map.Entry<Integer, Double[]> year : years.entrySet())
        {
            html.append("<tr><th>").append(year.getKey()).append("</th>");
            double compounded = 1.0;
            for (final Double r : year.getValue())
            {
                if (r == null)
                {
                    html.append("<td class=\"nodata\"></td>");
                    continue;
                }
                compounded *= 1 + r;
                cell(html, r);
            }
            cell(html, compounded - 1);
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static void cell(final StringBuilder html, final double r)
    {
        final double strength = Math.min(Math.abs(r) / 0.10, 1.0);
        final String colour = r >= 0 ? "46,160,67" : "207,34,46";
        html.append("<td style=\"background:rgba(").append(colour).append(',')
            .append(String.format(Locale.ROOT, "%.2f", 0.12 + 0.78 * strength)).append(")\" title=\"")
            .append(String.format(Locale.ROOT, "%.4f%%", r * 100)).append("\">").append(Html.percent(r)).append("</td>");
    }
}
