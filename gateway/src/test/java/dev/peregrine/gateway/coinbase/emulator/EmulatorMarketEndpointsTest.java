package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.CoinbaseProducts;
import dev.peregrine.gateway.sim.MarketSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The market endpoints over real HTTP: public ones without a JWT, documented shapes, prices from what the emulator is given. */
class EmulatorMarketEndpointsTest
{
    private static final String B = "/api/v3/brokerage";
    private static final List<String> PRODUCT_FIELDS = List.of("product_id", "price", "price_percentage_change_24h",
        "volume_24h", "volume_percentage_change_24h", "base_increment", "quote_increment", "quote_min_size",
        "quote_max_size", "base_min_size", "base_max_size", "base_name", "quote_name", "watched", "is_disabled", "new",
        "status", "cancel_only", "limit_only", "post_only", "trading_disabled", "auction_mode", "product_type",
        "quote_currency_id", "base_currency_id", "fcm_trading_session_details", "mid_market_price", "alias", "alias_to",
        "base_display_symbol", "quote_display_symbol", "view_only", "price_increment", "display_name", "product_venue",
        "approximate_quote_24h_volume");

    private static EmulatorClient client;
    private static long now;

    @BeforeAll
    static void start()
    {
        client = new EmulatorClient();
        now = System.currentTimeMillis();
        final List<MarketSnapshot.Trade> trades = new ArrayList<>();
        for (int i = 0; i < 5; i++)
        {
            // newest first: ids 105..101, a minute apart going back
            trades.add(new MarketSnapshot.Trade(105 - i, FixedPoint.parse("3000") - i * FixedPoint.SCALE, FixedPoint.SCALE / 10,
                i % 2 == 0 ? Side.SELL : Side.BUY, (now - i * 60_000L) * 1_000_000L));
        }
        client.venue().quote(new MarketSnapshot("ETH-USD", FixedPoint.parse("2999.99"), FixedPoint.SCALE, FixedPoint.parse("3000.01"),
            2 * FixedPoint.SCALE, FixedPoint.parse("3000"), FixedPoint.parse("2996"), FixedPoint.parse("3000"), FixedPoint.SCALE / 2,
            List.of(new MarketSnapshot.Level(FixedPoint.parse("2999.99"), FixedPoint.SCALE),
                new MarketSnapshot.Level(FixedPoint.parse("2999.98"), 3 * FixedPoint.SCALE)),
            List.of(new MarketSnapshot.Level(FixedPoint.parse("3000.01"), 2 * FixedPoint.SCALE)), trades));
    }

    @AfterAll
    static void stop()
    {
        client.close();
    }

    @Test
    void publicProductsListTheCatalogWithEveryDocumentedFieldAndNoJwt()
    {
        final EmulatorClient.Answer answer = client.get(B + "/market/products");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        final JsonNode products = answer.json().get("products");
        assertThat(products).hasSize(CoinbaseProducts.CATALOG.products().size());
        assertThat(answer.json().get("num_products").asInt()).isEqualTo(products.size());
        for (final JsonNode product : products)
        {
            assertThat(product.fieldNames()).toIterable().as(product.toString()).containsAll(PRODUCT_FIELDS);
            assertThat(product.get("status").asText()).isEqualTo("online");
            // The INTX perpetuals are futures (EmulatorIntxEndpointsTest reads their details).
            assertThat(product.get("product_type").asText())
                .isEqualTo(product.get("product_id").asText().endsWith("-PERP-INTX") ? "FUTURE" : "SPOT");
        }
        final JsonNode btc = products.get(0);
        assertThat(btc.get("product_id").asText()).isEqualTo("BTC-USD");
        assertThat(btc.get("base_increment").asText()).isEqualTo("0.00000001");
        assertThat(btc.get("quote_increment").asText()).isEqualTo("0.01");
        assertThat(btc.get("base_currency_id").asText()).isEqualTo("BTC");
        assertThat(btc.get("quote_currency_id").asText()).isEqualTo("USD");
        assertThat(btc.get("trading_disabled").asBoolean()).isFalse();
    }

    @Test
    void productsFilterByIdAndPageByLimitAndOffset()
    {
        final JsonNode some = client.get(B + "/market/products?product_ids=ETH-USD&product_ids=SOL-USD").json().get("products");
        assertThat(some.findValuesAsText("product_id")).containsExactly("ETH-USD", "SOL-USD");
        final JsonNode page = client.get(B + "/market/products?limit=2&offset=1").json().get("products");
        assertThat(page.findValuesAsText("product_id")).containsExactly("ETH-USD", "SOL-USD");
        assertThat(client.get(B + "/market/products?product_type=FUTURE").json().get("products").findValuesAsText("product_id"))
            .containsExactly("BTC-PERP-INTX", "ETH-PERP-INTX");
        final EmulatorClient.Answer bad = client.get(B + "/market/products?limit=ten");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(bad.json().get("message").asText()).contains("limit");
    }

