package dev.peregrine.gateway.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated Binance's market streams over real loopback sockets: paths, live requests, derived streams, limits. */
class BinanceStreamsTest
{
    /** Documented limits but for a message rate the tests' bursts of requests stay under. */
    private static final BinanceStreamLimits ROOMY = new BinanceStreamLimits(Duration.ofSeconds(20), Duration.ofMinutes(1),
        Duration.ofHours(24), 100, 3, 300, Duration.ofMinutes(5));

    private final List<AutoCloseable> opened = new ArrayList<>();
    private BinanceSimulatedExchange exchange;

    @AfterEach
    void tearDown() throws Exception
    {
        for (final AutoCloseable each : opened)
        {
            each.close();
        }
        if (exchange != null)
        {
            exchange.close();
        }
    }

    private StreamClient connect(final String pathAndQuery) throws Exception
    {
        final StreamClient client = new StreamClient(exchange.streamBase(), pathAndQuery);
        opened.add(client);
        return client;
    }

    @Test
    void rawStreamsCarryTheEventAloneAndCombinedStreamsWrapIt() throws Exception
    {
        exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT", "ETHUSDT"), 3).start();
        final StreamClient raw = connect("/ws/btcusdt@trade");
        final StreamClient combined = connect("/stream?streams=ethusdt@aggTrade/ethusdt@bookTicker");
        final JsonNode trade = json(raw.await("a raw trade", text -> text.contains("\"e\":\"trade\"")));
        assertThat(trade.path("s").asText()).isEqualTo("BTCUSDT");
        final JsonNode aggregate = json(combined.await("an aggTrade", text -> text.contains("@aggTrade")));
        assertThat(aggregate.path("stream").asText()).isEqualTo("ethusdt@aggTrade");
        assertThat(aggregate.path("data").path("a").asLong()).isEqualTo(aggregate.path("data").path("f").asLong());
        combined.await("a book ticker", text -> text.startsWith("{\"stream\":\"ethusdt@bookTicker\""));
        assertThat(raw.received()).allMatch(text -> text.startsWith("{\"e\":\"trade\""));
        exchange.close();
        raw.await("the raw shutdown event", text -> text.startsWith("{\"e\":\"serverShutdown\",\"E\":"));
        combined.await("the wrapped shutdown event", text -> text.startsWith("{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\""));
    }

