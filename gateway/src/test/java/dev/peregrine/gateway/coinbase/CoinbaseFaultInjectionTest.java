package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.ws.ConnectionState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
    private static final List<String> PRODUCTS = SimulatorFeed.PRODUCTS;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    final SimulatorFeed feed = new SimulatorFeed();

    @BeforeEach
    void connect()
    {
        feed.start(50, 3, SimulatorFeed.config("heartbeats", "ticker", "market_trades")
            .withStaleness(Duration.ofMillis(400), Duration.ofMillis(50)));
        Await.until("data for every product", WAIT, () -> PRODUCTS.stream().allMatch(p ->
            feed.recording.drain().stream().anyMatch(e -> e.type == EventType.QUOTE && e.instrumentId == feed.registry.idOf(p))));
    }

    @Test
    void aLostConnectionIsAGapThenReconnectsAndRecovers()
    {
        assertThat(feed.exchange.faults().disconnectAll()).isEqualTo(1);

        Await.until("a reconnection", WAIT, () -> feed.metrics.reconnects() == 1 && feed.client.isConnected());
        awaitRecoveredAfterGap();
        final List<InboundEvent> gaps = ofType(EventType.FEED_GAP);
        assertThat(gaps).hasSize(PRODUCTS.size()).allMatch(e -> e.expectedSequence == 0);
        assertThat(feed.metrics.reconnectAttempts()).isGreaterThanOrEqualTo(1);
        assertThat(feed.metrics.connects()).isEqualTo(2);
        assertThat(feed.client.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aStallIsStaleThenRecovered()
    {
        feed.exchange.faults().stall(Duration.ofMillis(1500));

        Await.until("FEED_STALE then FEED_RECOVERED for every product", WAIT, () -> PRODUCTS.stream().allMatch(p ->
            indexOf(EventType.FEED_STALE, p, 0) >= 0 &&
            indexOf(EventType.FEED_RECOVERED, p, indexOf(EventType.FEED_STALE, p, 0)) >= 0));
        assertThat(ofType(EventType.FEED_STALE)).hasSize(PRODUCTS.size()).allMatch(e -> e.staleNanos > 400_000_000L);
        assertThat(feed.metrics.staleEpisodes()).isEqualTo(PRODUCTS.size());
        assertThat(feed.metrics.staleInstruments()).isZero();
        assertThat(feed.client.isConnected()).isTrue();
        assertThat(feed.metrics.reconnects()).isZero();
    }

    @Test
    void aSequenceGapIsPublishedThenRecovered()
    {
        assertThat(feed.exchange.faults().skipSequence(5)).isEqualTo(1);

        awaitRecoveredAfterGap();
        final List<InboundEvent> gaps = ofType(EventType.FEED_GAP);
        assertThat(gaps).hasSize(PRODUCTS.size()).allMatch(e -> e.venueSequence == e.expectedSequence + 5);
        assertThat(feed.metrics.sequenceGaps()).isEqualTo(1);
        assertThat(feed.metrics.reconnects()).isZero();
        assertThat(feed.client.isConnected()).isTrue();
    }

    @Test
    void garbageIsCountedAndTheConnectionStays()
    {
        assertThat(feed.exchange.faults().sendGarbage()).isEqualTo(1);

        Await.until("the garbage to be counted", WAIT, () -> feed.metrics.framesDropped(DropReason.MALFORMED_JSON) == 1);
        final long published = feed.metrics.eventsPublished();
        Await.until("data after the garbage", WAIT, () -> feed.metrics.eventsPublished() > published + 10);
        assertThat(feed.client.isConnected()).isTrue();
        assertThat(feed.metrics.disconnects()).isZero();
        assertThat(ofType(EventType.FEED_GAP)).isEmpty();
    }

    @Test
    void anOversizedFrameIsCountedAndTheClientReconnects()
    {
        assertThat(feed.exchange.faults().sendOversized(CoinbaseMarketDataDecoder.DEFAULT_MAX_FRAME_BYTES + 1024)).isEqualTo(1);

        Await.until("the oversized frame to be counted", WAIT, () -> feed.metrics.framesDropped(DropReason.OVERSIZED_FRAME) == 1);
        Await.until("a reconnection", WAIT, () -> feed.metrics.reconnects() == 1 && feed.client.isConnected());
        awaitRecoveredAfterGap();
    }

    private void awaitRecoveredAfterGap()
    {
        Await.until("FEED_GAP then FEED_RECOVERED for every product", WAIT, () -> PRODUCTS.stream().allMatch(p ->
            indexOf(EventType.FEED_GAP, p, 0) >= 0 &&
            indexOf(EventType.FEED_RECOVERED, p, indexOf(EventType.FEED_GAP, p, 0)) >= 0));
        assertThat(feed.metrics.recoveringInstruments()).isZero();
    }

    private int indexOf(final int type, final String product, final int from)
    {
        final List<InboundEvent> events = feed.recording.drain();
        for (int i = Math.max(from, 0); i < events.size(); i++)
        {
            if (events.get(i).type == type && events.get(i).instrumentId == feed.registry.idOf(product))
            {
                return i;
            }
        }
        return -1;
    }

    private List<InboundEvent> ofType(final int type)
    {
        return feed.recording.drain().stream().filter(e -> e.type == type).toList();
    }
}
