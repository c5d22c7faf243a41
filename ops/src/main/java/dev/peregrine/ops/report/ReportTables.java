package dev.peregrine.ops.report;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;

import java.util.List;

/** The tables of report.html: trades, open positions and decision differences. */
final class ReportTables
{
    /** Rows shown in the HTML; report.json lists up to {@value ReportRecorder#MAX_LISTED}. */
    static final int MAX_ROWS = 1000;

    private ReportTables()
    {
    }

    static String trades(final Report report)
    {
        final List<Trade> trades = report.recorder().trades();
        final long total = report.recorder().tradeStatistics().trades();
        final StringBuilder html = new StringBuilder(256 + Math.min(trades.size(), MAX_ROWS) * 300);
        if (total == 0)
        {
            return "<p class=\"note\" id=\"trades\">No trade closed (a round trip needs the position to come back to flat).</p>";
        }
        if (total > Math.min(trades.size(), MAX_ROWS))
        {
            html.append("<p class=\"note\">The first ").append(Math.min(trades.size(), MAX_ROWS)).append(" of ").append(total)
                .append(" trades (report.json lists up to ").append(ReportRecorder.MAX_LISTED)
                .append("; the statistics count all).</p>");
        }
        html.append("<table class=\"data\" id=\"trades\"><thead><tr><th>#</th><th>product</th><th>direction</th>")
            .append("<th>entry (UTC)</th><th>exit (UTC)</th><th>duration</th><th>quantity</th><th>entry price</th>")
            .append("<th>exit price</th><th>gross PnL</th><th>fees</th><th>net PnL</th><th>return</th><th>fills</th>")
            .append("</tr></thead><tbody>");
        for (int i = 0; i < Math.min(trades.size(), MAX_ROWS); i++)
        {
            final Trade t = trades.get(i);
            html.append("<tr class=\"").append(t.netPnl() > 0 ? "win" : t.netPnl() < 0 ? "loss" : "flat").append("\"><td>")
                .append(i + 1).append("</td><td>").append(Html.escape(report.product(t.instrumentId()))).append("</td><td>")
                .append(t.direction() > 0 ? "long" : "short").append("</td><td>").append(Html.time(t.entryNanos()))
                .append("</td><td>").append(Html.time(t.exitNanos())).append("</td><td>")
                .append(Html.duration(t.durationNanos())).append("</td><td>").append(Html.quantity(t.quantity()))
                .append("</td><td>").append(Html.price(t.entryPrice())).append("</td><td>").append(Html.price(t.exitPrice()))
                .append("</td><td>").append(Html.money(t.grossPnl())).append("</td><td>").append(Html.money(t.fees()))
                .append("</td><td>").append(Html.money(t.netPnl())).append("</td><td>")
                .append(Html.percent(t.returnOnNotional())).append("</td><td>").append(t.fills()).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    static String openPositions(final Report report)
    {
        if (report.openPositions().isEmpty())
        {
            return "<p class=\"note\">Flat at the end of the data.</p>";
        }
        final StringBuilder html = new StringBuilder(512);
        html.append("<p class=\"note\">Open at the end of the data (not counted as trades):</p>")
            .append("<table class=\"data\" id=\"open-positions\"><thead><tr><th>product</th><th>quantity</th>")
            .append("<th>average price</th><th>mark</th><th>unrealized PnL</th><th>since (UTC)</th></tr></thead><tbody>");
        for (final OpenPosition p : report.openPositions())
        {
            html.append("<tr><td>").append(Html.escape(report.product(p.instrumentId()))).append("</td><td>")
                .append(Html.quantity(p.quantity())).append("</td><td>").append(Html.price(p.averagePrice()))
                .append("</td><td>").append(Html.price(p.markPrice())).append("</td><td>").append(Html.money(p.unrealized()))
                .append("</td><td>").append(Html.time(p.entryNanos())).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    static String comparison(final Report report, final Comparison c)
    {
        final StringBuilder html = new StringBuilder(1024);
        html.append("<p id=\"comparison-summary\" class=\"").append(c.identical() ? "same" : "differs").append("\">")
            .append(Html.escape("Compared with " + c.other() + ": " + ComparisonText.summary(c))).append("</p>");
        html.append("<p class=\"note\">Output digest ").append(c.outputDigest()).append(" vs ").append(c.otherOutputDigest())
            .append("; state hash ").append(c.stateHash()).append(" vs ").append(c.otherStateHash())
            .append(". Two decisions are the same decision when event time, product and strategy agree; MISSING is in ")
            .append("this journal only, EXTRA in the other only.</p>");
        if (c.identical())
        {
            return html.toString();
        }
        final int rows = Math.min(c.differences().size(), MAX_ROWS);
        if (c.differenceCount() > rows)
        {
            html.append("<p class=\"note\">The first ").append(rows).append(" of ").append(c.differenceCount())
                .append(" differences.</p>");
        }
        html.append("<table class=\"data\" id=\"differences\"><thead><tr><th>kind</th><th>time (UTC)</th><th>product</th>")
            .append("<th>strategy</th><th>differs in</th><th>this journal</th><th>other journal</th></tr></thead><tbody>");
        for (int i = 0; i < rows; i++)
        {
            final DecisionDifference d = c.differences().get(i);
            html.append("<tr class=\"").append(d.kind().name().toLowerCase(java.util.Locale.ROOT)).append("\"><td>")
                .append(d.kind()).append("</td><td>").append(Html.escape(ReportJson.time(d.either().timeNanos())))
                .append("</td><td>").append(Html.escape(report.product(d.either().instrumentId()))).append("</td><td>")
                .append(Html.escape(report.strategyName(d.either().strategyId()))).append("</td><td>")
                .append(Html.escape(String.join(", ", d.fields()))).append("</td><td>").append(decision(d.expected()))
                .append("</td><td>").append(decision(d.actual())).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String decision(final DecisionSummary d)
    {
        if (d == null)
        {
            return Html.NONE;
        }
        return Html.escape("#" + d.orderId() + " " + Side.name(d.side()) + " " + FixedPoint.toString(d.quantity()) + " " +
            d.type() + (d.limitPrice() != 0 ? " @ " + FixedPoint.toString(d.limitPrice()) : "") + " (" + d.signal() +
            (d.outcome().name().equals("NONE") ? "" : ", rejected " + d.outcome()) + ")");
    }
}
