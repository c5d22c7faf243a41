package dev.peregrine.gateway.binanceusdm.sim;

import dev.peregrine.core.instrument.MarginTier;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.sim.binance.BinanceAnswers;
import dev.peregrine.gateway.sim.binance.BinanceHttpAnswer;
import dev.peregrine.gateway.sim.binance.BinanceHttpRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public REST market endpoints of the simulated USD-M venue, in the documented shapes: {@code GET /fapi/v1/ping},
 * {@code time}, {@code exchangeInfo} (the contracts as PERPETUAL symbols with their filters, margin percents and
 * margin asset), {@code depth} ({@code lastUpdateId}, {@code E}, {@code T}, bids, asks), {@code premiumIndex} (mark,
 * index, the announced funding rate and the next funding time; one object for a {@code symbol}, else an array) and
 * {@code fundingRate} (the settled history, ascending, within {@code startTime}/{@code endTime}, at most {@code limit},
 * default 100, 1000 at most). Errors in the venue's {@code {code,msg}} shape. Event loop only.
 */
final class UsdmMarketRest
{
    private static final String PREFIX = "/fapi/v1/";

    private final GeneratedUsdmMarket market;

    UsdmMarketRest(final GeneratedUsdmMarket market)
    {
        this.market = market;
    }

    /** The answer, or null when the request is none of these endpoints. */
    BinanceHttpAnswer answer(final BinanceHttpRequest request)
    {
        if (!"GET".equals(request.method()) || !request.path().startsWith(PREFIX))
        {
            return null;
        }
        return switch (request.path().substring(PREFIX.length()))
        {
            case "ping" -> BinanceAnswers.okJson("{}");
            case "time" -> BinanceAnswers.okJson("{\"serverTime\":" + System.currentTimeMillis() + "}");
            case "exchangeInfo" -> BinanceAnswers.ok(exchangeInfo());
            case "depth" -> depth(request);
            case "premiumIndex" -> premiumIndex(request);
            case "fundingRate" -> fundingRate(request);
            default -> null;
        };
    }

    private Map<String, Object> exchangeInfo()
    {
        final List<Object> symbols = new ArrayList<>();
        for (final MarkProcess process : market.allMarks())
        {
            symbols.add(contract(market.catalog().find(process.symbol)));
        }
        final Map<String, Object> info = new LinkedHashMap<>();
        info.put("timezone", "UTC");
        info.put("serverTime", System.currentTimeMillis());
        info.put("futuresType", "U_MARGINED");
        info.put("rateLimits", List.of(
            Map.of("rateLimitType", "REQUEST_WEIGHT", "interval", "MINUTE", "intervalNum", 1, "limit", 2400),
            Map.of("rateLimitType", "ORDERS", "interval", "MINUTE", "intervalNum", 1, "limit", 1200)));
        info.put("exchangeFilters", List.of());
        info.put("assets", List.of(Map.of("asset", "USDT", "marginAvailable", true, "autoAssetExchange", "-10000")));
        info.put("symbols", symbols);
        return info;
    }

    /** One contract as exchangeInfo lists it; the margin percents from its first tier and its maximum leverage. */
    private static Map<String, Object> contract(final Product product)
    {
        final PerpetualTerms terms = product.perpetual();
        final MarginTier first = terms.tiers().get(0);
        final String symbol = product.symbol();
        final String quote = terms.settlementCurrency();
        final String tick = FixedPoint.toString(product.priceIncrement());
        final String step = FixedPoint.toString(product.sizeIncrement());
        final Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("symbol", symbol);
        contract.put("pair", symbol);
        contract.put("contractType", "PERPETUAL");
        contract.put("deliveryDate", 4133404800000L);
        contract.put("onboardDate", 1569398400000L);
        contract.put("status", "TRADING");
        contract.put("maintMarginPercent", FixedPoint.toString(first.maintenanceRate() * 100));
        contract.put("requiredMarginPercent", FixedPoint.toString(
            Math.floorDiv(100 * FixedPoint.SCALE * FixedPoint.SCALE, terms.maxLeverage())));
        contract.put("baseAsset", symbol.endsWith(quote) ? symbol.substring(0, symbol.length() - quote.length()) : symbol);
        contract.put("quoteAsset", quote);
        contract.put("marginAsset", quote);
        contract.put("underlyingType", "COIN");
        contract.put("filters", List.of(
            Map.of("filterType", "PRICE_FILTER", "tickSize", tick, "minPrice", tick, "maxPrice", "1000000"),
            Map.of("filterType", "LOT_SIZE", "stepSize", step, "minQty", step, "maxQty", "1000"),
            Map.of("filterType", "MARKET_LOT_SIZE", "stepSize", step, "minQty", step, "maxQty", "1000"),
            Map.of("filterType", "MAX_NUM_ORDERS", "limit", 200),
            Map.of("filterType", "MIN_NOTIONAL", "notional", FixedPoint.toString(product.minNotional())),
            Map.of("filterType", "PERCENT_PRICE", "multiplierUp", "1.1500", "multiplierDown", "0.8500",
                "multiplierDecimal", "4")));
        contract.put("orderTypes", List.of("LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET",
            "TRAILING_STOP_MARKET"));
        contract.put("timeInForce", List.of("GTC", "IOC", "FOK", "GTX"));
        return contract;
    }

