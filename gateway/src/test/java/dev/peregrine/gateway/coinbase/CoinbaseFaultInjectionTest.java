package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.sim.SimulatedExchange;
import dev.peregrine.gateway.sim.SimulatedExchangeConfig;
import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.testing.RecordingRing;
import dev.peregrine.gateway.ws.ConnectionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into the simulator over real loopback sockets, the real client, a real ring: the
 * feed-health events the core would see, in order, per instrument. The simulator serves no level2 yet,
 * so recovery here is "data flows again"; the snapshot path is covered by FeedHealthMonitorTest.
 */
class CoinbaseFaultInjectionTest
{
    private static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final InstrumentRegistry registry = CoinbaseProducts.CATALOG.registryFor(PRODUCTS);
    private final RecordingRing recording = new RecordingRing(1 << 16);
    private final GatewayMetrics metrics = new GatewayMetrics();
    private SimulatedExchange exchange;
    private CoinbaseMarketDataClient client;

    @BeforeEach
    void connect()
    {
        exchange = new SimulatedExchange(SimulatedExchangeConfig.forProducts(PRODUCTS).withTradesPerSecond(50).withSeed(3));
        exchange.start();
        final CoinbaseClientConfig config = CoinbaseClientConfig.defaults()
            .withChannels(List.of("heartbeats", "ticker", "market_trades"))
            .withStaleness(Duration.ofMillis(400), Duration.ofMillis(50))
            .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(1))
            .withSubscribeSpacing(Duration.ofMillis(20))
            .withJitterSeed(1);
        client = new CoinbaseMarketDataClient(exchange.uri(), PRODUCTS, registry, recording.ring(), metrics, config);
        client.start();
        Await.until("data for every product", WAIT, () -> PRODUCTS.stream().allMatch(p ->
            recording.drain().stream().anyMatch(e -> e.type == EventType.QUOTE && e.instrumentId == registry.idOf(p))));
    }

    @AfterEach
    void tearDown()
    {
        client.close();
        exchange.close();
    }

    @Test
    void aLostConnectionIsAGapThenReconnectsAndRecovers()
    {
        assertThat(exchange.faults().disconnectAll()).isEqualTo(1);

        Await.until("a reconnection", WAIT, () -> metrics.reconnects() == 1 && client.isConnected());
        awaitRecoveredAfterGap();
        final List<InboundEvent> gaps = ofType(EventType.FEED_GAP);
        assertThat(gaps).hasSize(PRODUCTS.size()).allMatch(e -> e.expectedSequence == 0);
        assertThat(metrics.reconnectAttempts()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.connects()).isEqualTo(2);
        assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aStallIsStaleThenRecovered()
    {
        exchange.faults().stall(Duration.ofMillis(1500));

        Await.until("FEED_STALE then FEED_RECOVERED for every product", WAIT, () -> PRODUCTS.stream().allMatch(p ->
            indexOf(EventType.FEED_STALE, p, 0) >= 0 &&
            indexOf(EventType.FEED_RECOVERED, p, indexOf(EventType.FEED_STALE, p, 0)) >= 0));
        assertThat(ofType(EventType.FEED_STALE)).hasSize(PRODUCTS.size()).allMatch(e -> e.staleNanos > 400_000_000L);
        assertThat(metrics.staleEpisodes()).isEqualTo(PRODUCTS.size());
        assertThat(metrics.staleInstruments()).isZero();
        assertThat(client.isConnected()).isTrue();
        assertThat(metrics.reconnects()).isZero();
    }

    @Test
    void aSequenceGapIsPublishedThenRecovered()
    {
        assertThat(exchange.faults().skipSequence(5)).isEqualTo(1);

        awaitRecoveredAfterGap();
        final List<InboundEvent> gaps = ofType(EventType.FEED_GAP);
        assertThat(gaps).hasSize(PRODUCTS.size()).allMatch(e -> e.venueSequence == e.expectedSequence + 5);
        assertThat(metrics.sequenceGaps()).isEqualTo(1);
        assertThat(metrics.reconnects()).isZero();
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void garbageIsCountedAndTheConnectionStays()
    {
        assertThat(exchange.faults().sendGarbage()).isEqualTo(1);

        Await.until("the garbage to be counted", WAIT, () -> metrics.framesDropped(DropReason.MALFORMED_JSON) == 1);
        final long published = metrics.eventsPublished();
        Await.until("data after the garbage", WAIT, () -> metrics.eventsPublished() > published + 10);
        assertThat(client.isConnected()).isTrue();
        assertThat(metrics.disconnects()).isZero();
        assertThat(ofType(EventType.FEED_GAP)).isEmpty();
    }

    @Test
    void anOversizedFrameIsCountedAndTheClientReconnects()
    {
        assertThat(exchange.faults().sendOversized(CoinbaseMarketDataDecoder.DEFAULT_MAX_FRAME_BYTES + 1024)).isEqualTo(1);

        Await.until("the oversized frame to be counted", WAIT, () -> metrics.framesDropped(DropReason.OVERSIZED_FRAME) == 1);
        Await.until("a reconnection", WAIT, () -> metrics.reconnects() == 1 && client.isConnected());
        awaitRecoveredAfterGap();
    }

    private void awaitRecoveredAfterGap()
    {
        Await.until("FEED_GAP then FEED_RECOVERED for every product", WAIT, () -> PRODUCTS.stream().allMatch(p ->
            indexOf(EventType.FEED_GAP, p, 0) >= 0 &&
            indexOf(EventType.FEED_RECOVERED, p, indexOf(EventType.FEED_GAP, p, 0)) >= 0));
        assertThat(metrics.recoveringInstruments()).isZero();
    }

    private int indexOf(final int type, final String product, final int from)
    {
        final List<InboundEvent> events = recording.drain();
        for (int i = Math.max(from, 0); i < events.size(); i++)
        {
            if (events.get(i).type == type && events.get(i).instrumentId == registry.idOf(product))
            {
                return i;
            }
        }
        return -1;
    }

    private List<InboundEvent> ofType(final int type)
    {
        return recording.drain().stream().filter(e -> e.type == type).toList();
    }
}
