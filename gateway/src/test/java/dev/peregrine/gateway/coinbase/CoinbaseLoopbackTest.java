package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.sim.SimulatedExchange;
import dev.peregrine.gateway.sim.SimulatedExchangeConfig;
import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.testing.RecordingRing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real client against the simulator over real loopback sockets, into a real ring. */
class CoinbaseLoopbackTest
{
    private static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD", "DOGE-USD");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final InstrumentRegistry registry = CoinbaseProducts.CATALOG.registryFor(PRODUCTS);
    private final RecordingRing recording = new RecordingRing(4096);
    private final GatewayMetrics metrics = new GatewayMetrics();
    private SimulatedExchange exchange;
    private CoinbaseMarketDataClient client;

    @AfterEach
    void tearDown()
    {
        if (client != null)
        {
            client.close();
        }
        if (exchange != null)
        {
            exchange.close();
        }
    }

    private void connect()
    {
        exchange = new SimulatedExchange(SimulatedExchangeConfig.forProducts(PRODUCTS).withTradesPerSecond(50).withSeed(7));
        exchange.start();
        client = new CoinbaseMarketDataClient(exchange.uri(), PRODUCTS, registry, recording.ring(), metrics);
        client.start();
    }

    @Test
    void tradesAndQuotesArriveValidAndInSequence()
    {
        connect();
        assertThat(client.isConnected()).isTrue();

        Await.until("30 update trades of every product", WAIT, () ->
            PRODUCTS.stream().allMatch(p -> recording.drain().stream()
                .filter(e -> e.type == EventType.TRADE && e.instrumentId == registry.idOf(p)).count() >= 100 + 30));
        client.close();
        Await.until("the simulator to see the disconnect", WAIT, () -> exchange.sessionCount() == 0);
        final List<InboundEvent> events = recording.drain();

        long lastSequence = -1;
        for (final InboundEvent e : events)
        {
            assertThat(e.instrumentId).isBetween(0, PRODUCTS.size() - 1);
            assertThat(e.price).as("price of %s", e).isPositive();
            assertThat(e.eventTimeNanos).isPositive();
            assertThat(e.receiveNanoTime).isNotZero();
            assertThat(e.exchangeTimeNanos).isPositive();
            assertThat(e.venueSequence).isGreaterThanOrEqualTo(lastSequence);
            lastSequence = e.venueSequence;
            if (e.type == EventType.QUOTE)
            {
                assertThat(e.bidPrice).as("bid of %s", e).isPositive().isLessThan(e.askPrice);
                assertThat(e.bidQuantity).isPositive();
                assertThat(e.askQuantity).isPositive();
                assertThat(e.bidPrice % registry.get(e.instrumentId).priceIncrement()).isZero();
            }
            else if (e.type == EventType.BOOK_LEVEL)
            {
                assertThat(e.side).isIn(Side.BUY, Side.SELL);
                assertThat(e.quantity).as("level of %s", e).isNotNegative();
                assertThat(e.price % registry.get(e.instrumentId).priceIncrement()).isZero();
            }
            else
            {
                assertThat(e.type).isEqualTo(EventType.TRADE);
                assertThat(e.quantity).isPositive();
                assertThat(e.quantity % registry.get(e.instrumentId).sizeIncrement()).isZero();
                assertThat(e.side).isIn(Side.BUY, Side.SELL);
                assertThat(e.tradeId).isPositive();
            }
        }
        assertThat(events).anyMatch(e -> e.type == EventType.QUOTE);
        assertThat(events).anyMatch(e -> e.type == EventType.BOOK_LEVEL);
        assertThat(metrics.sequenceGaps()).isZero();
        assertThat(metrics.framesDroppedTotal()).isZero();
        assertThat(metrics.entriesDroppedTotal()).isZero();
        // Six channels subscribed by default; the generated market serves heartbeats, ticker, market_trades
        // and level2, and answers status and candles with the venue's error message.
        assertThat(metrics.framesReceived(CoinbaseChannel.SUBSCRIPTIONS)).isEqualTo(4);
        assertThat(metrics.venueErrors()).isEqualTo(2);
        assertThat(metrics.eventsPublished()).isEqualTo(events.size());
        assertThat(metrics.connects()).isEqualTo(1);
        assertThat(metrics.disconnects()).isEqualTo(1);
        assertThat(client.isConnected()).isFalse();
        client.close();
    }

    @Test
    void survivesGarbageFramesAndCountsThem()
    {
        connect();
        Await.until("first events", WAIT, () -> !recording.drain().isEmpty());

        assertThat(exchange.injectTextFrame("{\"channel\":\"ticker\",\"events\":[{]")).isEqualTo(1);
        assertThat(exchange.injectTextFrame("{\"channel\":\"nope\",\"timestamp\":\"2026-08-09T21:05:48Z\",\"sequence_num\":1,\"events\":[]}"))
            .isEqualTo(1);
        assertThat(exchange.injectBinaryFrame(new byte[] {1, 2, 3})).isEqualTo(1);
        Await.until("the garbage to be counted", WAIT, () ->
            metrics.framesDropped(DropReason.MALFORMED_JSON) == 1 &&
            metrics.framesDropped(DropReason.UNKNOWN_CHANNEL) == 1 &&
            metrics.framesDropped(DropReason.BINARY_FRAME) == 1);

        final long publishedAfterGarbage = metrics.eventsPublished();
        Await.until("events after the garbage", WAIT, () -> metrics.eventsPublished() > publishedAfterGarbage + 10);
        assertThat(client.isConnected()).isTrue();
        assertThat(metrics.framesDroppedTotal()).isEqualTo(3);
    }

    @Test
    void countsAFrameAboveTheLimitAsOversized()
    {
        exchange = new SimulatedExchange(SimulatedExchangeConfig.forProducts(PRODUCTS));
        exchange.start();
        client = new CoinbaseMarketDataClient(exchange.uri(), PRODUCTS, registry, recording.ring(), metrics,
            CoinbaseClientConfig.defaults().withMaxFrameBytes(64 * 1024));
        client.start();

        exchange.injectTextFrame("{\"pad\":\"" + "x".repeat(100 * 1024) + "\"}");
        // A single frame over the payload limit is a protocol violation (RFC 6455 close 1009): counted, then closed.
        Await.until("the oversized frame to be counted", WAIT, () -> metrics.framesDropped(DropReason.OVERSIZED_FRAME) == 1);
        Await.until("the disconnect", WAIT, () -> metrics.disconnects() == 1);
        assertThat(client.isConnected()).isFalse();
    }

    @Test
    void startFailsWithAMessageNamingTheUriWhenNothingListens() throws Exception
    {
        final int freePort;
        try (ServerSocket socket = new ServerSocket(0))
        {
            freePort = socket.getLocalPort();
        }
        final URI uri = URI.create("ws://127.0.0.1:" + freePort + "/");
        client = new CoinbaseMarketDataClient(uri, PRODUCTS, registry, recording.ring(), metrics,
            CoinbaseClientConfig.defaults().withConnectTimeout(Duration.ofSeconds(2)));

        assertThatThrownBy(client::start)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("cannot connect to " + uri);
        assertThat(client.isConnected()).isFalse();
        client.close();
        client.close();
    }
}
