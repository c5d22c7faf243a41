package dev.peregrine.ops.http.ui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.peregrine.ops.logging.JsonOutput;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code peregrine status}'s view of an {@code /admin/overview} document: the status page's sections, as aligned
 * plain-text tables for a terminal. Reads only the document, so the terminal and the page show the same thing.
 */
public final class StatusText
{
    static final int DECISIONS_SHOWN = 10;
    /** Reads an overview keeping every figure's decimals as written. */
    public static final ObjectReader READER = JsonOutput.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private StatusText()
    {
    }

    /**
     * The view of {@code overview} (best read with {@code USE_BIG_DECIMAL_FOR_FLOATS}, see {@link #READER}), lines
     * ending in {@code \n}; {@code source} names the engine asked.
     */
    public static String render(final JsonNode overview, final String source)
    {
        final StringBuilder out = new StringBuilder(2048);
        out.append("Peregrine status of ").append(source).append(" at ").append(text(overview, "generatedAt")).append('\n');
        out.append("trading: ").append(text(overview, "tradingState")).append(" (").append(text(overview, "tradingStateReason"))
            .append(")  feed: ").append(overview.path("gatewayConnected").asBoolean() ? "connected" : "DISCONNECTED").append('\n');
        if (overview.hasNonNull("howToLift"))
        {
            out.append("to lift: ").append(text(overview, "howToLift")).append('\n');
        }
        final JsonNode counters = overview.path("counters");
        out.append(String.format(Locale.ROOT, "events %s  orders %s  fills %s  cancels %s  open orders %s%n",
            text(counters, "events"), text(counters, "orders"), text(counters, "fills"), text(counters, "cancels"),
            text(counters, "openOrders")));

        out.append("\nalerts firing:\n");
        if (overview.path("alerts").isEmpty())
        {
            out.append("  none\n");
        }
        for (final JsonNode alert : overview.path("alerts"))
        {
            out.append("  ").append(text(alert, "alert")).append(" [").append(text(alert, "severity")).append("] ")
                .append(text(alert, "summary")).append('\n');
        }

        out.append("\nstrategies:\n");
        table(out, List.of("strategy", "realized", "fees", "unrealized", "net", "orders", "fills", "rejects"),
            overview.path("pnlByStrategy"), List.of("strategy", "realizedPnlBeforeFees", "fees", "unrealizedPnl",
                "netPnl", "orders", "fills", "rejects"));
        out.append("\nby strategy and product:\n");
        table(out, List.of("strategy", "product", "position", "realized", "fees", "unrealized", "net", "orders"),
            overview.path("pnlByStrategyAndProduct"), List.of("strategy", "product", "position", "realizedPnlBeforeFees",
                "fees", "unrealizedPnl", "netPnl", "orders"));
        out.append("\npositions:\n");
        table(out, List.of("product", "quantity", "mark"), overview.path("positions").path("positions"),
            List.of("product", "quantity", "markPrice"));
        out.append("\nfeeds:\n");
        table(out, List.of("product", "healthy", "mark", "dropped", "why"), overview.path("feeds"),
            List.of("product", "healthy", "markPrice", "marketDataDropped", "why"));
        final JsonNode latency = overview.path("latency");
        for (final String series : List.of("tickToOrder", "tickToDecision"))
        {
            final JsonNode p = latency.path(series);
            if (!p.isMissingNode())
            {
                out.append(String.format(Locale.ROOT, "%n%s (us, %s): p50 %s  p90 %s  p99 %s  p99.9 %s%n",
                    "tickToOrder".equals(series) ? "tick to order" : "tick to decision", text(latency, "span"),
                    text(p, "p50"), text(p, "p90"), text(p, "p99"), text(p, "p99_9")));
            }
        }
        final JsonNode open = overview.path("openOrders");
        out.append("\nopen orders (").append(open.path("count").asText("?")).append("):\n");
        table(out, List.of("order", "strategy", "product", "side", "price", "leaves"), open.path("open"),
            List.of("order_id", "strategy_name", "product", "side", "limit_price", "leaves"));
        out.append("\nlatest decisions:\n");
        final List<JsonNode> decisions = new ArrayList<>();
        overview.path("decisions").path("decisions").forEach(decisions::add);
        final List<JsonNode> newest = decisions.subList(Math.max(0, decisions.size() - DECISIONS_SHOWN), decisions.size());
        final List<List<String>> rows = new ArrayList<>();
        for (int i = newest.size() - 1; i >= 0; i--)
        {
            final JsonNode d = newest.get(i);
            final JsonNode risk = d.path("risk");
            rows.add(List.of(text(d, "time"), text(d, "strategy"), text(d, "product"), text(d, "side"),
                risk.path("accepted").asBoolean() ? "accepted" : "rejected " + risk.path("rejectReason").asText(""),
                (text(d, "signal") + " " + text(d, "cause")).trim()));
        }
        columns(out, List.of("time", "strategy", "product", "side", "risk", "why"), rows);
        return out.toString();
    }

    private static void table(final StringBuilder out, final List<String> headings, final JsonNode array, final List<String> fields)
    {
        final List<List<String>> rows = new ArrayList<>();
        for (final JsonNode row : array)
        {
            final List<String> cells = new ArrayList<>();
            for (final String field : fields)
            {
                cells.add(text(row, field));
            }
            rows.add(cells);
        }
        columns(out, headings, rows);
    }

    private static void columns(final StringBuilder out, final List<String> headings, final List<List<String>> rows)
    {
        if (rows.isEmpty())
        {
            out.append("  none\n");
            return;
        }
        final int[] widths = new int[headings.size()];
        final boolean[] numeric = new boolean[headings.size()];
        for (int c = 0; c < widths.length; c++)
        {
            widths[c] = headings.get(c).length();
            numeric[c] = true;
            for (final List<String> row : rows)
            {
                widths[c] = Math.max(widths[c], row.get(c).length());
                numeric[c] &= row.get(c).isEmpty() || NUMBER.matcher(row.get(c)).matches();
            }
        }
        line(out, headings, widths, numeric);
        for (final List<String> row : rows)
        {
            line(out, row, widths, numeric);
        }
    }

    /** The PnL fields: money in the quote currency. */
    private static final Set<String> MONEY = Set.of("realizedPnlBeforeFees", "fees", "unrealizedPnl", "netPnl");

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** Numbers right-aligned so their digits line up; the last column, when text, unpadded (no trailing blanks). */
    private static void line(final StringBuilder out, final List<String> cells, final int[] widths, final boolean[] numeric)
    {
        out.append(' ');
        for (int c = 0; c < cells.size(); c++)
        {
            final String cell = cells.get(c);
            out.append(' ').append(numeric[c] ? String.format(Locale.ROOT, "%" + widths[c] + "s", cell) :
                c == cells.size() - 1 ? cell : String.format(Locale.ROOT, "%-" + widths[c] + "s", cell));
        }
        out.append('\n');
    }

    private static String text(final JsonNode node, final String field)
    {
        final JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull())
        {
            return "";
        }
        if (MONEY.contains(field) && value.isNumber())
        {
            // Quote currency to the cent, as the status page shows it, so the two read the same.
            return value.decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        // Read with BigDecimal floats, a figure keeps the decimals the engine wrote (0.50000000, not 0.5 or 5E-1).
        return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
    }
}
