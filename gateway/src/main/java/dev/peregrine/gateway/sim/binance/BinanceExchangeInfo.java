package dev.peregrine.gateway.sim.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/v3/exchangeInfo} of the simulated Binance: the rate limits it enforces and, per symbol it serves,
 * status {@code TRADING}, assets, precisions, order types and the filters {@code PRICE_FILTER}, {@code LOT_SIZE} and
 * {@code NOTIONAL}, with the documented parameters {@code symbol}, {@code symbols} (a JSON array),
 * {@code permissions} and {@code symbolStatus}.
 */
final class BinanceExchangeInfo
{
    /** Binance's documented limits; the request weight one is what {@link RequestWeightLimit} enforces. */
    static final int REQUEST_WEIGHT_PER_MINUTE = 6000;
    private static final int DECIMALS = BinanceAmounts.DECIMALS;
    private static final String MAX_PRICE = "1000000.00000000";
    private static final String MAX_QUANTITY = "9000.00000000";
    private static final String MAX_NOTIONAL = "9000000.00000000";

    private final List<BinanceSymbolRules> symbols;

    BinanceExchangeInfo(final List<BinanceSymbolRules> symbols)
    {
        this.symbols = List.copyOf(symbols);
    }

    List<BinanceSymbolRules> symbols()
    {
        return symbols;
    }

    /** The rules of {@code symbol}, or null if it is not served. */
    BinanceSymbolRules find(final String symbol)
    {
        for (final BinanceSymbolRules rules : symbols)
        {
            if (rules.symbol().equals(symbol))
            {
                return rules;
            }
        }
        return null;
    }

    BinanceHttpAnswer answer(final BinanceHttpRequest request, final long serverTime)
    {
        final String symbol = BinanceMarketRest.parameter(request, "symbol");
        final String list = BinanceMarketRest.parameter(request, "symbols");
        final String permissions = BinanceMarketRest.parameter(request, "permissions");
        final String status = BinanceMarketRest.parameter(request, "symbolStatus");
        if ((symbol != null || list != null) && (permissions != null || status != null) || symbol != null && list != null)
        {
            return BinanceAnswers.badRequest(-1128, "Combination of optional parameters invalid.");
        }
        final List<BinanceSymbolRules> chosen;
        if (symbol != null)
        {
            final BinanceSymbolRules rules = find(symbol);
            if (rules == null)
            {
                return BinanceAnswers.badRequest(-1121, "Invalid symbol.");
            }
            chosen = List.of(rules);
        }
        else if (list != null)
        {
            final BinanceHttpAnswer refused = refuseSymbols(list);
            if (refused != null)
            {
                return refused;
            }
            chosen = new ArrayList<>();
            for (final String name : symbolList(list))
            {
                chosen.add(find(name));
            }
        }
        else if (status != null && !Set.of("TRADING", "HALT", "BREAK").contains(status))
        {
            return BinanceAnswers.badRequest(-1122, "Invalid symbolStatus.");
        }
        else
        {
            // Every served symbol trades and has the SPOT permission: another status or permission filter lists none.
            final boolean spot = permissions == null || permissions.contains("SPOT");
            chosen = spot && (status == null || "TRADING".equals(status)) ? symbols : List.of();
        }
        return BinanceAnswers.ok(document(chosen, serverTime));
    }

    /** The error answer to a {@code symbols} parameter that is malformed, repeats or names a symbol not served; else null. */
    BinanceHttpAnswer refuseSymbols(final String list)
    {
        final List<String> names = symbolList(list);
        if (names == null)
        {
            return BinanceAnswers.badRequest(-1100,
                "Illegal characters found in parameter 'symbols'; legal range is '^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$'.");
        }
        if (new LinkedHashSet<>(names).size() != names.size())
        {
            return BinanceAnswers.badRequest(-1151, "Symbol is present multiple times in the list.");
        }
        for (final String name : names)
        {
            if (find(name) == null)
            {
                return BinanceAnswers.badRequest(-1121, "Invalid symbol.");
            }
        }
        return null;
    }