    @Test
    void liveRequestsSubscribeListSetPropertiesAndRefuseBadOnesAsDocumented() throws Exception
    {
        exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT"), 3).withStreamLimits(ROOMY).start();
        final StreamClient client = connect("/ws");
        client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":1}");
        client.await("the subscribe answer", "{\"result\":null,\"id\":1}"::equals);
        client.await("a raw trade", text -> text.startsWith("{\"e\":\"trade\""));
        client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"list1\"}");
        client.await("the list", "{\"result\":[\"btcusdt@trade\"],\"id\":\"list1\"}"::equals);
        client.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":2}");
        client.await("the set answer", "{\"result\":null,\"id\":2}"::equals);
        client.await("a wrapped trade", text -> text.startsWith("{\"stream\":\"btcusdt@trade\""));
        client.send("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":3}");
        client.await("the property", "{\"result\":true,\"id\":3}"::equals);
        client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"a\",\"b\",\"c\"],\"id\":4}");
        client.await("too many streams", text -> text.startsWith("{\"code\":2,") && text.endsWith("\"id\":4}"));
        client.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":5}");
        client.await("the unsubscribe answer", "{\"result\":null,\"id\":5}"::equals);
        client.send("{\"method\":\"PUBLISH\",\"id\":6}");
        client.await("an unknown method", text -> text.startsWith("{\"code\":2,\"msg\":\"Invalid request: unknown variant"));
        client.send("{\"method\":\"GET_PROPERTY\",\"params\":[\"colour\"],\"id\":7}");
        client.await("an unknown property", "{\"code\":0,\"msg\":\"Unknown property\",\"id\":7}"::equals);
        client.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",\"yes\"],\"id\":8}");
        client.await("a bad value", "{\"code\":1,\"msg\":\"Invalid value type: expected Boolean\",\"id\":8}"::equals);
        client.send("{\"method\":\"SUBSCRIBE\",\"params\":[],\"id\":-1.5}");
        client.await("a bad id", text -> text.equals("{\"code\":2,\"msg\":\"Invalid request: request ID must be an unsigned integer\"}"));
        client.send("{\"method\":");
        client.await("bad JSON", text -> text.startsWith("{\"code\":3,\"msg\":\"Invalid JSON"));
    }

    @Test
    void klinesAndTickersComeOnceASecond() throws Exception
    {
        exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT"), 3).start();
        final StreamClient client = connect("/stream?streams=btcusdt@kline_1m/btcusdt@miniTicker/btcusdt@ticker/btcusdt@depth");
        final JsonNode kline = json(client.await("a kline", text -> text.contains("\"e\":\"kline\"")));
        assertThat(kline.path("data").path("k").path("i").asText()).isEqualTo("1m");
        assertThat(kline.path("data").path("k").path("n").asLong()).isPositive();
        final JsonNode ticker = json(client.await("a ticker", text -> text.contains("\"e\":\"24hrTicker\"")));
        assertThat(ticker.path("data").path("n").asLong()).isPositive();
        client.await("a mini ticker", text -> text.contains("\"e\":\"24hrMiniTicker\""));
        final JsonNode depth = json(client.await("a 1 s depth diff", text -> text.startsWith("{\"stream\":\"btcusdt@depth\"")));
        assertThat(depth.path("data").path("u").asLong()).isGreaterThanOrEqualTo(depth.path("data").path("U").asLong());
    }

    @Test
    void theServerPingsAndClosesAConnectionPastItsAgeOrItsMessageRate() throws Exception
    {
        exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT"), 3).withStreamLimits(new BinanceStreamLimits(
            Duration.ofMillis(300), Duration.ofMinutes(1), Duration.ofMillis(1_000), 5, 1024, 300, Duration.ofMinutes(5))).start();
        final StreamClient aging = connect("/ws/btcusdt@trade");
        Await.until("two pings", Duration.ofSeconds(10), () -> aging.pings() >= 2);
        Await.until("the close at the maximum age", Duration.ofSeconds(10), () -> aging.closeCode() >= 0);
        assertThat(aging.closeCode()).isEqualTo(1000);

        final StreamClient chatty = connect("/ws/btcusdt@trade");
        for (int i = 0; i < 6 && chatty.closeCode() < 0; i++)
        {
            chatty.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + i + "}");
        }
        Await.until("the close for too many messages", Duration.ofSeconds(10), () -> chatty.closeCode() == 1008);
    }

    @Test
    void aListenKeyPathIsTheTradingApisUserStream() throws Exception
    {
        final List<UserStreamSink> sinks = new ArrayList<>();
        exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT"), 3).withTradingApi(new UserStreamApi(sinks)).start();
        final StreamClient user = connect("/ws/listenKey123");
        Await.until("the user stream opened", Duration.ofSeconds(10), () -> sinks.size() == 1);
        exchange.onLoop(() -> sinks.get(0).send("{\"e\":\"outboundAccountPosition\"}"));
        user.await("the user event", "{\"e\":\"outboundAccountPosition\"}"::equals);
        assertThat(user.received()).noneMatch(text -> text.contains("\"e\":\"trade\""));
    }

    @Test
    void theWebSocketApiPathCarriesRequestsToTheTradingApiAndItsAnswersBack() throws Exception
    {
        final List<UserStreamSink> sinks = new ArrayList<>();
        exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT"), 3).withTradingApi(new UserStreamApi(sinks)).start();
        final StreamClient api = connect("/ws-api/v3");
        for (int i = 0; i < 8; i++)
        {
            api.send("{\"id\":" + i + ",\"method\":\"ping\"}");
        }
        api.await("the eighth answer", "{\"id\":7,\"status\":200,\"result\":{}}"::equals);
        assertThat(api.closeCode()).as("the market streams' message rate does not apply").isEqualTo(-1);
        assertThat(sinks).hasSize(1);
    }

    private static JsonNode json(final String text) throws Exception
    {
        return BinanceAnswers.JSON.readTree(text);
    }

    /** A trading API serving one user stream, {@code listenKey123}, and a WebSocket API that answers pings. */
    private record UserStreamApi(List<UserStreamSink> sinks) implements BinanceApiExtension
    {
        @Override
        public String webSocketApiPath()
        {
            return "/ws-api/v3";
        }

        @Override
        public void openApiSession(final UserStreamSink sink)
        {
            synchronized (sinks)
            {
                sinks.add(sink);
            }
        }

        @Override
        public void onApiRequest(final UserStreamSink sink, final String text)
        {
            final String id = text.substring(text.indexOf(':') + 1, text.indexOf(','));
            sink.send("{\"id\":" + id + ",\"status\":200,\"result\":{}}");
        }

        @Override
        public BinanceHttpAnswer answer(final BinanceHttpRequest request)
        {
            return null;
        }

        @Override
        public boolean servesUserStream(final String name)
        {
            return "listenKey123".equals(name);
        }

        @Override
        public void openUserStream(final String name, final UserStreamSink sink)
        {
            synchronized (sinks)
            {
                sinks.add(sink);
            }
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
