package dev.peregrine.ops.report;

import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.Statistic;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The tearsheet's sections of report.html, written from the one {@link Tearsheet} report.json reads too:
 * strategy against buy and hold, per strategy and per product, breakdowns by entry signal and exit reason,
 * calendar tables, the distribution of returns, rolling figures and the worst drawdowns.
 */
final class TearsheetHtml
{
    /** The charts these sections add: rolling Sharpe, rolling volatility, the returns histogram. */
    static final int CHARTS = 3;

    private TearsheetHtml()
    {
    }

    static void benchmark(final StringBuilder html, final Report report)
    {
        final Tearsheet t = report.tearsheet();
        html.append("<section><h2>Strategy versus buy and hold</h2><p class=\"note\">")
            .append(Html.escape(StatisticDefinitions.of("buy_and_hold"))).append(". Held: ")
            .append(Html.escape(heldProducts(report))).append(". Total return, CAGR, Sharpe, Sortino and max drawdown are ")
            .append("the statistics module's for both columns (the strategy's are the headline figures above); the rest ")
            .append("are over ").append(t.returns.length).append(" period returns of ").append(t.period)
            .append(".</p><div class=\"stats\" id=\"benchmark-statistics\">");
        tile(html, "excess_return", "Excess return", Html.percent(t.excessReturn));
        tile(html, "alpha", "Alpha (per year)", Html.percent(t.alpha));
        tile(html, "beta", "Beta", Html.ratio(t.beta));
        tile(html, "correlation", "Correlation", Html.ratio(t.correlation));
        tile(html, "recovery_factor", "Recovery factor", Html.ratio(t.recoveryFactor));
        tile(html, "sqn", "SQN", Html.ratio(t.sqn));
        html.append("</div><table class=\"data\" id=\"benchmark-comparison\"><thead><tr><th>figure</th><th>strategy</th>")
            .append("<th>buy and hold</th></tr></thead><tbody>");
        final EquityStatistics s = t.strategy.statistics();
        final EquityStatistics b = t.buyAndHold.statistics();
        compare(html, "total_return", "total return", Html.percent(s.totalReturn()), Html.percent(b.totalReturn()));
        compare(html, "cagr", "CAGR", s.cagr(), b.cagr(), Html::percent);
        compare(html, "volatility", "volatility (per year)", Html.percent(t.strategy.volatility()),
            Html.percent(t.buyAndHold.volatility()));
        compare(html, "sharpe", "Sharpe", s.sharpe(), b.sharpe(), Html::ratio);
        compare(html, "sortino", "Sortino", s.sortino(), b.sortino(), Html::ratio);
        compare(html, "max_drawdown", "max drawdown (buy and hold: over hourly closes)", Html.percent(s.maxDrawdown()),
            Html.percent(b.maxDrawdown()));
        final Tearsheet.Figures sf = t.strategy;
        final Tearsheet.Figures bf = t.buyAndHold;
        compare(html, "var_95", "VaR 95% (per period)", Html.percent(sf.valueAtRisk()), Html.percent(bf.valueAtRisk()));
        compare(html, "cvar_95", "CVaR 95% (per period)", Html.percent(sf.conditionalValueAtRisk()),
            Html.percent(bf.conditionalValueAtRisk()));
        compare(html, "skew", "skew", Html.ratio(sf.skew()), Html.ratio(bf.skew()));
        compare(html, "kurtosis", "excess kurtosis", Html.ratio(sf.kurtosis()), Html.ratio(bf.kurtosis()));
        compare(html, "period_returns", "best period", Html.percent(sf.bestPeriod()), Html.percent(bf.bestPeriod()));
        compare(html, "period_returns", "worst period", Html.percent(sf.worstPeriod()), Html.percent(bf.worstPeriod()));
        html.append("</tbody></table></section>");
    }

