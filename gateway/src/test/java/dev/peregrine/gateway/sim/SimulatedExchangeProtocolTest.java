package dev.peregrine.gateway.sim;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.coinbase.CoinbaseProducts;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.testing.TestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Talks to the simulator with the JDK's own WebSocket client (independent of the gateway's Netty
 * client) and checks the wire format against what the real Coinbase capture shows.
 */
class SimulatedExchangeProtocolTest
{
    private static final String RFC3339 = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{0,8}[1-9])?Z";
    /** The keys of a real ticker entry, in the capture's order. */
    private static final List<String> TICKER_KEYS = List.of("type", "product_id", "price", "volume_24_h", "low_24_h",
        "high_24_h", "low_52_w", "high_52_w", "price_percent_chg_24_h", "best_bid", "best_ask", "best_bid_quantity",
        "best_ask_quantity");
    private static final List<String> TRADE_KEYS = List.of("product_id", "trade_id", "price", "size", "time", "side");

    @RegisterExtension
    final SimulatorClient client = new SimulatorClient();

    @Test
    void speaksTheCoinbaseProtocolAsTheCaptureShowsIt() throws Exception
    {
        final SimulatedExchange exchange = new SimulatedExchange(SimulatedExchangeConfig.forProducts(List.of("BTC-USD", "XRP-USD")).withTradesPerSecond(20));
        client.connect(exchange);
        for (final String channel : List.of("heartbeats", "ticker", "market_trades"))
        {
            client.subscribe(channel, "BTC-USD", "XRP-USD");
        }
        Await.until("a heartbeat and trade updates", Duration.ofSeconds(15), () ->
            client.received().stream().anyMatch(m -> m.startsWith("{\"channel\":\"heartbeats\"")) &&
            client.received().stream().filter(m -> m.contains("\"update\",\"trades\"")).count() >= 4);

        final List<Map<String, Object>> frames = new ArrayList<>();
        for (final String text : client.received())
        {
            frames.add(TestJson.object(text));
        }
        // One sequence counter per connection, shared by all channels, starting at 0.
        for (int i = 0; i < frames.size(); i++)
        {
            assertThat(frames.get(i).keySet()).containsExactly("channel", "timestamp", "sequence_num", "events");
            assertThat(((BigDecimal)frames.get(i).get("sequence_num")).longValueExact()).isEqualTo(i);
            assertThat((String)frames.get(i).get("timestamp")).matches(RFC3339);
        }
        // Subscribe order: heartbeats confirmation, ticker snapshots then confirmation, trades snapshots then confirmation.
        // (Updates and heartbeats may interleave with the answers to the three requests: leave them out.)
        final List<Map<String, Object>> answers = frames.stream()
            .filter(f -> !"update".equals(events(f).get(0).get("type")) && !"heartbeats".equals(f.get("channel")))
            .toList();
        assertThat(answers.subList(0, 7)).extracting(f -> f.get("channel")).containsExactly(
            "subscriptions", "ticker", "ticker", "subscriptions", "market_trades", "market_trades", "subscriptions");
        assertThat(events(answers.get(6)).get(0).toString())
            .isEqualTo("{subscriptions={heartbeats=[heartbeats], market_trades=[BTC-USD, XRP-USD], ticker=[BTC-USD, XRP-USD]}}");

        int heartbeats = 0;
        for (final Map<String, Object> frame : frames)
        {
            final String channel = (String)frame.get("channel");
            final Map<String, Object> event = events(frame).get(0);
            if ("ticker".equals(channel))
            {
                final Map<String, Object> ticker = list(event.get("tickers")).get(0);
                assertThat(ticker.keySet()).containsExactlyElementsOf(TICKER_KEYS);
                assertThat(new BigDecimal((String)ticker.get("best_bid"))).isLessThan(new BigDecimal((String)ticker.get("best_ask")));
                assertOnIncrement(ticker, "best_bid", "best_bid_quantity");
            }
            else if ("market_trades".equals(channel))
            {
                final List<Map<String, Object>> trades = list(event.get("trades"));
                assertThat(trades).hasSize("snapshot".equals(event.get("type")) ? 100 : 1);
                for (final Map<String, Object> trade : trades)
                {
                    assertThat(trade.keySet()).containsExactlyElementsOf(TRADE_KEYS);
                    assertThat((String)trade.get("trade_id")).matches("[0-9]+");
                    assertThat((String)trade.get("side")).isIn("BUY", "SELL");
                    assertThat((String)trade.get("time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{0,5}[1-9])?Z");
                    assertThat(Instant.parse((String)trade.get("time"))).isBefore(Instant.now().plusSeconds(1));
                    assertOnIncrement(trade, "price", "size");
                }
            }
            else if ("heartbeats".equals(channel))
            {
                assertThat(event.keySet()).containsExactly("current_time", "heartbeat_counter");
                assertThat((String)event.get("current_time"))
                    .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{0,8}[1-9])? \\+0000 UTC m=\\+\\d+\\.\\d{9}");
                assertThat(event.get("heartbeat_counter")).isInstanceOf(BigDecimal.class);
                heartbeats++;
            }
        }
        assertThat(heartbeats).isPositive();
    }

    @Test
    void answersAnUnknownProductWithAnError() throws Exception
    {
        final SimulatedExchange exchange = new SimulatedExchange(SimulatedExchangeConfig.forProducts(List.of("ETH-USD")));
        client.connect(exchange);
        client.subscribe("ticker", "BTC-USD");
        Await.until("an answer", Duration.ofSeconds(10), () -> !client.received().isEmpty());
        assertThat(TestJson.object(client.received().get(0))).containsEntry("type", "error");
        assertThat(exchange.sessionCount()).isEqualTo(1);
        exchange.close();
        exchange.close(); // idempotent: the second (and the extension's third) does nothing
    }

    @Test
    void aUserSubscribeOnTheMarketDataHostIsAnErrorFrameNamingTheUserDataEndpoint() throws Exception
    {
        final SimulatedExchange exchange = new SimulatedExchange(SimulatedExchangeConfig.forProducts(List.of("ETH-USD")));
        client.connect(exchange);
        client.subscribe("user", "ETH-USD");
        Await.until("an answer", Duration.ofSeconds(10), () -> !client.received().isEmpty());
        final Map<String, Object> answer = TestJson.object(client.received().get(0));
        assertThat(answer).containsEntry("type", "error");
        assertThat((String)answer.get("message")).contains("user-data endpoint");
        exchange.close();
    }

    @Test
    void snapshotsShowTheGeneratedBookTradesAndRange() throws Exception
    {
        final SimulatedExchange exchange = new SimulatedExchange(SimulatedExchangeConfig.forProducts(List.of("ETH-USD")));
        client.connect(exchange);
        final MarketSnapshot eth = exchange.snapshots(5).get("ETH-USD");
        assertThat(eth.bids()).hasSize(5);
        assertThat(eth.asks()).hasSize(5);
        assertThat(eth.bid()).isEqualTo(eth.bids().get(0).price()).isLessThan(eth.ask());
        assertThat(eth.bids().get(0).price()).isGreaterThan(eth.bids().get(1).price());
        assertThat(eth.trades()).isNotEmpty();
        assertThat(eth.trades().get(0).price()).isEqualTo(eth.last());
        assertThat(eth.trades().get(0).tradeId()).isGreaterThan(eth.trades().get(eth.trades().size() - 1).tradeId());
        assertThat(eth.low24h()).isLessThanOrEqualTo(eth.last()).isLessThanOrEqualTo(eth.high24h());
        exchange.close();
        assertThat(exchange.snapshots(5)).isEmpty();
    }

    @Test
    void rejectsProductsItDoesNotKnow()
    {
        assertThatThrownBy(() -> new SimulatedExchange(SimulatedExchangeConfig.forProducts(List.of("BTC-USD", "FOO-BAR"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unknown product 'FOO-BAR'")
            .hasMessageContaining("BTC-USD");
        assertThatThrownBy(() -> SimulatedExchangeConfig.forProducts(List.of("BTC-USD")).withTradesPerSecond(0))
            .hasMessageContaining("tradesPerSecond");
    }

    private static void assertOnIncrement(final Map<String, Object> entry, final String priceKey, final String sizeKey)
    {
        final ProductCatalog.Product product = CoinbaseProducts.CATALOG.find((String)entry.get("product_id"));
        assertThat(FixedPoint.parse((String)entry.get(priceKey)) % product.priceIncrement()).isZero();
        assertThat(FixedPoint.parse((String)entry.get(sizeKey)) % product.sizeIncrement()).isZero();
        assertThat(FixedPoint.parse((String)entry.get(sizeKey))).isPositive();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(final Map<String, Object> frame)
    {
        return (List<Map<String, Object>>)frame.get("events");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(final Object value)
    {
        return (List<Map<String, Object>>)value;
    }
}
