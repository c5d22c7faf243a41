package dev.peregrine.gateway.coinbase.emulator;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.sim.MarketSnapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The emulator's market endpoints: server time, products, one product, the product book, best bid and ask,
 * a product's recent trades ("ticker") and candles, in the documented shapes. The public ones
 * ({@code /market/...}, {@code /time}) and their authenticated twins answer alike. Called under the
 * emulator's lock.
 */
final class EmulatorMarketRest
{
    /** Coinbase's cap on candles per request. */
    static final int MAX_CANDLES = 350;
    private static final Map<String, Long> GRANULARITY_SECONDS = Map.of(
        "ONE_MINUTE", 60L, "FIVE_MINUTE", 300L, "FIFTEEN_MINUTE", 900L, "THIRTY_MINUTE", 1_800L,
        "ONE_HOUR", 3_600L, "TWO_HOUR", 7_200L, "FOUR_HOUR", 14_400L, "SIX_HOUR", 21_600L, "ONE_DAY", 86_400L);

    private final EmulatorMarket market;
    private final EmulatorIntxPortfolio intx;
    private final LongSupplier epochMillis;

    EmulatorMarketRest(final EmulatorMarket market, final EmulatorIntxPortfolio intx, final LongSupplier epochMillis)
    {
        this.market = market;
        this.intx = intx;
        this.epochMillis = epochMillis;
    }

    /** {@code GET /time}: {@code {iso, epochSeconds, epochMillis}}. */
    EmulatorReply time()
    {
        final long now = epochMillis.getAsLong();
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("iso", Instant.ofEpochMilli(now).toString());
        answer.put("epochSeconds", Long.toString(now / 1000));
        answer.put("epochMillis", Long.toString(now));
        return EmulatorReply.json(200, answer);
    }