    private static String heldProducts(final Report report)
    {
        final StringBuilder names = new StringBuilder();
        for (final int k : report.tearsheet().benchmark.products())
        {
            names.append(names.length() == 0 ? "" : ", ").append(report.product(k));
        }
        return names.length() == 0 ? "nothing (no product had a price): the benchmark is cash" : names.toString();
    }

    static void groups(final StringBuilder html, final Report report)
    {
        html.append("<section><h2>Per strategy</h2><p class=\"note\">").append(Html.escape(StatisticDefinitions.of("by_strategy")))
            .append(report.strategyNames().size() > 2 ? " The rows compare the strategies side by side." : "").append("</p>");
        rows(html, "by-strategy", "strategy", report.tearsheet().byStrategy, false);
        html.append("<h2>Per product</h2><p class=\"note\">").append(Html.escape(StatisticDefinitions.of("by_product")))
            .append("</p>");
        rows(html, "by-product", "product", report.tearsheet().byProduct, true);
        html.append("<h2>By entry signal</h2>");
        tallies(html, "by-entry-signal", "entry signal", report.recorder().groups().byEntrySignal());
        html.append("<h2>By exit reason</h2>");
        tallies(html, "by-exit-reason", "exit reason", report.recorder().groups().byExitReason());
        html.append("</section>");
    }

