package dev.peregrine.gateway.venue;

import com.sun.net.httpserver.HttpServer;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog of a run against a venue, loaded over a real loopback HTTP server answering the venues' documented
 * listing shapes (Coinbase's List Public Products, Binance's exchangeInfo and bookTicker), with the offline cache.
 */
class VenueCatalogLoaderTest
{
    /** Trimmed from the documented example: the fields the loader reads, and some it does not. */
    private static final String COINBASE_PRODUCTS = """
        {"products":[
         {"product_id":"BTC-USD","price":"64123.45","price_percentage_change_24h":"1.2","volume_24h":"100",
          "base_increment":"0.00000001","quote_increment":"0.01","quote_min_size":"1","quote_max_size":"50000000",
          "base_min_size":"0.00000001","base_max_size":"3400","status":"online","trading_disabled":false,
          "product_type":"SPOT","price_increment":"0.01","base_currency_id":"BTC","quote_currency_id":"USD"},
         {"product_id":"PEPE-USD","price":"0.0000123456789","base_increment":"1","quote_increment":"0.00000001",
          "price_increment":"0.00000001","quote_min_size":"1","status":"delisted","product_type":"SPOT"}],
         "num_products":2}""";
    private static final String BINANCE_EXCHANGE_INFO = """
        {"timezone":"UTC","serverTime":1,"rateLimits":[],"exchangeFilters":[],"symbols":[
         {"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","baseAssetPrecision":8,"quoteAsset":"USDT",
          "quotePrecision":8,"quoteAssetPrecision":8,"orderTypes":["LIMIT","LIMIT_MAKER","MARKET"],"filters":[
           {"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"},
           {"filterType":"LOT_SIZE","minQty":"0.00001000","maxQty":"9000.00000000","stepSize":"0.00001000"},
           {"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true,"maxNotional":"9000000.00000000",
            "applyMaxToMarket":false,"avgPriceMins":5}]},
         {"symbol":"SOLBTC","status":"BREAK","baseAsset":"SOL","quoteAsset":"BTC","filters":[
           {"filterType":"PRICE_FILTER","tickSize":"0.00000100"},{"filterType":"LOT_SIZE","stepSize":"0.00100000"},
           {"filterType":"MIN_NOTIONAL","minNotional":"0.00010000","applyToMarket":true,"avgPriceMins":5}]}]}""";