    /** {@code GET /products}: filters {@code product_ids}, {@code product_type}; pages by {@code limit} and {@code offset}. */
    EmulatorReply products(final EmulatorRequest request)
    {
        final long limit = request.longParam("limit", 0);
        final long offset = request.longParam("offset", 0);
        if (limit < 0 || offset < 0)
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT", "limit and offset must not be negative");
        }
        final String type = request.param("product_type");
        if (type != null && !"SPOT".equals(type) && !"FUTURE".equals(type) && !"UNKNOWN_PRODUCT_TYPE".equals(type))
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT", "invalid product_type '" + type + "'");
        }
        final List<String> wanted = request.params("product_ids");
        final List<Object> products = new ArrayList<>();
        int index = 0;
        for (final ProductCatalog.Product product : market.catalog().products())
        {
            final String productType = product.perpetual() != null ? "FUTURE" : "SPOT";
            if ((type == null || "UNKNOWN_PRODUCT_TYPE".equals(type) || type.equals(productType)) &&
                (wanted.isEmpty() || wanted.contains(product.symbol())) && index++ >= offset &&
                (limit == 0 || products.size() < limit))
            {
                products.add(productJson(product));
            }
        }
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("products", products);
        answer.put("num_products", products.size());
        return EmulatorReply.json(200, answer);
    }

    /** {@code GET /products/{product_id}}. */
    EmulatorReply product(final String productId)
    {
        final ProductCatalog.Product product = market.catalog().find(productId);
        return product == null ? unknownProduct() : EmulatorReply.json(200, productJson(product));
    }

    /** A product's answer: a perpetual's with its {@code future_product_details} ({@link EmulatorPerpetualJson}). */
    private Map<String, Object> productJson(final ProductCatalog.Product product)
    {
        final Map<String, Object> json = EmulatorProductJson.product(product, market.snapshot(product.symbol()));
        if (product.perpetual() != null)
        {
            EmulatorPerpetualJson.addTo(json, product, intx, epochMillis.getAsLong() * 1_000_000L);
        }
        return json;
    }

    /** {@code GET /product_book?product_id=&limit=}. */
    EmulatorReply productBook(final EmulatorRequest request)
    {
        final String productId = request.param("product_id");
        if (productId == null)
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT", "product_id is required");
        }
        final long limit = request.longParam("limit", 0);
        final MarketSnapshot snapshot = market.snapshot(productId);
        if (snapshot == null)
        {
            return unknownProduct();
        }
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("pricebook", EmulatorProductJson.priceBook(snapshot, (int)Math.min(Math.max(limit, 0), Integer.MAX_VALUE), epochMillis.getAsLong()));
        answer.put("last", EmulatorProductJson.plain(snapshot.last()));
        answer.put("mid_market", EmulatorProductJson.mid(snapshot));
        final long spread = snapshot.ask() - snapshot.bid();
        answer.put("spread_bps", BigDecimal.valueOf(spread).multiply(BigDecimal.valueOf(10_000))
            .divide(BigDecimal.valueOf(Math.max(1, (snapshot.ask() + snapshot.bid()) / 2)), 4, RoundingMode.HALF_UP)
            .stripTrailingZeros().toPlainString());
        answer.put("spread_absolute", EmulatorProductJson.plain(spread));
        return EmulatorReply.json(200, answer);
    }

    /** {@code GET /best_bid_ask?product_ids=...}: every product when none is named; unknown ones are left out. */
    EmulatorReply bestBidAsk(final EmulatorRequest request)
    {
        final List<String> wanted = request.params("product_ids");
        final List<Object> books = new ArrayList<>();
        for (final String productId : wanted.isEmpty() ? market.catalog().symbols() : wanted)
        {
            final MarketSnapshot snapshot = market.snapshot(productId);
            if (snapshot != null)
            {
                books.add(EmulatorProductJson.priceBook(snapshot, 1, epochMillis.getAsLong()));
            }
        }
        return EmulatorReply.json(200, Map.of("pricebooks", books));
    }

    /** {@code GET /products/{product_id}/ticker?limit=&start=&end=}: recent trades newest first, and the best bid and ask. */
    EmulatorReply ticker(final String productId, final EmulatorRequest request)
    {
        final MarketSnapshot snapshot = market.snapshot(productId);
        if (snapshot == null)
        {
            return unknownProduct();
        }
        final long limit = request.longParam("limit", 0);
        if (limit < 0)
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT", "limit must not be negative");
        }
        final long start = request.longParam("start", Long.MIN_VALUE / 1_000_000_000L);
        final long end = request.longParam("end", Long.MAX_VALUE / 1_000_000_000L);
        final List<Object> trades = new ArrayList<>();
        for (final MarketSnapshot.Trade trade : snapshot.trades())
        {
            final long second = trade.epochNanos() / 1_000_000_000L;
            if (second < start || second > end || (limit > 0 && trades.size() == limit))
            {
                continue;
            }
            final Map<String, Object> t = new LinkedHashMap<>();
            t.put("trade_id", Long.toString(trade.tradeId()));
            t.put("product_id", productId);
            t.put("price", EmulatorProductJson.plain(trade.price()));
            t.put("size", EmulatorProductJson.plain(trade.size()));
            t.put("time", Instant.ofEpochSecond(0, trade.epochNanos()).toString());
            t.put("side", Side.name(trade.makerSide()));
            t.put("bid", "");
            t.put("ask", "");
            t.put("exchange", "CBE");
            trades.add(t);
        }
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("trades", trades);
        answer.put("best_bid", EmulatorProductJson.plain(snapshot.bid()));
        answer.put("best_ask", EmulatorProductJson.plain(snapshot.ask()));
        return EmulatorReply.json(200, answer);
    }

    /** {@code GET /products/{product_id}/candles?start=&end=&granularity=&limit=}: newest first, at most 350. */
    EmulatorReply candles(final String productId, final EmulatorRequest request)
    {
        if (market.catalog().find(productId) == null)
        {
            return unknownProduct();
        }
        final String granularity = request.param("granularity");
        final Long seconds = granularity == null ? null : GRANULARITY_SECONDS.get(granularity);
        if (request.param("start") == null || request.param("end") == null || seconds == null)
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT", seconds == null && granularity != null ?
                "invalid granularity '" + granularity + "', one of " + GRANULARITY_SECONDS.keySet() :
                "start, end (UNIX seconds) and granularity are required");
        }
        final long start = request.longParam("start", 0);
        final long end = request.longParam("end", 0);
        final long limit = request.longParam("limit", MAX_CANDLES);
        if (end < start || (end - start) / seconds > MAX_CANDLES || limit < 1 || limit > MAX_CANDLES)
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT",
                "number of candles requested should be less than " + MAX_CANDLES + " (end after start, limit 1.." + MAX_CANDLES + ")");
        }
        final List<Object> candles = new ArrayList<>();
        for (final long[] c : market.candles(productId, seconds, start, end + 1))
        {
            if (candles.size() == limit)
            {
                break;
            }
            final Map<String, Object> candle = new LinkedHashMap<>();
            candle.put("start", Long.toString(c[0]));
            candle.put("low", FixedPoint.toString(c[3]));
            candle.put("high", FixedPoint.toString(c[2]));
            candle.put("open", FixedPoint.toString(c[1]));
            candle.put("close", FixedPoint.toString(c[4]));
            candle.put("volume", FixedPoint.toString(c[5]));
            candles.add(candle);
        }
        return EmulatorReply.json(200, Map.of("candles", candles));
    }

    /** As the venue answers a product id it does not list. */
    static EmulatorReply unknownProduct()
    {
        return EmulatorReply.error(404, "NOT_FOUND", "ProductID is invalid");
    }
}
