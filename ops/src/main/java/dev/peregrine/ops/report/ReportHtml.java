package dev.peregrine.ops.report;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.journal.statistics.Drawdown;
import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.PeriodReturns;
import dev.peregrine.journal.statistics.Statistic;

import java.util.List;
import java.util.Locale;

/**
 * report.html: one self-contained page that opens offline. CSS is inline, the charts are SVG drawn in
 * Java ({@link SvgChart}) and made interactive by report-charts.js (zoom, pan, crosshair), inlined; a last
 * small script checks the page: it records any script error in {@code html[data-render-error]} and, when
 * every chart has drawn with a size, sets {@code html[data-rendered="ok"]}. The headless-browser test reads
 * those two attributes. No external URL appears anywhere in the page.
 */
public final class ReportHtml
{
    /** Fill markers drawn on each price chart; the trade table and report.json have the rest. */
    static final int MAX_MARKERS = 1000;

    private ReportHtml()
    {
    }

    public static String render(final Report report)
    {
        final EquityCurve curve = report.curve();
        final ChartSeries chart = report.chart();
        final StringBuilder html = new StringBuilder(256 * 1024);
        final String title = "Peregrine report: " + report.name();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .append("<title>").append(Html.escape(title)).append("</title>")
            // First thing in the page, so an error anywhere later is caught and shown to the browser test.
            .append("<script>window.addEventListener('error',function(e){document.documentElement.setAttribute(")
            .append("'data-render-error',String(e.message||e));});</script>")
            .append("<style>").append(CSS).append("</style></head>\n<body>");
        header(html, report, title);
        statistics(html, report);

        // equity, drawdown, one price chart per product, and the perpetuals' own
        final int charts = 2 + chart.instruments() + (report.perpetual() == null ? 0 : PerpetualSections.CHARTS) +
            TearsheetHtml.CHARTS;
        final long[] t = new long[chart.size()];
        final double[] equity = new double[chart.size()];
        final double[] drawdown = new double[chart.size()];
        for (int i = 0; i < chart.size(); i++)
        {
            t[i] = chart.time(i);
            equity[i] = chart.equity(i);
            drawdown[i] = -chart.drawdown(i) * 100;
        }
        html.append("<section><h2>Equity</h2>")
            .append(new SvgChart("equity-chart", "equity", Html::money).line(t, equity, t.length, "equity")
                .line(t, report.tearsheet().benchmarkCurve, t.length, "benchmark").render())
            .append("<p class=\"note\"><span class=\"key equity\"></span> strategy equity, <span class=\"key benchmark\">")
            .append("</span> buy and hold of the traded products (see below)</p>")
            .append("<h2>Drawdown</h2>")
            .append(new SvgChart("drawdown-chart", "drawdown", v -> String.format(Locale.ROOT, "%.2f%%", v))
                .area(t, drawdown, t.length, "drawdown").render())
            .append("<p class=\"note\">Wheel over a chart to zoom its time axis, drag to pan, double-click to reset; ")
            .append("equity, drawdown and the price charts move together; the crosshair reads time and value. ")
            .append("Sampled for drawing: the state after the last event of each ")
            .append(Html.duration(chart.bucketNanos())).append(" of event time (").append(chart.size())
            .append(" points). The statistics use the equity after every event.</p></section>");

        TearsheetHtml.benchmark(html, report);
        html.append("<section><h2>Monthly returns</h2>").append(MonthlyHeatmap.render(curve.months().returns()))
            .append("</section>");

        TearsheetHtml.distribution(html, report);
        TearsheetHtml.calendar(html, report);
        html.append("<section><h2>Trades on the price chart</h2>");
        for (int k = 0; k < chart.instruments(); k++)
        {
            html.append("<h3>").append(Html.escape(report.product(k))).append(" mark price</h3>")
                .append(priceChart(report, k, t));
        }
        html.append("<p class=\"note\">\u25B2 buy fill, \u25BC sell fill (hover for details); a dashed line joins each trade's ")
            .append("entry to its exit (green won, red lost); the line is the core's mark ")
            .append("(mid of the top of book, else the last trade).</p></section>");

        TearsheetHtml.groups(html, report);
        html.append("<section><h2>PnL per strategy</h2>").append(PnlTables.html(report.pnl(), perpetualPnl(report))).append("</section>");
        if (report.perpetual() != null)
        {
            html.append(PerpetualSections.html(report, t));
        }
        html.append("<section><h2>Trades</h2>").append(ReportTables.trades(report))
            .append(ReportTables.openPositions(report)).append("</section>");
        if (report.comparison() != null)
        {
            html.append("<section><h2>Live versus replay: decision differences</h2>")
                .append(ReportTables.comparison(report, report.comparison())).append("</section>");
        }
        definitions(html);
        html.append("<script>").append(ChartScript.TEXT).append("</script>");
        html.append("<script>(function(){var charts=document.querySelectorAll('svg.chart');var bad=[];")
            .append("charts.forEach(function(c){var r=c.getBoundingClientRect();")
            .append("if(!(r.width>0&&r.height>0)||c.childElementCount===0){bad.push(c.id);}});")
            .append("if(charts.length!==").append(charts).append("){bad.push('expected ").append(charts)
            .append(" charts, found '+charts.length);}")
            .append("if(bad.length){document.documentElement.setAttribute('data-render-error','not drawn: '+bad.join(', '));}")
            .append("else{document.documentElement.setAttribute('data-rendered','ok');}})();</script>")
            .append("</body></html>\n");
        return html.toString();
    }