    /** The {@code symbols} parameter: {@code ["BTCUSDT","ETHUSDT"]}; null if it is no JSON array of strings. */
    static List<String> symbolList(final String value)
    {
        try
        {
            final JsonNode node = BinanceAnswers.JSON.readTree(value);
            if (node == null || !node.isArray())
            {
                return null;
            }
            final List<String> names = new ArrayList<>();
            for (final JsonNode item : node)
            {
                if (!item.isTextual())
                {
                    return null;
                }
                names.add(item.asText());
            }
            return names;
        }
        catch (final JsonProcessingException ex)
        {
            return null;
        }
    }

    private static ObjectNode document(final List<BinanceSymbolRules> chosen, final long serverTime)
    {
        final ObjectNode root = BinanceAnswers.JSON.createObjectNode();
        root.put("timezone", "UTC");
        root.put("serverTime", serverTime);
        final ArrayNode limits = root.putArray("rateLimits");
        limit(limits, "REQUEST_WEIGHT", "MINUTE", 1, REQUEST_WEIGHT_PER_MINUTE);
        limit(limits, "ORDERS", "SECOND", 10, 100);
        limit(limits, "ORDERS", "DAY", 1, 200_000);
        limit(limits, "RAW_REQUESTS", "MINUTE", 5, 61_000);
        root.putArray("exchangeFilters");
        final ArrayNode list = root.putArray("symbols");
        for (final BinanceSymbolRules rules : chosen)
        {
            list.add(symbol(rules));
        }
        return root;
    }

    private static void limit(final ArrayNode limits, final String type, final String interval, final int number, final int limit)
    {
        limits.addObject().put("rateLimitType", type).put("interval", interval).put("intervalNum", number).put("limit", limit);
    }

    private static ObjectNode symbol(final BinanceSymbolRules rules)
    {
        final ObjectNode node = BinanceAnswers.JSON.createObjectNode();
        node.put("symbol", rules.symbol());
        node.put("status", "TRADING");
        node.put("baseAsset", rules.baseAsset());
        node.put("baseAssetPrecision", DECIMALS);
        node.put("quoteAsset", rules.quoteAsset());
        node.put("quotePrecision", DECIMALS);
        node.put("quoteAssetPrecision", DECIMALS);
        node.put("baseCommissionPrecision", DECIMALS);
        node.put("quoteCommissionPrecision", DECIMALS);
        // The order types the emulated trading API accepts (no stop or take-profit orders).
        node.putArray("orderTypes").add("LIMIT").add("LIMIT_MAKER").add("MARKET");
        node.put("icebergAllowed", false);
        node.put("ocoAllowed", false);
        node.put("otoAllowed", false);
        node.put("opoAllowed", false);
        node.put("quoteOrderQtyMarketAllowed", true);
        node.put("allowTrailingStop", false);
        node.put("cancelReplaceAllowed", false);
        node.put("amendAllowed", false);
        node.put("pegInstructionsAllowed", false);
        node.put("isSpotTradingAllowed", true);
        node.put("isMarginTradingAllowed", false);
        final ArrayNode filters = node.putArray("filters");
        filters.addObject().put("filterType", "PRICE_FILTER").put("minPrice", amount(rules.tickSize()))
            .put("maxPrice", MAX_PRICE).put("tickSize", amount(rules.tickSize()));
        filters.addObject().put("filterType", "LOT_SIZE").put("minQty", amount(rules.stepSize()))
            .put("maxQty", MAX_QUANTITY).put("stepSize", amount(rules.stepSize()));
        filters.addObject().put("filterType", "NOTIONAL").put("minNotional", amount(rules.minNotional()))
            .put("applyMinToMarket", true).put("maxNotional", MAX_NOTIONAL).put("applyMaxToMarket", false)
            .put("avgPriceMins", 5);
        node.putArray("permissions");
        node.putArray("permissionSets").addArray().add("SPOT");
        node.put("defaultSelfTradePreventionMode", "EXPIRE_MAKER");
        node.putArray("allowedSelfTradePreventionModes").add("NONE").add("EXPIRE_TAKER").add("EXPIRE_MAKER").add("EXPIRE_BOTH");
        return node;
    }

    private static String amount(final BigDecimal value)
    {
        return BinanceAmounts.format(value);
    }
}
