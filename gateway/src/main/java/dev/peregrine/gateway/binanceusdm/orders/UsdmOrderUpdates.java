package dev.peregrine.gateway.binanceusdm.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.binance.orders.ExecutionReport;

/**
 * Reads the futures user data stream's {@code ORDER_TRADE_UPDATE} (the order in {@code o}) into the spot order path's
 * {@link ExecutionReport}, so the one report handler applies both: the same letters mean the same fields
 * ({@code c}, {@code x}, {@code X}, {@code i}, {@code l}, {@code z}, {@code L}, {@code n}, {@code N}, {@code t},
 * {@code m}). A liquidation's fill ({@code CALCULATED}) is a trade of the venue's own {@code autoclose-} order.
 * Jackson, off the hot path.
 */
public final class UsdmOrderUpdates
{
    private UsdmOrderUpdates()
    {
    }

    /** The report in {@code event}, or null when it is not an {@code ORDER_TRADE_UPDATE}. */
    public static ExecutionReport of(final JsonNode event)
    {
        if (!"ORDER_TRADE_UPDATE".equals(text(event, "e")) || !event.path("o").isObject())
        {
            return null;
        }
        final JsonNode o = event.get("o");
        final String execution = text(o, "x");
        return new ExecutionReport(text(o, "s"), text(o, "c"), null, text(o, "S"), text(o, "o"),
            "CALCULATED".equals(execution) ? "TRADE" : execution, text(o, "X"), null, o.path("i").asLong(-1),
            text(o, "l"), text(o, "z"), text(o, "L"), text(o, "n"), text(o, "N"), o.path("t").asLong(-1),
            o.path("m").asBoolean(false));
    }

    /**
     * True for a fill of the venue's own liquidation order ({@code autoclose-} client id, or ADL's
     * {@code adl_autoclose}): a position change no order of the engine's caused.
     */
    public static boolean venueClose(final ExecutionReport report)
    {
        final String id = report.clientOrderId();
        return report.isTrade() && id != null && (id.startsWith("autoclose-") || id.startsWith("adl_autoclose"));
    }

    /** The reason {@code m} of an {@code ACCOUNT_UPDATE}, or null for any other event. */
    public static String accountUpdateReason(final JsonNode event)
    {
        return "ACCOUNT_UPDATE".equals(text(event, "e")) ? text(event.path("a"), "m") : null;
    }

    private static String text(final JsonNode node, final String key)
    {
        final JsonNode value = node.path(key);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
