package dev.peregrine.ops.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.journal.statistics.PnlRow;
import dev.peregrine.journal.statistics.PnlTable;

import java.util.List;

/**
 * The PnL per strategy and per strategy and product, as report.html's two tables and report.json's arrays. A run with
 * perpetuals adds the funding column (paid positive), so each row reads realized, fees, unrealized (on the mark),
 * funding and net; a spot run's tables are as they were.
 */
public final class PnlTables
{
    private PnlTables()
    {
    }

    /** @param funding whether to show the funding column (a run with perpetuals) */
    static String html(final PnlTable pnl, final boolean funding)
    {
        final StringBuilder html = new StringBuilder(1024);
        if (funding)
        {
            html.append("<p class=\"note\">Quote (settlement) currency. Realized PnL is before fees; net = realized ")
                .append("&minus; fees + unrealized &minus; funding; unrealized is at the core's mark (the venue's mark ")
                .append("for perpetuals); funding paid is positive, received negative. The rows add up to the total.</p>");
        }
        else
        {
            html.append("<p class=\"note\">Quote currency. Realized PnL is before fees; net = realized &minus; fees + ")
                .append("unrealized (at the core's mark). The rows add up to the total.</p>");
        }
        table(html, "pnl-by-strategy", pnl.byStrategy(), pnl.total(), false, funding);
        table(html, "pnl-by-strategy-and-product", pnl.byStrategyAndProduct(), pnl.total(), true, funding);
        return html.toString();
    }

    private static void table(final StringBuilder html, final String id, final List<PnlRow> rows, final PnlRow total,
        final boolean products, final boolean funding)
    {
        html.append("<table class=\"data\" id=\"").append(id).append("\"><thead><tr><th>strategy</th>");
        if (products)
        {
            html.append("<th>product</th><th>position</th>");
        }
        html.append("<th>realized (before fees)</th><th>fees</th><th>unrealized</th>")
            .append(funding ? "<th>funding paid</th>" : "").append("<th>net PnL</th><th>orders</th>")
            .append("<th>fills</th><th>rejects</th></tr></thead><tbody>");
        for (final PnlRow row : rows)
        {
            row(html, row, products, funding);
        }
        html.append("</tbody><tfoot>");
        row(html, total, products, funding);
        html.append("</tfoot></table>");
    }

    private static void row(final StringBuilder html, final PnlRow row, final boolean products, final boolean funding)
    {
        html.append("<tr><td>").append(Html.escape(row.strategy())).append("</td>");
        if (products)
        {
            html.append("<td>").append(Html.escape(row.product())).append("</td><td>").append(Html.quantity(row.position()))
                .append("</td>");
        }
        html.append("<td>").append(Html.money(row.realizedBeforeFees())).append("</td><td>").append(Html.money(row.fees()))
            .append("</td><td>").append(Html.money(row.unrealized()))
            .append(funding ? "</td><td>" + Html.money(row.funding()) : "").append("</td><td>").append(Html.money(row.net()))
            .append("</td><td>").append(row.orders()).append("</td><td>").append(row.fills()).append("</td><td>")
            .append(row.rejects()).append("</td></tr>");
    }

    /**
     * {@code pnl_note}, {@code pnl_by_strategy}, {@code pnl_by_strategy_and_product}, {@code pnl_total}: report.json
     * (and the run summary's JSON); rows carry {@code funding_paid} when the table has funding.
     */
    public static void json(final ObjectNode json, final PnlTable pnl)
    {
        json(json, pnl, pnl.hasFunding());
    }

    /** As {@link #json(ObjectNode, PnlTable)}; with {@code funding}, each row has {@code funding_paid} too. */
    public static void json(final ObjectNode json, final PnlTable pnl, final boolean funding)
    {
        json.put("pnl_note", funding ? PnlTable.NOTE_WITH_FUNDING : PnlTable.NOTE);
        final ArrayNode byStrategy = json.putArray("pnl_by_strategy");
        for (final PnlRow row : pnl.byStrategy())
        {
            row(byStrategy.addObject(), row, funding);
        }
        final ArrayNode byStrategyAndProduct = json.putArray("pnl_by_strategy_and_product");
        for (final PnlRow row : pnl.byStrategyAndProduct())
        {
            row(byStrategyAndProduct.addObject(), row, funding);
        }
        row(json.putObject("pnl_total"), pnl.total(), funding);
    }

    private static void row(final ObjectNode json, final PnlRow row, final boolean funding)
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
        if (funding)
        {
            json.put("funding_paid", row.funding());
        }
    }
}