    @Test
    void oneProductHasTheFillPriceAndAnUnknownOneIsNotFound()
    {
        client.venue().fillPrice("SOL-USD", "151.25");
        final EmulatorClient.Answer sol = client.get(B + "/market/products/SOL-USD");
        assertThat(sol.status()).isEqualTo(200);
        assertThat(sol.json().get("price").asText()).isEqualTo("151.25");
        assertThat(sol.json().get("price_increment").asText()).isEqualTo("0.01");
        final EmulatorClient.Answer unknown = client.get(B + "/market/products/NOPE-USD");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void productBookShowsTheQuotedBookWithSpread()
    {
        client.venue().fillPrice("ETH-USD", "1234.56"); // a fill price does not hide the quoted market's book
        final EmulatorClient.Answer answer = client.get(B + "/market/product_book?product_id=ETH-USD&limit=1");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        final JsonNode book = answer.json().get("pricebook");
        assertThat(book.get("product_id").asText()).isEqualTo("ETH-USD");
        assertThat(book.get("bids")).hasSize(1);
        assertThat(book.get("bids").get(0).get("price").asText()).isEqualTo("2999.99");
        assertThat(book.get("asks").get(0).get("size").asText()).isEqualTo("2");
        assertThat(answer.json().get("mid_market").asText()).isEqualTo("3000");
        assertThat(answer.json().get("spread_absolute").asText()).isEqualTo("0.02");
        assertThat(client.get(B + "/market/product_book?product_id=ETH-USD").json().get("pricebook").get("bids")).hasSize(2);
        assertThat(client.get(B + "/market/product_book").status()).isEqualTo(400);
    }

    @Test
    void tickerListsRecentTradesNewestFirst()
    {
        final EmulatorClient.Answer answer = client.get(B + "/market/products/ETH-USD/ticker?limit=3");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("trades").findValuesAsText("trade_id")).containsExactly("105", "104", "103");
        assertThat(answer.json().get("trades").get(0).get("side").asText()).isEqualTo("SELL");
        assertThat(answer.json().get("best_bid").asText()).isEqualTo("2999.99");
        assertThat(answer.json().get("best_ask").asText()).isEqualTo("3000.01");
    }

    @Test
    void candlesAreMadeFromTheTradesNewestFirst()
    {
        final long end = now / 1000 + 60;
        final EmulatorClient.Answer answer = client.get(B + "/market/products/ETH-USD/candles?start=" + (end - 3600) +
            "&end=" + end + "&granularity=ONE_MINUTE");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        final JsonNode candles = answer.json().get("candles");
        assertThat(candles.size()).isBetween(5, 6); // five trades a minute apart; a minute boundary may split none or one
        assertThat(candles.get(0).get("close").asText()).isEqualTo("3000");
        assertThat(Long.parseLong(candles.get(0).get("start").asText())).isGreaterThan(Long.parseLong(candles.get(1).get("start").asText()));
        final EmulatorClient.Answer daily = client.get(B + "/market/products/ETH-USD/candles?start=" + (end - 30 * 86_400) +
            "&end=" + end + "&granularity=ONE_DAY");
        long volume = 0;
        for (final JsonNode candle : daily.json().get("candles"))
        {
            volume += FixedPoint.parse(candle.get("volume").asText());
        }
        assertThat(volume).as(daily.body()).isEqualTo(FixedPoint.SCALE / 2); // five trades of 0.1, whichever day they fell in
        final EmulatorClient.Answer tooMany = client.get(B + "/market/products/ETH-USD/candles?start=0&end=" + end + "&granularity=ONE_MINUTE");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(client.get(B + "/market/products/ETH-USD/candles?start=0&end=60&granularity=WEEKLY").json()
            .get("message").asText()).contains("granularity");
    }

    @Test
    void serverTimeIsNow()
    {
        final EmulatorClient.Answer answer = client.get(B + "/time");
        assertThat(answer.status()).isEqualTo(200);
        final long seconds = Long.parseLong(answer.json().get("epochSeconds").asText());
        assertThat(seconds).isBetween(now / 1000 - 60, System.currentTimeMillis() / 1000 + 1);
        assertThat(answer.json().get("iso").asText()).endsWith("Z");
        assertThat(answer.json().get("epochMillis").asText()).startsWith(Long.toString(seconds));
    }

    @Test
    void unknownPathsAreNotFoundAndPrivateOnesNeedAJwt()
    {
        assertThat(client.get(B + "/market/nothing").status()).isEqualTo(404);
        assertThat(client.get("/favicon.ico").status()).isEqualTo(404);
        assertThat(client.get(B + "/products").status()).isEqualTo(401);
        final EmulatorClient.Answer signed = client.signedGet(B + "/products?product_ids=BTC-USD");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().get("products").findValuesAsText("product_id")).containsExactly("BTC-USD");
        final EmulatorClient.Answer best = client.signedGet(B + "/best_bid_ask?product_ids=ETH-USD");
        assertThat(best.json().get("pricebooks").get(0).get("bids").get(0).get("price").asText()).isEqualTo("2999.99");
    }
}
