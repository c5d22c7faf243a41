package dev.peregrine.gateway.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated Binance's REST market endpoints and its routing to a trading API, over real loopback sockets. */
class BinanceMarketRestTest
{
    private final HttpClient http = HttpClient.newHttpClient();
    private BinanceSimulatedExchange exchange;

    @AfterEach
    void tearDown()
    {
        if (exchange != null)
        {
            exchange.close();
        }
    }

    @Test
    void exchangeInfoListsEachSymbolWithItsAssetsAndFilters() throws Exception
    {
        exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT", "ETHUSDT"), 7).start();
        final HttpResponse<String> answer = get("/api/v3/exchangeInfo");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("x-mbx-used-weight-1m")).hasValue("20");
        final JsonNode info = BinanceAnswers.JSON.readTree(answer.body());
        assertThat(info.path("timezone").asText()).isEqualTo("UTC");
        assertThat(info.path("rateLimits").get(0).path("limit").asInt()).isEqualTo(6000);
        final JsonNode btc = info.path("symbols").get(0);
        assertThat(btc.path("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(btc.path("status").asText()).isEqualTo("TRADING");
        assertThat(btc.path("baseAsset").asText()).isEqualTo("BTC");
        assertThat(btc.path("quoteAsset").asText()).isEqualTo("USDT");
        assertThat(btc.path("orderTypes").toString()).isEqualTo("[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\"]");
        assertThat(btc.path("filters").get(0).path("tickSize").asText()).isEqualTo("0.01000000");
        assertThat(btc.path("filters").get(1).path("stepSize").asText()).isEqualTo("0.00001000");
        assertThat(btc.path("filters").get(2).path("filterType").asText()).isEqualTo("NOTIONAL");
        assertThat(info.path("symbols").get(1).path("symbol").asText()).isEqualTo("ETHUSDT");

        final JsonNode one = BinanceAnswers.JSON.readTree(get("/api/v3/exchangeInfo?symbol=ETHUSDT").body());
        assertThat(one.path("symbols")).hasSize(1);
        assertThat(get("/api/v3/exchangeInfo?symbols=%5B%22ETHUSDT%22%5D").body()).contains("\"symbol\":\"ETHUSDT\"");
        final HttpResponse<String> unknown = get("/api/v3/exchangeInfo?symbol=DOGEUSDT");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
        assertThat(get("/api/v3/exchangeInfo?symbols=BTCUSDT").body()).contains("\"code\":-1100");
        assertThat(get("/api/v3/exchangeInfo?symbol=BTCUSDT&permissions=SPOT").body()).contains("\"code\":-1128");
    }

    @Test
    void marketEndpointsAnswerFromTheSimulatedMarket() throws Exception
    {
        exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT"), 7).start();
        assertThat(get("/api/v3/ping").body()).isEqualTo("{}");
        assertThat(BinanceAnswers.JSON.readTree(get("/api/v3/time").body()).path("serverTime").asLong())
            .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        Await.until("trades", Duration.ofSeconds(10), () -> exchange.market().lastPrice("BTCUSDT") != null);

        final JsonNode depth = BinanceAnswers.JSON.readTree(get("/api/v3/depth?symbol=BTCUSDT&limit=5").body());
        assertThat(depth.path("bids")).hasSize(5);
        final JsonNode trades = BinanceAnswers.JSON.readTree(get("/api/v3/trades?symbol=BTCUSDT&limit=1").body());
        assertThat(trades).hasSize(1);
        final JsonNode trade = trades.get(0);
        assertThat(new BigDecimal(trade.path("quoteQty").asText())).isEqualByComparingTo(
            new BigDecimal(trade.path("price").asText()).multiply(new BigDecimal(trade.path("qty").asText())));
        final JsonNode aggregates = BinanceAnswers.JSON.readTree(get("/api/v3/aggTrades?symbol=BTCUSDT&fromId=" +
            trade.path("id").asLong() + "&limit=5").body());
        assertThat(aggregates.get(0).path("a").asLong()).isEqualTo(trade.path("id").asLong());
        assertThat(aggregates.get(0).path("p").asText()).isEqualTo(trade.path("price").asText());
        final JsonNode klines = BinanceAnswers.JSON.readTree(get("/api/v3/klines?symbol=BTCUSDT&interval=1m").body());
        assertThat(klines.get(klines.size() - 1)).hasSize(12);
        assertThat(klines.get(0).get(6).asLong() - klines.get(0).get(0).asLong()).isEqualTo(59_999);
        final JsonNode day = BinanceAnswers.JSON.readTree(get("/api/v3/ticker/24hr?symbol=BTCUSDT").body());
        assertThat(day.path("count").asLong()).isPositive();
        assertThat(day.path("lastId").asLong() - day.path("firstId").asLong() + 1).isEqualTo(day.path("count").asLong());
        final JsonNode hour = BinanceAnswers.JSON.readTree(get("/api/v3/ticker?symbol=BTCUSDT&windowSize=1h").body());
        assertThat(hour.path("closeTime").asLong() - hour.path("openTime").asLong()).isEqualTo(3_600_000L);
        assertThat(hour.has("lastQty")).as("the rolling window has no last quantity").isFalse();
        assertThat(get("/api/v3/ticker?windowSize=1h").body()).contains("\"code\":-1102");
        assertThat(get("/api/v3/ticker?symbol=BTCUSDT&windowSize=60m").body()).contains("\"code\":-1100");
        assertThat(get("/api/v3/uiKlines?symbol=BTCUSDT&interval=1s&limit=1").body()).startsWith("[[");
        final JsonNode book = BinanceAnswers.JSON.readTree(get("/api/v3/ticker/bookTicker").body());
        assertThat(new BigDecimal(book.get(0).path("bidPrice").asText()))
            .isLessThan(new BigDecimal(book.get(0).path("askPrice").asText()));

        assertThat(get("/api/v3/klines?symbol=BTCUSDT&interval=7m").body()).isEqualTo("{\"code\":-1120,\"msg\":\"Invalid interval.\"}");
        assertThat(get("/api/v3/trades").body()).contains("\"code\":-1102").contains("'symbol'");
        assertThat(get("/api/v3/depth?symbol=BTCUSDT&limit=abc").body()).contains("\"code\":-1100");
    }

    @Test
    void otherPathsGoToTheTradingApiAndWhatNeitherServesIs404() throws Exception
    {
        final List<String> asked = new ArrayList<>();
        exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT"), 7).withTradingApi(new RecordingTradingApi(asked)).start();
        final HttpResponse<String> account = http.send(HttpRequest.newBuilder(exchange.restBase().resolve(
            "/api/v3/order?symbol=BTCUSDT")).POST(HttpRequest.BodyPublishers.ofString("side=BUY&type=MARKET"))
            .header("X-MBX-APIKEY", "k").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.headers().firstValue("x-mbx-used-weight-1m")).hasValue("1");
        assertThat(asked).containsExactly("POST /api/v3/order symbol=BTCUSDT side=BUY&type=MARKET k");
        final HttpResponse<String> missing = get("/api/v3/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("x-mbx-used-weight")).isPresent();
    }

    @Test
    void pastTheWeightLimitA429ThenA418ForAClientThatKeepsGoing() throws Exception
    {
        exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT"), 7).withRequestWeightLimit(2).start();
        assertThat(get("/api/v3/ping").statusCode()).isEqualTo(200);
        assertThat(get("/api/v3/ping").statusCode()).isEqualTo(200);
        final HttpResponse<String> limited = get("/api/v3/ping");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).isPresent();
        assertThat(limited.body()).contains("\"code\":-1003");
        int status = 429;
        for (int i = 0; i < RequestWeightLimit.REQUESTS_TOLERATED_AFTER_429 && status == 429; i++)
        {
            status = get("/api/v3/ping").statusCode();
        }
        assertThat(status).isEqualTo(418);
    }

    @Test
    void aReplayedCaptureFeedsTheRestEndpointsAndRawClientsGetItsEventsUnwrapped(@TempDir final Path temp) throws Exception
    {
        final long t0 = 1_723_100_000_000_000_000L;
        final Path capture = Files.writeString(temp.resolve("capture.txt"), String.join("\n",
            t0 + " {\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":9,\"s\":\"BTCUSDT\",\"b\":\"61000.10\",\"B\":\"1.5\"," +
                "\"a\":\"61000.20\",\"A\":\"2\"}}",
            (t0 + 1) + " {\"lastUpdateId\":8,\"bids\":[[\"61000.10\",\"1.5\"]],\"asks\":[[\"61000.20\",\"2\"]]}",
            (t0 + 2) + " {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723100000000,\"s\":\"BTCUSDT\"," +
                "\"t\":77,\"p\":\"61000.20\",\"q\":\"0.5\",\"T\":1723100000000,\"m\":false,\"M\":true}}") + "\n");
        exchange = BinanceSimulatedExchange.replaying(capture, 0).start();
        try (StreamClient raw = new StreamClient(exchange.streamBase(), "/ws/btcusdt@trade"))
        {
            assertThat(raw.await("the recorded trade", text -> text.contains("\"t\":77"))).startsWith("{\"e\":\"trade\"");
        }
        final JsonNode trades = BinanceAnswers.JSON.readTree(get("/api/v3/trades?symbol=BTCUSDT").body());
        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).path("id").asLong()).isEqualTo(77);
        assertThat(trades.get(0).path("quoteQty").asText()).isEqualTo("30500.10000000");
        final JsonNode book = BinanceAnswers.JSON.readTree(get("/api/v3/ticker/bookTicker?symbol=BTCUSDT").body());
        assertThat(book.path("bidPrice").asText()).isEqualTo("61000.10000000");
        assertThat(exchange.market().lastPrice("BTCUSDT")).isEqualByComparingTo("61000.20");
    }

    private HttpResponse<String> get(final String pathAndQuery) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create(exchange.restBase() + pathAndQuery)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** A trading API that answers every request with 200 and records what it was asked. */
    private record RecordingTradingApi(List<String> asked) implements BinanceApiExtension
    {
        @Override
        public BinanceHttpAnswer answer(final BinanceHttpRequest request)
        {
            if (!request.path().equals("/api/v3/order"))
            {
                return null;
            }
            asked.add(request.method() + " " + request.path() + " " + request.rawQuery() + " " + request.body() + " " +
                request.headers().get("x-mbx-apikey"));
            return new BinanceHttpAnswer(200, Map.of("x-mbx-used-weight-1m", "1"), "{}");
        }

        @Override
        public boolean servesUserStream(final String name)
        {
            return false;
        }

        @Override
        public void openUserStream(final String name, final UserStreamSink sink)
        {
        }

        @Override
        public void closeUserStream(final String name, final UserStreamSink sink)
        {
        }

        @Override
        public void onMarket(final String symbol, final BinanceMarketView market)
        {
        }
    }
}
