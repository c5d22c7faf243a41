package dev.peregrine.gateway.coinbase.emulator;

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

/**
 * The documented JSON shapes of the market endpoints: a product (every field of Get Product, spot only), a
 * price book and a level, built from the catalog's increments and a {@link MarketSnapshot}.
 */
final class EmulatorProductJson
{
    /** Coinbase's smallest order in quote currency for a spot product. */
    private static final String QUOTE_MIN_SIZE = "1";
    private static final String QUOTE_MAX_SIZE = "150000000";
    private static final String BASE_MAX_SIZE = "1000000000";
    /** When every listed product was listed, as far as the emulator is concerned. */
    private static final String LISTED_AT = "2021-01-01T00:00:00Z";
    private static final Map<String, String> NAMES = Map.ofEntries(
        Map.entry("BTC", "Bitcoin"), Map.entry("ETH", "Ethereum"), Map.entry("SOL", "Solana"),
        Map.entry("XRP", "XRP"), Map.entry("DOGE", "Dogecoin"), Map.entry("ADA", "Cardano"),
        Map.entry("AVAX", "Avalanche"), Map.entry("LTC", "Litecoin"), Map.entry("LINK", "Chainlink"),
        Map.entry("DOT", "Polkadot"), Map.entry("USD", "US Dollar"), Map.entry("EUR", "Euro"),
        Map.entry("USDC", "USDC"), Map.entry("GBP", "British Pound"));

    private EmulatorProductJson()
    {
    }

    static Map<String, Object> product(final ProductCatalog.Product product, final MarketSnapshot market)
    {
        final String id = product.symbol();
        final int dash = id.indexOf('-');
        final String base = dash < 0 ? id : id.substring(0, dash);
        final String quote = dash < 0 ? "" : id.substring(dash + 1);
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("product_id", id);
        m.put("price", plain(market.last()));
        m.put("price_percentage_change_24h", percentChange(market));
        m.put("volume_24h", plain(market.volume24h()));
        m.put("volume_percentage_change_24h", "0");
        m.put("base_increment", plain(product.sizeIncrement()));
        m.put("quote_increment", plain(product.priceIncrement()));
        m.put("quote_min_size", QUOTE_MIN_SIZE);
        m.put("quote_max_size", QUOTE_MAX_SIZE);
        m.put("base_min_size", plain(product.sizeIncrement()));
        m.put("base_max_size", BASE_MAX_SIZE);
        m.put("base_name", NAMES.getOrDefault(base, base));
        m.put("quote_name", NAMES.getOrDefault(quote, quote));
        m.put("watched", false);
        m.put("is_disabled", false);
        m.put("new", false);
        m.put("status", "online");
        m.put("cancel_only", false);
        m.put("limit_only", false);
        m.put("post_only", false);
        m.put("trading_disabled", false);
        m.put("auction_mode", false);
        m.put("product_type", "SPOT");
        m.put("quote_currency_id", quote);
        m.put("base_currency_id", base);
        m.put("fcm_trading_session_details", null);
        m.put("mid_market_price", mid(market));
        m.put("alias", "");
        m.put("alias_to", List.of());
        m.put("base_display_symbol", base);
        m.put("quote_display_symbol", quote);
        m.put("view_only", false);
        m.put("price_increment", plain(product.priceIncrement()));
        m.put("display_name", id);
        m.put("product_venue", "CBE");
        m.put("approximate_quote_24h_volume", BigDecimal.valueOf(market.volume24h(), FixedPoint.DECIMALS)
            .multiply(BigDecimal.valueOf(market.last(), FixedPoint.DECIMALS)).setScale(2, RoundingMode.HALF_UP).toPlainString());
        m.put("new_at", LISTED_AT);
        return m;
    }

    /** {@code {product_id, bids:[{price,size}], asks:[...], time}}, {@code limit} levels a side (0: all). */
    static Map<String, Object> priceBook(final MarketSnapshot market, final int limit, final long epochMillis)
    {
        final Map<String, Object> book = new LinkedHashMap<>();
        book.put("product_id", market.productId());
        book.put("bids", levels(market.bids(), limit));
        book.put("asks", levels(market.asks(), limit));
        book.put("time", Instant.ofEpochMilli(epochMillis).toString());
        return book;
    }

    static String mid(final MarketSnapshot market)
    {
        return BigDecimal.valueOf(market.bid() + market.ask(), FixedPoint.DECIMALS)
            .divide(BigDecimal.valueOf(2), FixedPoint.DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String plain(final long scaled)
    {
        return FixedPoint.toString(scaled);
    }

    private static List<Object> levels(final List<MarketSnapshot.Level> side, final int limit)
    {
        final List<Object> levels = new ArrayList<>();
        for (final MarketSnapshot.Level level : side)
        {
            if (limit > 0 && levels.size() == limit)
            {
                break;
            }
            levels.add(Map.of("price", plain(level.price()), "size", plain(level.size())));
        }
        return levels;
    }

    /** Last price against the oldest trade kept, in percent; 0 with no trades. */
    private static String percentChange(final MarketSnapshot market)
    {
        if (market.trades().isEmpty())
        {
            return "0";
        }
        final long open = market.trades().get(market.trades().size() - 1).price();
        return BigDecimal.valueOf(market.last() - open).multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(open), 8, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