    private static void rows(final StringBuilder html, final String id, final String what, final List<TearsheetRows.Row> rows,
        final boolean products)
    {
        html.append("<table class=\"data\" id=\"").append(id).append("\"><thead><tr><th>").append(what)
            .append("</th><th>return</th><th>trades</th><th>win rate</th><th>net PnL</th><th>fees</th><th>funding</th>")
            .append("<th>avg trade</th><th>profit factor</th><th>SQN</th>").append(products ? "<th>buy and hold</th>" : "")
            .append("</tr></thead><tbody>");
        for (final TearsheetRows.Row row : rows)
        {
            html.append("<tr><td>").append(Html.escape(row.name())).append("</td><td>").append(Html.percent(row.returnOnCapital()))
                .append("</td><td>").append(row.trades().trades()).append("</td><td>").append(Html.percent(row.trades().winRate()))
                .append("</td><td>").append(Html.money(row.pnl().net())).append("</td><td>").append(Html.money(row.pnl().fees()))
                .append("</td><td>").append(Html.money(row.pnl().funding())).append("</td><td>")
                .append(Html.money(row.trades().averagePnl())).append("</td><td>").append(Html.ratio(row.trades().profitFactor()))
                .append("</td><td>").append(Html.ratio(row.trades().sqn())).append("</td>")
                .append(products ? "<td>" + Html.percent(row.buyAndHold()) + "</td>" : "").append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private static void tallies(final StringBuilder html, final String id, final String what, final Map<String, TradeTally> tallies)
    {
        html.append("<table class=\"data\" id=\"").append(id).append("\"><thead><tr><th>").append(what)
            .append("</th><th>trades</th><th>win rate</th><th>net PnL</th><th>avg trade</th><th>profit factor</th></tr></thead><tbody>");
        tallies.forEach((k, v) -> html.append("<tr><td>").append(Html.escape(k)).append("</td><td>").append(v.trades())
            .append("</td><td>").append(Html.percent(v.winRate())).append("</td><td>").append(Html.money(v.netPnl()))
            .append("</td><td>").append(Html.money(v.averagePnl())).append("</td><td>").append(Html.ratio(v.profitFactor()))
            .append("</td></tr>"));
        if (tallies.isEmpty())
        {
            html.append("<tr><td colspan=\"6\">no closed trades</td></tr>");
        }
        html.append("</tbody></table>");
    }

    static void calendar(final StringBuilder html, final Report report)
    {
        final Tearsheet t = report.tearsheet();
        html.append("<section><h2>Calendar</h2><p class=\"note\">").append(Html.escape(StatisticDefinitions.of("calendar_returns")))
            .append("</p>");
        if (t.bestDay != null)
        {
            html.append("<p id=\"best-worst-day\">Best day ").append(Html.escape(t.bestDay.label())).append(": ")
                .append(Html.percent(t.bestDay.ret())).append(" (").append(Html.money(t.bestDay.pnl())).append("); worst day ")
                .append(Html.escape(t.worstDay.label())).append(": ").append(Html.percent(t.worstDay.ret())).append(" (")
                .append(Html.money(t.worstDay.pnl())).append(").</p>");
        }
        html.append("<h3>Yearly</h3>");
        periods(html, "yearly-returns", t.years);
        html.append("<h3>Monthly</h3>");
        periods(html, "monthly-table", t.months);
        html.append("<h3>By weekday</h3><table class=\"data\" id=\"weekdays\"><thead><tr><th>weekday</th><th>days</th>")
            .append("<th>mean return</th><th>positive days</th><th>PnL</th></tr></thead><tbody>");
        for (final CalendarReturns.Weekday w : t.weekdays)
        {
            html.append("<tr><td>").append(w.day().getDisplayName(java.time.format.TextStyle.FULL, Locale.ROOT))
                .append("</td><td>").append(w.days()).append("</td><td>").append(Html.percent(w.meanReturn()))
                .append("</td><td>").append(Html.percent(w.positiveShare())).append("</td><td>").append(Html.money(w.pnl()))
                .append("</td></tr>");
        }
        html.append("</tbody></table><details><summary>Weekly (").append(t.weeks.size()).append(")</summary>");
        periods(html, "weekly-returns", t.weeks);
        html.append("</details><details><summary>Daily (").append(t.days.size()).append(")</summary>");
        periods(html, "daily-returns", t.days);
        html.append("</details></section>");
    }

    private static void periods(final StringBuilder html, final String id, final List<CalendarReturns.Period> periods)
    {
        html.append("<table class=\"data\" id=\"").append(id).append("\"><thead><tr><th>period</th><th>return</th>")
            .append("<th>buy and hold</th><th>PnL</th><th>close</th></tr></thead><tbody>");
        for (final CalendarReturns.Period p : periods)
        {
            html.append("<tr class=\"").append(p.pnl() < 0 ? "loss" : "gain").append("\"><td>").append(Html.escape(p.label()))
                .append("</td><td>").append(Html.percent(p.ret())).append("</td><td>").append(Html.percent(p.benchmarkReturn()))
                .append("</td><td>").append(Html.money(p.pnl())).append("</td><td>").append(Html.money(p.close()))
                .append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    static void distribution(final StringBuilder html, final Report report)
    {
        final Tearsheet t = report.tearsheet();
        html.append("<section><h2>Distribution and rolling figures</h2><p class=\"note\">").append(t.returns.length)
            .append(" period returns of ").append(t.period).append("; rolling over ").append(t.rollingWindow)
            .append(" periods. ").append(Html.escape(StatisticDefinitions.of("rolling_sharpe"))).append(".</p>")
            .append("<h3>Rolling Sharpe</h3>")
            .append(new SvgChart("rolling-sharpe-chart", "rolling Sharpe", Html::ratio)
                .line(t.periodStarts, t.rollingSharpe, t.periodStarts.length, "equity").render())
            .append("<h3>Rolling volatility</h3>")
            .append(new SvgChart("rolling-volatility-chart", "rolling volatility", Html::percent)
                .line(t.periodStarts, t.rollingVolatility, t.periodStarts.length, "price").render())
            .append("<h3>Returns histogram</h3>").append(histogram(t.histogram))
            .append("<h3>Worst drawdowns</h3><table class=\"data\" id=\"worst-drawdowns\"><thead><tr><th>#</th><th>start (peak)</th>")
            .append("<th>trough</th><th>recovery</th><th>depth</th><th>depth (quote)</th><th>duration</th></tr></thead><tbody>");
        int rank = 1;
        for (final DrawdownEpisodes.Episode e : t.worstDrawdowns)
        {
            html.append("<tr><td>").append(rank++).append("</td><td>").append(Html.time(e.startNanos())).append("</td><td>")
                .append(Html.time(e.troughNanos())).append("</td><td>").append(e.recovered() ? Html.time(e.recoveryNanos()) :
                    "not recovered").append("</td><td>").append(Html.percent(e.depth())).append("</td><td>")
                .append(Html.money(e.depthQuote())).append("</td><td>")
                .append(e.recovered() ? Html.duration(e.recoveryNanos() - e.startNanos()) : Html.NONE).append("</td></tr>");
        }
        if (t.worstDrawdowns.isEmpty())
        {
            html.append("<tr><td colspan=\"7\">no drawdown</td></tr>");
        }
        html.append("</tbody></table></section>");
    }

    /** The histogram as bars, drawn in Java like the other charts. */
    private static String histogram(final ReturnStatistics.Histogram h)
    {
        final int width = SvgChart.WIDTH;
        final int height = 220;
        final StringBuilder svg = new StringBuilder(4096).append("<svg class=\"chart histogram\" id=\"returns-histogram\" ")
            .append("viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"returns histogram\">");
        final int[] counts = h.counts();
        if (counts.length == 0)
        {
            return svg.append("<text class=\"empty\" x=\"").append(width / 2).append("\" y=\"").append(height / 2)
                .append("\" text-anchor=\"middle\">no returns</text></svg>").toString();
        }
        int max = 1;
        for (final int c : counts)
        {
            max = Math.max(max, c);
        }
        final double left = 90;
        final double plot = width - left - 20;
        final double bar = plot / counts.length;
        for (int i = 0; i < counts.length; i++)
        {
            final double barHeight = (height - 50.0) * counts[i] / max;
            final double x = left + i * bar;
            final double y = height - 30 - barHeight;
            svg.append("<g class=\"bar\"><title>").append(Html.percent(h.edges()[i])).append(" .. ")
                .append(Html.percent(h.edges()[i + 1])).append(": ").append(counts[i]).append("</title><rect x=\"")
                .append(String.format(Locale.ROOT, "%.1f", x + 1)).append("\" y=\"").append(String.format(Locale.ROOT, "%.1f", y))
                .append("\" width=\"").append(String.format(Locale.ROOT, "%.1f", bar - 2)).append("\" height=\"")
                .append(String.format(Locale.ROOT, "%.1f", barHeight)).append("\"/></g>");
        }
        for (int i = 0; i <= counts.length; i += Math.max(1, counts.length / 5))
        {
            svg.append("<text class=\"tick\" x=\"").append(String.format(Locale.ROOT, "%.1f", left + i * bar))
                .append("\" y=\"").append(height - 12).append("\" text-anchor=\"middle\">").append(Html.percent(h.edges()[i]))
                .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static void tile(final StringBuilder html, final String key, final String label, final String value)
    {
        html.append("<div class=\"stat\" data-stat=\"").append(key).append("\" title=\"")
            .append(Html.escape(StatisticDefinitions.of(key))).append("\"><div class=\"label\">").append(Html.escape(label))
            .append("</div><div class=\"value\">").append(Html.escape(value)).append("</div></div>");
    }

    private static void compare(final StringBuilder html, final String key, final String label, final String strategy,
        final String benchmark)
    {
        html.append("<tr title=\"").append(Html.escape(StatisticDefinitions.of(key))).append("\"><td>").append(Html.escape(label))
            .append("</td><td>").append(strategy).append("</td><td>").append(benchmark).append("</td></tr>");
    }

    /** A statistics-module figure in the headline's own format; when unavailable, "n/a" with the reason as its tooltip. */
    private static void compare(final StringBuilder html, final String key, final String label, final Statistic strategy,
        final Statistic benchmark, final Function<Statistic, String> format)
    {
        compare(html, key, label, cell(strategy, format), cell(benchmark, format));
    }

    private static String cell(final Statistic statistic, final Function<Statistic, String> format)
    {
        return statistic.available() ? format.apply(statistic) :
            "<span title=\"" + Html.escape(statistic.unavailable()) + "\">" + format.apply(statistic) + "</span>";
    }
}
