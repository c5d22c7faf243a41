package dev.peregrine.ops.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;

import java.util.Locale;

/**
 * The perpetuals part of report.html and report.json, present only when an instrument of the run is a perpetual
 * ({@link Report#perpetual()} not null): the account at the end (collateral, margin, margin ratio, leverage,
 * funding), each perpetual position with its liquidation price, funding paid over time with every settlement,
 * margin ratio and effective leverage over time, this engine's liquidations and the market's liquidation prints. Figures are the core's
 * ({@link PerpetualTimeline}); money is in the settlement currency, funding positive when paid.
 */
final class PerpetualSections
{
    /** Charts this section draws (report.html's render check counts them). */
    static final int CHARTS = 3;
    /** Rows of the settlement and liquidation tables in the HTML; report.json lists up to {@link PerpetualTimeline#MAX_LISTED}. */
    static final int HTML_ROWS = 200;

    private PerpetualSections()
    {
    }

    static String html(final Report report, final long[] t)
    {
        final PerpetualTimeline p = report.perpetual();
        final PerpetualTimeline.Account a = p.account();
        final ChartSeries chart = report.chart();
        final StringBuilder html = new StringBuilder(16 * 1024);
        html.append("<section id=\"perpetuals\"><h2>Perpetuals: margin, funding, liquidations</h2><dl class=\"facts\">")
            .append(ReportHtml.fact("collateral / wallet / margin balance", Html.money(a.collateral()) + " / " +
                Html.money(a.walletBalance()) + " / " + Html.money(a.marginBalance())))
            .append(ReportHtml.fact("margin used / available", Html.money(a.marginUsed()) + " / " + Html.money(a.availableMargin())))
            .append(ReportHtml.fact("margin ratio at the end / highest", ratioPercent(a.marginRatio()) + " / " +
                Html.percent(p.maxMarginRatio()) + at(p.maxMarginRatioNanos())))
            .append(ReportHtml.fact("effective leverage at the end / highest", times(a.effectiveLeverage()) + " / " +
                times(p.maxLeverage()) + at(p.maxLeverageNanos())))
            .append(ReportHtml.fact("funding paid (negative: received)", Html.money(a.fundingPaid()) + " over " + a.settlements() +
                " settlement" + (a.settlements() == 1 ? "" : "s")))
            .append(ReportHtml.fact("liquidation prints on the market", String.valueOf(p.liquidationPrintCount())))
            .append("</dl>");
        if (p.equityExhausted())
        {
            html.append("<p class=\"warning\" data-warning>The margin balance fell to zero or below during the run: margin ")
                .append("ratio and leverage were unbounded there (gaps in the charts).</p>");
        }
        html.append("<table class=\"data\" id=\"perpetual-positions\"><thead><tr><th>product</th><th>size</th>")
            .append("<th>entry</th><th>mark</th><th>notional</th><th>unrealized on mark</th><th>liquidation price</th>")
            .append("<th>funding paid</th><th>settlements</th><th>liquidation prints</th></tr></thead><tbody>");
        for (final PerpetualTimeline.Position pos : a.positions())
        {
            html.append("<tr><td>").append(Html.escape(report.product(pos.instrumentId()))).append("</td><td>")
                .append(Html.quantity(pos.size())).append("</td><td>").append(Html.price(pos.entryPrice()))
                .append("</td><td>").append(Html.price(pos.markPrice())).append("</td><td>").append(Html.money(pos.notional()))
                .append("</td><td>").append(Html.money(pos.unrealized())).append("</td><td>")
                .append(pos.liquidationPrice() > 0 ? Html.price(pos.liquidationPrice()) : Html.NONE).append("</td><td>")
                .append(Html.money(pos.fundingPaid())).append("</td><td>").append(pos.settlements()).append("</td><td>")
                .append(pos.liquidationPrints()).append("</td></tr>");
        }
        html.append("</tbody></table>");

        html.append("<h3>Funding paid over time</h3>")
            .append(new SvgChart("funding-chart", "funding paid", Html::money)
                .line(t, column(chart, PerpetualTimeline.FUNDING), t.length, "funding").render())
            .append("<p class=\"note\">Funding paid so far by the engine, settlement currency: it rises when a ")
            .append("settlement charged the positions held, falls when it paid them.</p>");
        settlements(html, report, p);
        html.append("<h3>Margin ratio over time</h3>")
            .append(new SvgChart("margin-ratio-chart", "margin ratio", v -> String.format(Locale.ROOT, "%.2f%%", v))
                .line(t, scaled(column(chart, PerpetualTimeline.MARGIN_RATIO), 100), t.length, "margin").render())
            .append("<p class=\"note\">Maintenance margin over margin balance; the venue liquidates at 100%.</p>")
            .append("<h3>Effective leverage over time</h3>")
            .append(new SvgChart("leverage-chart", "effective leverage", v -> String.format(Locale.ROOT, "%.2fx", v))
                .line(t, column(chart, PerpetualTimeline.LEVERAGE), t.length, "leverage").render())
            .append("<p class=\"note\">Notional on mark over margin balance.</p>");
        liquidations(html, report, p);
        return html.append("</section>").toString();
    }