    private static void header(final StringBuilder html, final Report report, final String title)
    {
        final EquityCurve curve = report.curve();
        html.append("<header><h1>").append(Html.escape(title)).append("</h1><dl class=\"facts\">")
            .append(fact("journal", report.journal().toString()))
            .append(fact("data range", Html.time(curve.firstNanos()) + " .. " + Html.time(curve.lastNanos()) + " UTC (" +
                Html.duration(curve.spanNanos()) + ", " + String.format(Locale.ROOT, "%,d", report.events()) + " events)"))
            .append(fact("fill model", report.settings().paperVenue().describe()))
            .append(fact("venue", report.settings().liveVenue() ?
                "live: fills are the venue's, replayed from the journal" : "paper (simulated fills, as above)"))
            .append(fact("products", String.join(", ", report.settings().products())))
            .append(fact("strategies", strategies(report)))
            .append(fact("capital", Html.money(curve.capital()) + " quote"))
            .append(fact("engine", report.header().engineVersion() + ", journal format " + report.header().formatVersion()))
            .append(fact("output digest / state hash", report.outputDigest() + " / " + report.stateHash()))
            .append("</dl>");
        if (report.coreError() != null)
        {
            html.append("<p class=\"warning\">The core halted on an error during this run (trading stopped there, in the ")
                .append("live run as in this replay): ").append(Html.escape(report.coreError())).append("</p>");
        }
        html.append("</header>");
    }

    /** Each strategy with its type and parameters, as configured for the run. */
    private static String strategies(final Report report)
    {
        final StringBuilder text = new StringBuilder();
        for (final dev.peregrine.core.strategy.config.StrategySpec spec : report.settings().strategies())
        {
            text.append(text.length() == 0 ? "" : "; ").append(spec.name()).append(" (").append(spec.type());
            spec.params().forEach((k, v) -> text.append(", ").append(k).append('=').append(v));
            text.append(')');
        }
        return text.length() == 0 ? String.join(", ", report.strategyNames().subList(1, report.strategyNames().size()))
            : text.toString();
    }

    /** Why a figure is missing (e.g. {@code span 5m, needs >= 1d}), else {@code otherwise}. */
    private static String note(final Statistic statistic, final String otherwise)
    {
        return statistic.available() ? otherwise : statistic.unavailable();
    }

    /** Whether the PnL tables show funding: a run with perpetuals, or funding in the table. */
    static boolean perpetualPnl(final Report report)
    {
        return report.perpetual() != null || report.pnl().hasFunding();
    }

    static String fact(final String name, final String value)
    {
        return "<dt>" + Html.escape(name) + "</dt><dd>" + Html.escape(value) + "</dd>";
    }