    private BinanceHttpAnswer depth(final BinanceHttpRequest request)
    {
        final String symbol = parameter(request, "symbol");
        if (symbol == null)
        {
            return BinanceAnswers.badRequest(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        final String limit = parameter(request, "limit");
        final int levels;
        try
        {
            levels = limit == null ? 500 : Integer.parseInt(limit);
        }
        catch (final NumberFormatException ex)
        {
            return BinanceAnswers.badRequest(-1100, "Illegal characters found in parameter 'limit'.");
        }
        final String body = market.snapshot(symbol, Math.min(Math.max(levels, 5), 1000));
        return body == null ? BinanceAnswers.badRequest(-1121, "Invalid symbol.") : BinanceAnswers.okJson(body);
    }

    private BinanceHttpAnswer premiumIndex(final BinanceHttpRequest request)
    {
        final String symbol = parameter(request, "symbol");
        if (symbol == null)
        {
            final List<Object> all = new ArrayList<>();
            market.allMarks().forEach(process -> all.add(premium(process)));
            return BinanceAnswers.ok(all);
        }
        final MarkProcess process = market.marks(symbol);
        return process == null ? BinanceAnswers.badRequest(-1121, "Invalid symbol.") : BinanceAnswers.ok(premium(process));
    }

    private static Map<String, Object> premium(final MarkProcess process)
    {
        final Map<String, Object> premium = new LinkedHashMap<>();
        premium.put("symbol", process.symbol);
        premium.put("markPrice", FixedPoint.toString(process.mark()));
        premium.put("indexPrice", FixedPoint.toString(process.index()));
        premium.put("estimatedSettlePrice", FixedPoint.toString(process.mark()));
        premium.put("lastFundingRate", FixedPoint.toString(process.announcedRate()));
        premium.put("interestRate", "0.00010000");
        premium.put("nextFundingTime", process.nextFundingMillis());
        premium.put("time", System.currentTimeMillis());
        return premium;
    }

    private BinanceHttpAnswer fundingRate(final BinanceHttpRequest request)
    {
        final String symbol = parameter(request, "symbol");
        final long start;
        final long end;
        final int limit;
        try
        {
            start = parameter(request, "startTime") == null ? 0 : Long.parseLong(parameter(request, "startTime"));
            end = parameter(request, "endTime") == null ? Long.MAX_VALUE : Long.parseLong(parameter(request, "endTime"));
            limit = parameter(request, "limit") == null ? 100 : Math.min(1000, Integer.parseInt(parameter(request, "limit")));
        }
        catch (final NumberFormatException ex)
        {
            return BinanceAnswers.badRequest(-1100, "Illegal characters found in a parameter.");
        }
        final List<FundingRow> rows = new ArrayList<>();
        for (final MarkProcess process : market.allMarks())
        {
            if (symbol == null || symbol.equals(process.symbol))
            {
                for (final FundingRow row : process.history())
                {
                    if (row.fundingTimeMillis() >= start && row.fundingTimeMillis() <= end)
                    {
                        rows.add(row);
                    }
                }
            }
        }
        rows.sort((a, b) -> Long.compare(a.fundingTimeMillis(), b.fundingTimeMillis()));
        final List<Object> answer = new ArrayList<>();
        for (final FundingRow row : rows.subList(Math.max(0, rows.size() - limit), rows.size()))
        {
            final Map<String, Object> item = new LinkedHashMap<>();
            item.put("symbol", row.symbol());
            item.put("fundingRate", FixedPoint.toString(row.fundingRate()));
            item.put("fundingTime", row.fundingTimeMillis());
            item.put("markPrice", FixedPoint.toString(row.markPrice()));
            answer.add(item);
        }
        return BinanceAnswers.ok(answer);
    }

    private static String parameter(final BinanceHttpRequest request, final String name)
    {
        final List<String> values = request.query().get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }
}
