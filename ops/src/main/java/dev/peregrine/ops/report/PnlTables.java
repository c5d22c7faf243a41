package dev.peregrine.ops.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.journal.statistics.PnlRow;
import dev.peregrine.journal.statistics.PnlTable;

import java.util.List;

/** The PnL per strategy and per strategy and product, as report.html's two tables and report.json's arrays. */
public final class PnlTables
{
    private PnlTables()
    {
    }

    static String html(final PnlTable pnl)
    {
        final StringBuilder html = new StringBuilder(1024);
        html.append("<p class=\"note\">Quote currency. Realized PnL is before fees; net = realized &minus; fees + ")
            .append("unrealized (at the core's mark). The rows add up to the total.</p>");
        table(html, "pnl-by-strategy", pnl.byStrategy(), pnl.total(), false);
        table(html, "pnl-by-strategy-and-product", pnl.byStrategyAndProduct(), pnl.total(), true);
        return html.toString();
    }

    private static void table(final StringBuilder html, final String id, final List<PnlRow> rows, final PnlRow total,
        final boolean products)
    {
        html.append("<table class=\"data\" id=\"").append(id).append("\"><thead><tr><th>strategy</th>");
        if (products)
        {
            html.append("<th>product</th><th>position</th>");
        }
        html.append("<th>realized (before fees)</th><th>fees</th><th>unrealized</th><th>net PnL</th><th>orders</th>")
            .append("<th>fills</th><th>rejects</th></tr></thead><tbody>");
        for (final PnlRow row : rows)
        {
            row(html, row, products);
        }
        html.append("</tbody><tfoot>");
        row(html, total, products);
        html.append("</tfoot></table>");
    }

    private static void row(final StringBuilder html, final PnlRow row, final boolean products)
    {
        html.append("<tr><td>").append(Html.escape(row.strategy())).append("</td>");
        if (products)
        {
            html.append("<td>").append(Html.escape(row.product())).append("</td><td>").append(Html.quantity(row.position()))
                .append("</td>");
        }
        html.append("<td>").append(Html.money(row.realizedBeforeFees())).append("</td><td>").append(Html.money(row.fees()))
            .append("</td><td>").append(Html.money(row.unrealized())).append("</td><td>").append(Html.money(row.net()))
            .append("</td><td>").append(row.orders()).append("</td><td>").append(row.fills()).append("</td><td>")
            .append(row.rejects()).append("</td></tr>");
    }

    /** {@code pnl_note}, {@code pnl_by_strategy}, {@code pnl_by_strategy_and_product}, {@code pnl_total}: report.json. */
    public static void json(final ObjectNode json, final PnlTable pnl)
    {
        json.put("pnl_note", PnlTable.NOTE);
        final ArrayNode byStrategy = json.putArray("pnl_by_strategy");
        for (final PnlRow row : pnl.byStrategy())
        {
            row(byStrategy.addObject(), row);
        }
        final ArrayNode byStrategyAndProduct = json.putArray("pnl_by_strategy_and_product");
        for (final PnlRow row : pnl.byStrategyAndProduct())
        {
            row(byStrategyAndProduct.addObject(), row);
        }
        row(json.putObject("pnl_total"), pnl.total());
    }

    private static void row(final ObjectNode json, final PnlRow row)
    {
        json.put("strategy", row.strategy())
            .put("product", row.product())
            .put("position", row.position())
            .put("realized_pnl_before_fees", row.realizedBeforeFees())
            .put("fees", row.fees())
            .put("realized_pnl_after_fees", row.realizedAfterFees())
            .put("unrealized_pnl", row.unrealized())
            .put("net_pnl", row.net())
            .put("orders", row.orders())
            .put("fills", row.fills())
            .put("rejects", row.rejects());
    }
}