    private static void statistics(final StringBuilder html, final Report report)
    {
        final EquityCurve curve = report.curve();
        final EquityStatistics stats = curve.statistics();
        final Drawdown dd = curve.drawdown();
        final PeriodReturns returns = stats.returnsUsed();
        final TradeStatistics trades = report.recorder().tradeStatistics();
        final ExecutionStatistics ex = report.recorder().execution();
        final String basis = returns.count() + " returns of " + returns.label();
        html.append("<section><h2>Statistics</h2><div class=\"stats\" id=\"statistics\">");
        stat(html, "total_return", "Total return", Html.percent(curve.totalReturn()),
            Html.money(curve.finalEquity()) + " final equity");
        stat(html, "cagr", "CAGR", Html.percent(stats.cagr()), note(stats.cagr(), ""));
        stat(html, "sharpe", "Sharpe", Html.ratio(stats.sharpe()), note(stats.sharpe(), basis));
        stat(html, "sortino", "Sortino", Html.ratio(stats.sortino()), note(stats.sortino(), basis));
        stat(html, "calmar", "Calmar", Html.ratio(stats.calmar()), note(stats.calmar(), ""));
        stat(html, "max_drawdown", "Max drawdown", Html.percent(stats.maxDrawdown()), Html.money(dd.maxDrawdownQuote()) + " quote");
        stat(html, "max_drawdown_duration", "Max drawdown duration", Html.duration(dd.maxDrawdownDurationNanos()),
            dd.maxDrawdownRecovered() ? "recovered" : "not recovered by the end");
        stat(html, "longest_underwater", "Longest underwater", Html.duration(dd.longestUnderwaterNanos()), "");
        stat(html, "trades", "Trades", String.valueOf(trades.trades()), trades.wins() + " won, " + trades.losses() + " lost");
        stat(html, "win_rate", "Win rate", Html.percent(trades.winRate()), "");
        stat(html, "profit_factor", "Profit factor", Html.ratio(trades.profitFactor()), "");
        stat(html, "expectancy", "Expectancy", Html.money(trades.expectancy()), "quote per trade");
        stat(html, "exposure", "Exposure", Html.percent(curve.exposure()), "time in market");
        stat(html, "turnover", "Turnover", Html.ratio(ex.turnover(curve.capital())) + "x",
            Html.money(ex.tradedNotional()) + " traded");
        stat(html, "fees", "Fees", Html.money(report.fees()), "quote");
        stat(html, "slippage", "Slippage", Html.money(ex.slippage()),
            (Double.isNaN(ex.slippageBps()) ? Html.NONE : String.format(Locale.ROOT, "%.2f bps", ex.slippageBps())) +
            " vs mid at decision");
        stat(html, "fill_ratio", "Fill ratio", Html.percent(ex.fillTally().fillRatio()),
            FixedPoint.toString(ex.fillTally().filledQuantity()) + " of " +
            FixedPoint.toString(ex.fillTally().requestedQuantity()) + " requested");
        stat(html, "limit_fill_rate", "Limit fill rate", Html.percent(ex.limitFillRate()),
            ex.limitOrders() + " limit orders, " + ex.limitOrdersFilled() + " filled");
        stat(html, "average_trade_duration", "Avg trade duration", Html.duration(trades.averageDurationNanos()), "");
        stat(html, "best_trade", "Best trade", trades.best() == null ? Html.NONE : Html.money(trades.best().netPnl()),
            trades.best() == null ? "" : describe(report, trades.best()));
        stat(html, "worst_trade", "Worst trade", trades.worst() == null ? Html.NONE : Html.money(trades.worst().netPnl()),
            trades.worst() == null ? "" : describe(report, trades.worst()));
        stat(html, "max_consecutive_wins", "Max consecutive wins", String.valueOf(trades.maxConsecutiveWins()), "");
        stat(html, "max_consecutive_losses", "Max consecutive losses", String.valueOf(trades.maxConsecutiveLosses()), "");
        stat(html, "orders", "Orders / fills", ex.orders() + " / " + ex.fills(),
            ex.rejectCount() + " rejected, " + ex.cancels() + " cancelled, " + ex.expired() + " expired");
        html.append("</div>");
        for (final String warning : ReportWarnings.of(report))
        {
            html.append("<p class=\"warning\" data-warning>").append(Html.escape(warning)).append("</p>");
        }
        html.append("</section>");
    }

    private static String describe(final Report report, final Trade t)
    {
        return report.product(t.instrumentId()) + " " + (t.direction() > 0 ? "long" : "short") + " at " + Html.time(t.entryNanos());
    }

    private static void stat(final StringBuilder html, final String key, final String label, final String value,
        final String detail)
    {
        html.append("<div class=\"stat\" data-stat=\"").append(key).append("\" title=\"")
            .append(Html.escape(StatisticDefinitions.of(key))).append("\"><div class=\"label\">").append(Html.escape(label))
            .append("</div><div class=\"value\">").append(Html.escape(value)).append("</div><div class=\"detail\">")
            .append(Html.escape(detail)).append("</div></div>");
    }

    private static String priceChart(final Report report, final int instrument, final long[] t)
    {
        final ChartSeries chart = report.chart();
        final double[] marks = new double[chart.size()];
        for (int i = 0; i < chart.size(); i++)
        {
            marks[i] = chart.mark(instrument, i);
        }
        final SvgChart svg = new SvgChart("price-chart-" + instrument, report.product(instrument) + " price", Html::price)
            .line(t, marks, t.length, "price");
        int linked = 0;
        for (final Trade trade : report.recorder().trades())
        {
            if (trade.instrumentId() != instrument || linked++ >= MAX_MARKERS)
            {
                continue;
            }
            svg.link(trade.entryNanos(), trade.entryPrice(), trade.exitNanos(), trade.exitPrice(),
                trade.netPnl() > 0 ? "win" : "loss", (trade.direction() > 0 ? "long " : "short ") +
                Html.quantity(trade.quantity()) + " " + Html.price(trade.entryPrice()) + " -> " + Html.price(trade.exitPrice()) +
                ", net " + Html.money(trade.netPnl()) + ", " + Html.time(trade.entryNanos()) + " .. " + Html.time(trade.exitNanos()));
        }
        final List<Fill> fills = report.recorder().fills();
        int drawn = 0;
        for (int i = 0; i < fills.size() && drawn < MAX_MARKERS; i++)
        {
            final Fill f = fills.get(i);
            if (f.instrumentId() != instrument)
            {
                continue;
            }
            final boolean buy = f.side() == Side.BUY;
            svg.marker(f.timeNanos(), f.price(), buy, buy ? "buy" : "sell", Side.name(f.side()) + " " +
                Html.quantity(f.quantity()) + " @ " + Html.price(f.price()) + " " + Html.time(f.timeNanos()) +
                " order #" + f.orderId() + " (" + report.strategyName(f.strategyId()) + ")");
            drawn++;
        }
        return svg.render();
    }

