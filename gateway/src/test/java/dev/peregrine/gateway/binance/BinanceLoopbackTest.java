package dev.peregrine.gateway.binance;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.gateway.sim.binance.BinanceSimulatedExchange;
import dev.peregrine.gateway.testing.Await;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real client against the Binance simulator over loopback sockets, into a real ring and consumer. */
class BinanceLoopbackTest
{
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final BinanceMetrics metrics = new BinanceMetrics();
    private BookBuilder builder;
    private Disruptor<InboundEvent> disruptor;
    private BinanceSimulatedExchange exchange;
    private BinanceMarketDataClient client;

    @AfterEach
    void tearDown() throws Exception
    {
        if (client != null)
        {
            client.close();
        }
        if (exchange != null)
        {
            exchange.close();
        }
        if (disruptor != null)
        {
            disruptor.shutdown(5, TimeUnit.SECONDS);
        }
    }

    private void connect(final List<String> symbols)
    {
        final InstrumentRegistry registry = BinanceProducts.CATALOG.registryFor(symbols);
        builder = new BookBuilder(symbols.size());
        disruptor = new Disruptor<>(InboundEvent::new, 1 << 14, new DefaultThreadFactory("test-core"),
            ProducerType.MULTI, new BlockingWaitStrategy());
        disruptor.handleEventsWith(builder);
        client = new BinanceMarketDataClient(exchange.streamBase(), exchange.restBase(), symbols, registry,
            disruptor.start(), metrics);
        client.start();
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void theReplayedCaptureBuildsTheSameBookOverSockets() throws Exception
    {
        final BinanceCaptureReading expected = BinanceCaptureReading.of(
            ExternalResources.sharedDataFile(BinanceCaptureReading.FILE));
        exchange = BinanceSimulatedExchange.replaying(
            ExternalResources.sharedDataFile(BinanceCaptureReading.FILE), 0).start();
        connect(List.of("BTCUSDT"));
        final long expectedEvents = expected.trades.size() + expected.bookTickers.size();
        awaitUntil("the whole capture", () ->  exchange.finishedReplays() == 1 &&
            metrics.framesReceived(BinanceStream.DEPTH) == expected.depthDiffs &&
            builder.trades.size() + builder.quotes.size() == expectedEvents &&
            builder.events == metrics.eventsPublished());
        client.close();
        disruptor.shutdown(5, TimeUnit.SECONDS);

        assertThat(metrics.framesDroppedTotal()).isZero();
        assertThat(metrics.framesReceived(BinanceStream.TRADE)).isEqualTo(expected.trades.size());
        assertThat(metrics.framesReceived(BinanceStream.BOOK_TICKER)).isEqualTo(expected.bookTickers.size());
        assertThat(metrics.diffsApplied()).isEqualTo(expected.diffsApplied);
        assertThat(metrics.feedGaps()).isZero();
        assertThat(metrics.snapshotsApplied()).isEqualTo(1);
        assertThat(builder.trades).hasSize(expected.trades.size());
        assertThat(builder.quotes).hasSize(expected.bookTickers.size());
        assertThat(builder.trades.get(builder.trades.size() - 1).tradeId)
            .isEqualTo(BinanceCaptureReading.integer(expected.trades.get(expected.trades.size() - 1).get("t")));
        assertThat(builder.feedEvents).isEmpty();
        assertThat(builder.crossed).isZero();
        expected.assertEventBookEquals(builder, 0);
        assertThat(builder.books[0].isSynced()).isTrue();
    }

    private void awaitUntil(final String what, final java.util.function.BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("timed out waiting for " + what + ": " + diagnose());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
    }

    private String diagnose()
    {
        return "replays finished " + exchange.finishedReplays() + ", frames sent " + exchange.replayedFrames() +
            ", depth frames " + metrics.framesReceived(BinanceStream.DEPTH) + ", trades " + builder.trades.size() +
            ", quotes " + builder.quotes.size() + ", events " + builder.events + "/" + metrics.eventsPublished() +
            ", snapshots requested " + metrics.snapshotsRequested() + " applied " + metrics.snapshotsApplied() +
            " failed " + metrics.snapshotsFailed() + ", dropped " + metrics.framesDroppedTotal();
    }

    @Test
    void aGeneratedMarketSyncsAndADroppedDiffIsAGapThenARecovery()
    {
        exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT", "ETHUSDT"), 42).start();
        connect(List.of("BTCUSDT", "ETHUSDT"));
        Await.until("both books synced and trading", WAIT, () -> builder.snapshotsEnded >= 2 &&
            builder.books[0].isSynced() && builder.books[1].isSynced() && builder.trades.size() > 20 &&
            metrics.diffsApplied() > 4);
        assertThat(builder.quotes).isNotEmpty();
        for (int id = 0; id < 2; id++)
        {
            final var bids = builder.eventBids.get(id);
            final var asks = builder.eventAsks.get(id);
            assertThat(bids.firstKey()).as("best bid < best ask").isLessThan(asks.firstKey());
        }

        exchange.dropNextDepthDiff();
        Await.until("a gap and a recovery", WAIT, () -> builder.feedEvents.stream()
            .anyMatch(e -> e.type == EventType.FEED_RECOVERED));
        final List<InboundEvent> feed = List.copyOf(builder.feedEvents);
        assertThat(feed.get(0).type).isEqualTo(EventType.FEED_GAP);
        assertThat(feed.get(0).venueSequence).isGreaterThan(feed.get(0).expectedSequence);
        final InboundEvent recovered = feed.stream().filter(e -> e.type == EventType.FEED_RECOVERED).findFirst().orElseThrow();
        assertThat(recovered.instrumentId).isEqualTo(feed.get(0).instrumentId);
        assertThat(metrics.feedGaps()).isEqualTo(1);
        assertThat(metrics.snapshotsApplied()).isGreaterThanOrEqualTo(3);
        Await.until("the resynced book keeps updating", WAIT, () -> metrics.diffsApplied() > 10 &&
            builder.books[feed.get(0).instrumentId].isSynced());
        assertThat(builder.crossed).isZero();
        assertThat(metrics.framesDroppedTotal()).isZero();
    }

    @Test
    void aConnectFailureNamesTheUri()
    {
        final InstrumentRegistry registry = BinanceProducts.CATALOG.registryFor(List.of("BTCUSDT"));
        final BinanceMarketDataClient dead = new BinanceMarketDataClient(URI.create("ws://127.0.0.1:1"),
            URI.create("http://127.0.0.1:1"), List.of("BTCUSDT"), registry,
            com.lmax.disruptor.RingBuffer.createMultiProducer(InboundEvent::new, 16), metrics);
        assertThatThrownBy(dead::start).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("ws://127.0.0.1:1/stream?streams=btcusdt@trade/btcusdt@bookTicker/btcusdt@depth@100ms");
        dead.close();
        dead.close();
        assertThat(dead.isConnected()).isFalse();
    }
}
