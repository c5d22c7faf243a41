package dev.peregrine.gateway.binance.emulator;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A new order's parameters, read and checked as the venue does before its matching engine sees them: the
 * mandatory parameters per type (-1102), parameters a type does not take (-1106), enums (-1116 type, -1117 side,
 * -1115 time in force), decimals (-1100, -1111), the client order id's pattern, and the symbol's filters (-1013).
 * The emulator trades {@code MARKET}, {@code LIMIT} (GTC, IOC, FOK) and {@code LIMIT_MAKER}; the stop and
 * take-profit types answer -2010 as a symbol that does not allow them.
 */
record NewOrder(String symbol, String side, String type, String timeInForce, BigDecimal quantity,
    BigDecimal quoteOrderQty, BigDecimal price, String clientOrderId, String respType, Long strategyId,
    Long strategyType)
{
    static final String CLIENT_ID_RANGE = "^[a-zA-Z0-9-_]{1,36}$";
    private static final Pattern CLIENT_ID = Pattern.compile(CLIENT_ID_RANGE);

    /**
     * Reads the order; {@code generatedId} names it when the client sent no {@code newClientOrderId}.
     *
     * @param rules the symbol's rules, already looked up (-1121 before this when unknown).
     */
    static NewOrder read(final RequestParameters p, final SymbolRules rules, final String generatedId)
    {
        final String side = p.required("side");
        if (!"BUY".equals(side) && !"SELL".equals(side))
        {
            throw BinanceRejection.badRequest(-1117, "Invalid side.");
        }
        final String type = p.required("type");
        switch (type)
        {
            case "MARKET", "LIMIT", "LIMIT_MAKER" ->
            {
            }
            case "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT" ->
                throw BinanceRejection.newOrderRejected(unsupported(type));
            default -> throw BinanceRejection.badRequest(-1116, "Invalid orderType.");
        }
        final String tif = p.get("timeInForce");
        if (tif != null && !"GTC".equals(tif) && !"IOC".equals(tif) && !"FOK".equals(tif))
        {
            throw BinanceRejection.badRequest(-1115, "Invalid timeInForce.");
        }
        final BigDecimal quantity = p.decimal("quantity");
        final BigDecimal quoteOrderQty = p.decimal("quoteOrderQty");
        final BigDecimal price = p.decimal("price");
        switch (type)
        {
            case "LIMIT" ->
            {
                p.required("timeInForce");
                p.required("quantity");
                p.required("price");
                forbid(quoteOrderQty, "quoteOrderQty");
            }
            case "LIMIT_MAKER" ->
            {
                p.required("quantity");
                p.required("price");
                forbid(tif, "timeInForce");
                forbid(quoteOrderQty, "quoteOrderQty");
            }
            default ->
            {
                if (quantity == null && quoteOrderQty == null)
                {
                    throw BinanceRejection.badRequest(-1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
                }
                forbid(quantity == null ? null : quoteOrderQty, "quoteOrderQty");
                forbid(price, "price");
                forbid(tif, "timeInForce");
            }
        }
        if (price != null)
        {
            rules.checkPrice(price);
        }
        if (quantity != null)
        {
            rules.checkQuantity(quantity);
        }
        if (price != null && quantity != null)
        {
            rules.checkNotional(price, quantity, false);
        }
        if (quoteOrderQty != null && quoteOrderQty.signum() <= 0)
        {
            throw BinanceRejection.filter("NOTIONAL");
        }
        return new NewOrder(rules.symbol(), side, type, tif, quantity, quoteOrderQty, price,
            clientOrderId(p, generatedId), respType(p, type), strategyId(p), strategyType(p));
    }

    private static String unsupported(final String type)
    {
        return switch (type)
        {
            case "STOP_LOSS" -> "Stop loss orders are not supported for this symbol.";
            case "STOP_LOSS_LIMIT" -> "Stop loss limit orders are not supported for this symbol.";
            case "TAKE_PROFIT" -> "Take profit orders are not supported for this symbol.";
            default -> "Take profit limit orders are not supported for this symbol.";
        };
    }

    private static void forbid(final Object value, final String name)
    {
        if (value != null)
        {
            throw BinanceRejection.notRequired(name);
        }
    }

    private static String clientOrderId(final RequestParameters p, final String generatedId)
    {
        final String id = p.get("newClientOrderId");
        if (id == null)
        {
            return generatedId;
        }
        if (!CLIENT_ID.matcher(id).matches())
        {
            throw BinanceRejection.illegal("newClientOrderId", CLIENT_ID_RANGE);
        }
        return id;
    }

    /** MARKET and LIMIT answer FULL by default, every other type ACK. */
    private static String respType(final RequestParameters p, final String type)
    {
        final String sent = p.choice("newOrderRespType", "ACK", "RESULT", "FULL");
        return sent != null ? sent : "MARKET".equals(type) || "LIMIT".equals(type) ? "FULL" : "ACK";
    }

    private static Long strategyId(final RequestParameters p)
    {
        return p.has("strategyId") ? p.longValue("strategyId", 0) : null;
    }

    private static Long strategyType(final RequestParameters p)
    {
        if (!p.has("strategyType"))
        {
            return null;
        }
        final long value = p.longValue("strategyType", 0);
        if (value < 1_000_000)
        {
            throw BinanceRejection.badRequest(-1134, "strategyType was less than 1000000.");
        }
        return value;
    }

    boolean market()
    {
        return "MARKET".equals(type);
    }
}