    private static void definitions(final StringBuilder html)
    {
        html.append("<section><h2>How the figures are computed</h2><dl class=\"definitions\">");
        StatisticDefinitions.all().forEach((k, v) -> html.append("<dt>").append(Html.escape(k)).append("</dt><dd>")
            .append(Html.escape(v)).append("</dd>"));
        html.append("</dl></section>");
    }

    private static final String CSS = String.join("",
        "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;max-width:1280px;",
        "padding:16px 24px;color:#1f2328;background:#fff}",
        "h1{font-size:22px;margin:4px 0 8px}h2{font-size:17px;margin:22px 0 8px;border-bottom:1px solid #d0d7de}",
        "h3{font-size:14px;margin:12px 0 4px}",
        "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0;padding:10px 12px;",
        "background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px}dl.facts dt{font-weight:600}dl.facts dd{margin:0}",
        ".warning{background:#fff1e5;border:1px solid #d1242f;padding:8px;border-radius:6px}",
        ".stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:8px}",
        ".stat{border:1px solid #d0d7de;border-radius:6px;padding:8px 10px}.stat .label{color:#59636e;font-size:12px}",
        ".stat .value{font-size:20px;font-weight:600}.stat .detail{color:#59636e;font-size:12px}",
        "svg.chart{width:100%;height:auto;display:block}svg.chart text{font-size:12px;fill:#59636e}",
        "svg.chart .grid{stroke:#eaeef2}svg.chart .frame{fill:none;stroke:#d0d7de}",
        "svg.chart path{fill:none;stroke-width:1.5}path.equity{stroke:#0969da}path.price{stroke:#59636e}",
        "path.drawdown{stroke:#cf222e}path.drawdown.fill{fill:rgba(207,34,46,.18);stroke:none}",
        "g.plot path,g.plot line{vector-effect:non-scaling-stroke}svg.chart[data-t0]{cursor:crosshair;user-select:none}",
        "line.link{stroke-dasharray:3 3;stroke-width:1.2}line.link.win{stroke:#1a7f37}line.link.loss{stroke:#cf222e}",
        "g.crosshair line{stroke:#59636e;stroke-dasharray:2 2}g.crosshair text{font-size:12px;fill:#1f2328}",
        "path.benchmark{stroke:#bf8700;stroke-dasharray:4 3}.key{display:inline-block;width:18px;height:3px;",
        "vertical-align:middle}.key.equity{background:#0969da}.key.benchmark{background:#bf8700}",
        "g.bar rect{fill:#0969da;opacity:.75}details{margin:8px 0}summary{cursor:pointer}",
        "path.funding{stroke:#8250df}path.margin{stroke:#bc4c00}path.leverage{stroke:#1a7f37}",
        "circle.equity,circle.price,circle.drawdown,circle.funding,circle.margin,circle.leverage{fill:#0969da}",
        "g.buy polygon{fill:#1a7f37}g.sell polygon{fill:#cf222e}",
        "table{border-collapse:collapse;font-size:12px;font-variant-numeric:tabular-nums}",
        "table.data td,table.data th{border:1px solid #d0d7de;padding:3px 6px;text-align:right}",
        "table.data th{background:#f6f8fa}table.data tr.win td:nth-child(12){color:#1a7f37}",
        "table.data tr.loss td:nth-child(12){color:#cf222e}",
        "table.heatmap td,table.heatmap th{border:1px solid #fff;padding:6px 8px;text-align:center;min-width:56px}",
        "table.heatmap td.nodata{background:#f6f8fa}",
        "tr.missing td:first-child,tr.extra td:first-child,tr.different td:first-child{font-weight:600}",
        "#comparison-summary.same{color:#1a7f37;font-weight:600}#comparison-summary.differs{color:#cf222e;font-weight:600}",
        ".note{color:#59636e;font-size:12px}dl.definitions dt{font-weight:600;margin-top:6px}dl.definitions dd{margin:0 0 0 12px}");
}