    private static void settlements(final StringBuilder html, final Report report, final PerpetualTimeline p)
    {
        html.append("<table class=\"data\" id=\"funding-settlements\"><thead><tr><th>time (UTC)</th><th>product</th>")
            .append("<th>rate</th><th>mark</th><th>paid</th><th>paid so far</th></tr></thead><tbody>");
        final int rows = Math.min(HTML_ROWS, p.settlements().size());
        for (int i = 0; i < rows; i++)
        {
            final PerpetualTimeline.Settlement s = p.settlements().get(i);
            html.append("<tr><td>").append(Html.time(s.timeNanos())).append("</td><td>")
                .append(Html.escape(report.product(s.instrumentId()))).append("</td><td>").append(rate(s.fundingRate()))
                .append("</td><td>").append(Html.price(FixedPoint.toDouble(s.markPrice()))).append("</td><td>")
                .append(Html.money(s.payment())).append("</td><td>").append(Html.money(s.paidSoFar())).append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (p.account().settlements() > rows)
        {
            html.append("<p class=\"note\">The first ").append(rows).append(" of ").append(p.account().settlements())
                .append(" settlements; report.json lists up to ").append(PerpetualTimeline.MAX_LISTED).append(".</p>");
        }
    }

    private static void liquidations(final StringBuilder html, final Report report, final PerpetualTimeline p)
    {
        html.append("<h3>Liquidations</h3>");
        final ReportRecorder recorder = report.recorder();
        if (recorder.liquidationCount() == 0)
        {
            html.append("<p class=\"note\" id=\"liquidations\">No position of this engine was liquidated.</p>");
        }
        else
        {
            html.append("<p class=\"warning\" data-warning>").append(recorder.liquidationCount())
                .append(" liquidation fill").append(recorder.liquidationCount() == 1 ? "" : "s")
                .append(": the mark crossed a position's liquidation price and the venue closed it at the mark.</p>")
                .append("<table class=\"data\" id=\"liquidations\"><thead><tr><th>time (UTC)</th><th>product</th>")
                .append("<th>side</th><th>quantity</th><th>price (mark)</th><th>liquidation fee</th></tr></thead><tbody>");
            final int rows = Math.min(HTML_ROWS, recorder.liquidations().size());
            for (int i = 0; i < rows; i++)
            {
                final Fill f = recorder.liquidations().get(i);
                html.append("<tr><td>").append(Html.time(f.timeNanos())).append("</td><td>")
                    .append(Html.escape(report.product(f.instrumentId()))).append("</td><td>").append(Side.name(f.side()))
                    .append("</td><td>").append(Html.quantity(f.quantity())).append("</td><td>").append(Html.price(f.price()))
                    .append("</td><td>").append(Html.money(f.fee())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        if (p.liquidationPrintCount() == 0)
        {
            html.append("<p class=\"note\" id=\"liquidation-prints\">No liquidation order printed on the market in this run.</p>");
            return;
        }
        html.append("<table class=\"data\" id=\"liquidation-prints\"><thead><tr><th>time (UTC)</th><th>product</th>")
            .append("<th>side</th><th>price</th><th>quantity</th></tr></thead><tbody>");
        final int rows = Math.min(HTML_ROWS, p.liquidationPrints().size());
        for (int i = 0; i < rows; i++)
        {
            final PerpetualTimeline.LiquidationPrint l = p.liquidationPrints().get(i);
            html.append("<tr><td>").append(Html.time(l.timeNanos())).append("</td><td>")
                .append(Html.escape(report.product(l.instrumentId()))).append("</td><td>").append(Side.name(l.side()))
                .append("</td><td>").append(Html.price(FixedPoint.toDouble(l.price()))).append("</td><td>")
                .append(FixedPoint.toString(l.quantity())).append("</td></tr>");
        }
        html.append("</tbody></table><p class=\"note\">Other traders' positions the venue liquidated (information ")
            .append("only). ").append(p.liquidationPrintCount()).append(" in all.</p>");
    }

    /** {@code perpetual}: report.json's object for a run with perpetuals (absent otherwise). */
    static void json(final ObjectNode root, final Report report)
    {
        final PerpetualTimeline p = report.perpetual();
        final PerpetualTimeline.Account a = p.account();
        final ObjectNode json = root.putObject("perpetual");
        json.put("collateral", a.collateral())
            .put("wallet_balance", a.walletBalance())
            .put("margin_balance", a.marginBalance())
            .put("margin_used", a.marginUsed())
            .put("available_margin", a.availableMargin())
            .put("margin_ratio", finite(a.marginRatio()))
            .put("max_margin_ratio", p.maxMarginRatio())
            .put("max_margin_ratio_time", p.maxMarginRatioNanos() < 0 ? null : ReportJson.time(p.maxMarginRatioNanos()))
            .put("effective_leverage", finite(a.effectiveLeverage()))
            .put("max_effective_leverage", p.maxLeverage())
            .put("max_effective_leverage_time", p.maxLeverageNanos() < 0 ? null : ReportJson.time(p.maxLeverageNanos()))
            .put("equity_exhausted", p.equityExhausted())
            .put("funding_paid", a.fundingPaid())
            .put("funding_settlements", a.settlements())
            .put("liquidation_prints", p.liquidationPrintCount())
            .put("liquidations", report.recorder().liquidationCount());
        final ArrayNode positions = json.putArray("positions");
        for (final PerpetualTimeline.Position pos : a.positions())
        {
            positions.addObject()
                .put("product", report.product(pos.instrumentId()))
                .put("size", pos.size())
                .put("entry_price", pos.entryPrice())
                .put("mark_price", pos.markPrice())
                .put("notional", pos.notional())
                .put("unrealized_pnl", pos.unrealized())
                .put("liquidation_price", pos.liquidationPrice() > 0 ? pos.liquidationPrice() : null)
                .put("funding_paid", pos.fundingPaid())
                .put("funding_settlements", pos.settlements())
                .put("liquidation_prints", pos.liquidationPrints());
        }
        final ArrayNode settlements = json.putArray("settlements");
        for (final PerpetualTimeline.Settlement s : p.settlements())
        {
            settlements.addObject()
                .put("time", ReportJson.time(s.timeNanos()))
                .put("product", report.product(s.instrumentId()))
                .put("funding_rate", FixedPoint.toDouble(s.fundingRate()))
                .put("mark_price", FixedPoint.toDouble(s.markPrice()))
                .put("paid", s.payment())
                .put("paid_so_far", s.paidSoFar());
        }
        final ChartSeries chart = report.chart();
        final ArrayNode curve = json.putArray("margin_curve");
        for (int i = 0; i < chart.size(); i++)
        {
            curve.addObject()
                .put("time", ReportJson.time(chart.time(i)))
                .put("funding_paid", chart.extra(PerpetualTimeline.FUNDING, i))
                .put("margin_ratio", finite(chart.extra(PerpetualTimeline.MARGIN_RATIO, i)))
                .put("effective_leverage", finite(chart.extra(PerpetualTimeline.LEVERAGE, i)));
        }
        final ArrayNode liquidations = json.putArray("liquidations_listed");
        for (final Fill f : report.recorder().liquidations())
        {
            liquidations.addObject()
                .put("time", ReportJson.time(f.timeNanos()))
                .put("product", report.product(f.instrumentId()))
                .put("side", Side.name(f.side()))
                .put("quantity", f.quantity())
                .put("price", f.price())
                .put("fee", f.fee());
        }
        final ArrayNode prints = json.putArray("liquidation_prints_listed");
        for (final PerpetualTimeline.LiquidationPrint l : p.liquidationPrints())
        {
            prints.addObject()
                .put("time", ReportJson.time(l.timeNanos()))
                .put("product", report.product(l.instrumentId()))
                .put("side", Side.name(l.side()))
                .put("price", FixedPoint.toDouble(l.price()))
                .put("quantity", FixedPoint.toDouble(l.quantity()));
        }
    }

    private static Double finite(final double value)
    {
        return Double.isFinite(value) ? value : null;
    }

    private static double[] column(final ChartSeries chart, final int column)
    {
        final double[] values = new double[chart.size()];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = chart.extra(column, i);
        }
        return values;
    }

    private static double[] scaled(final double[] values, final double factor)
    {
        for (int i = 0; i < values.length; i++)
        {
            values[i] *= factor;
        }
        return values;
    }

    private static String rate(final long rate)
    {
        return FixedPoint.toString(rate) + " (" + String.format(Locale.ROOT, "%.4f%%", FixedPoint.toDouble(rate) * 100) + ")";
    }

    private static String ratioPercent(final double ratio)
    {
        return Double.isInfinite(ratio) ? "unbounded (no equity)" : Html.percent(ratio);
    }

    private static String times(final double leverage)
    {
        return Double.isInfinite(leverage) ? "unbounded (no equity)" : Html.ratio(leverage) + "x";
    }

    private static String at(final long nanos)
    {
        return nanos < 0 ? "" : " at " + Html.time(nanos);
    }
}