    @TempDir
    Path dir;
    private HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void serve() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange ->
        {
            synchronized (asked)
            {
                asked.add(exchange.getRequestURI().toString());
            }
            final String body = answers.get(exchange.getRequestURI().getPath());
            final byte[] bytes = (body == null ? "{\"error\":\"NOT_FOUND\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop()
    {
        server.stop(0);
    }

    private URI base()
    {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private ProductCatalog load(final String venue, final List<String> products, final Path cache)
    {
        return VenueRegistry.standard().loadCatalog(venue, base(), products, cache, Duration.ofSeconds(5), warnings::add);
    }

    @Test
    void coinbaseProductsComeFromMarketProductsAndAreCachedBesideTheJournal() throws IOException
    {
        answers.put("/api/v3/brokerage/market/products", COINBASE_PRODUCTS);
        final Path cache = dir.resolve("journal.coinbase-catalog");

        final ProductCatalog catalog = load("coinbase", List.of("PEPE-USD", "BTC-USD"), cache);

        assertThat(asked).containsExactly("/api/v3/brokerage/market/products?product_ids=PEPE-USD&product_ids=BTC-USD");
        final ProductCatalog.Product btc = catalog.find("BTC-USD");
        assertThat(btc.minNotional()).isEqualTo(FixedPoint.parse("1"));
        assertThat(btc.referencePrice()).isEqualTo(FixedPoint.parse("64123.45"));
        assertThat(btc.status()).isEqualTo("online");
        final ProductCatalog.Product pepe = catalog.find("PEPE-USD");
        assertThat(pepe.priceIncrement()).isEqualTo(FixedPoint.parse("0.00000001"));
        assertThat(pepe.referencePrice()).isEqualTo(FixedPoint.parse("0.00001235"));
        assertThat(catalog.find("ETH-USD")).as("the built-in products stay known").isNotNull();
        assertThat(catalog.find("BTCUSDT")).isNotNull();
        assertThat(warnings).containsExactly("warning: coinbase lists PEPE-USD as delisted, not online: orders on it " +
            "may be refused");
        assertThat(Files.readString(cache)).contains("PEPE-USD 0.00000001 1 0.00001235 1 delisted\n")
            .contains("BTC-USD 0.01 0.00000001 64123.45 1 online\n");
    }

    @Test
    void binanceSymbolsComeFromExchangeInfoAndTheirPriceFromTheBookTicker()
    {
        answers.put("/api/v3/exchangeInfo", BINANCE_EXCHANGE_INFO);
        answers.put("/api/v3/ticker/bookTicker", "{\"symbol\":\"SOLBTC\",\"bidPrice\":\"0.00200000\",\"bidQty\":\"1\"," +
            "\"askPrice\":\"0.00200200\",\"askQty\":\"2\"}");

        final ProductCatalog catalog = load("binance", List.of("SOLBTC"), dir.resolve("binance.catalog"));

        final ProductCatalog.Product sol = catalog.find("SOLBTC");
        assertThat(sol.priceIncrement()).isEqualTo(FixedPoint.parse("0.000001"));
        assertThat(sol.sizeIncrement()).isEqualTo(FixedPoint.parse("0.001"));
        assertThat(sol.minNotional()).isEqualTo(FixedPoint.parse("0.0001"));
        assertThat(sol.referencePrice()).isEqualTo(FixedPoint.parse("0.002001"));
        assertThat(sol.status()).isEqualTo("BREAK");
        assertThat(asked).containsExactly("/api/v3/exchangeInfo", "/api/v3/ticker/bookTicker?symbol=SOLBTC");
        assertThat(catalog.find("BTCUSDT").priceIncrement()).as("built-in, not traded").isEqualTo(FixedPoint.parse("0.01"));
    }

    @Test
    void anUnreachableVenueFallsBackToTheCacheWithAWarningAndWithoutEitherNamesBoth()
    {
        answers.put("/api/v3/brokerage/market/products", COINBASE_PRODUCTS);
        final Path cache = dir.resolve("journal.coinbase-catalog");
        load("coinbase", List.of("BTC-USD"), cache);
        warnings.clear();
        server.stop(0);

        final ProductCatalog offline = load("coinbase", List.of("BTC-USD"), cache);

        assertThat(offline.find("BTC-USD").minNotional()).isEqualTo(FixedPoint.parse("1"));
        assertThat(warnings).singleElement().asString()
            .startsWith("warning: coinbase catalog from the cached copy " + cache + ": cannot load it from " + base() +
                "/api/v3/brokerage/market/products?product_ids=BTC-USD (");
        final Path none = dir.resolve("none.catalog");
        assertThatThrownBy(() -> load("coinbase", List.of("BTC-USD"), none))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("cannot load it from " + base() + "/api/v3/brokerage/market/products?product_ids=BTC-USD")
            .hasMessageContaining("no cached copy at " + none);
    }

    @Test
    void aProductTheVenueDoesNotListOrAnAnswerOfAnotherShapeIsNamed() throws IOException
    {
        answers.put("/api/v3/brokerage/market/products", COINBASE_PRODUCTS);
        assertThatThrownBy(() -> load("coinbase", List.of("BTC-USD", "NOPE-USD"), dir.resolve("c")))
            .hasMessageContaining("does not list NOPE-USD, which the configuration trades");

        answers.put("/api/v3/brokerage/market/products", "{\"products\":[{\"product_id\":\"BTC-USD\"," +
            "\"price_increment\":\"0.01\",\"base_increment\":\"lots\"}]}");
        Files.writeString(dir.resolve("bad"), "{}");
        assertThatThrownBy(() -> load("coinbase", List.of("BTC-USD"), dir.resolve("bad")))
            .hasMessageContaining("product BTC-USD has base_increment 'lots'")
            .hasMessageContaining("the cached copy at " + dir.resolve("bad") + " cannot be read")
            .hasMessageContaining("not a Peregrine catalog");
    }
}
