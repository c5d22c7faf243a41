package dev.peregrine.gateway.binance;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.testing.ExternalResources;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.peregrine.gateway.binance.BinanceCaptureReading.integer;
import static dev.peregrine.gateway.binance.BinanceCaptureReading.scaled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line of the real Binance capture through the decoder and the book sync, without sockets; the
 * snapshot line is handed over where it was recorded. Compared with {@link BinanceCaptureReading}.
 */
class BinanceCaptureDecodeTest
{
    @Test
    void theRealCaptureDecodesToTheIndependentReading() throws Exception
    {
        final BinanceCaptureReading expected = BinanceCaptureReading.of(
            ExternalResources.sharedDataFile(BinanceCaptureReading.FILE));
        final InstrumentRegistry registry = BinanceProducts.CATALOG.registryFor(List.of("BTCUSDT"));
        final RingBuffer<InboundEvent> ring = RingBuffer.createSingleProducer(InboundEvent::new, 1 << 14);
        final EventPoller<InboundEvent> poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        final BinanceMetrics metrics = new BinanceMetrics();
        final int[] snapshotRequests = new int[1];
        final BinanceMarketDataDecoder decoder = new BinanceMarketDataDecoder(
            registry, ring, metrics, id -> snapshotRequests[0]++);
        final BookBuilder builder = new BookBuilder(1);

        for (int i = 0; i < expected.jsons.size(); i++)
        {
            final byte[] line = expected.jsons.get(i).getBytes(StandardCharsets.UTF_8);
            final long time = expected.times.get(i)[0];
            if (expected.jsons.get(i).startsWith("{\"lastUpdateId\""))
            {
                decoder.onDepthSnapshot(0, line, 0, line.length, time, 0);
            }
            else
            {
                decoder.decode(line, 0, line.length, time, 0);
            }
            poller.poll((event, sequence, endOfBatch) ->
            {
                builder.onEvent(event, sequence, endOfBatch);
                return true;
            });
        }

        assertThat(expected.trades).hasSize(9_757);
        assertThat(expected.bookTickers).hasSize(28_040);
        assertThat(expected.depthDiffs).isEqualTo(3_451);
        assertThat(expected.chainBreaks).isZero();
        assertThat(metrics.framesDroppedTotal()).isZero();
        assertThat(metrics.framesReceived(BinanceStream.TRADE)).isEqualTo(expected.trades.size());
        assertThat(metrics.framesReceived(BinanceStream.BOOK_TICKER)).isEqualTo(expected.bookTickers.size());
        assertThat(metrics.framesReceived(BinanceStream.DEPTH)).isEqualTo(expected.depthDiffs);
        assertThat(metrics.diffsApplied()).isEqualTo(expected.diffsApplied);
        assertThat(metrics.diffsApplied() + metrics.diffsStale()).isEqualTo(expected.depthDiffs);
        assertThat(metrics.feedGaps()).isZero();
        assertThat(metrics.snapshotsApplied()).isEqualTo(1);
        assertThat(snapshotRequests[0]).isEqualTo(1);
        assertThat(builder.feedEvents).isEmpty();

        assertThat(builder.trades).hasSize(expected.trades.size());
        for (int i = 0; i < builder.trades.size(); i++)
        {
            final InboundEvent e = builder.trades.get(i);
            final Map<String, Object> t = expected.trades.get(i);
            assertThat(e.type).isEqualTo(EventType.TRADE);
            assertThat(e.instrumentId).isZero();
            assertThat(e.tradeId).isEqualTo(integer(t.get("t")));
            assertThat(e.venueSequence).isEqualTo(integer(t.get("t")));
            assertThat(e.price).isEqualTo(scaled(t.get("p")));
            assertThat(e.quantity).isEqualTo(scaled(t.get("q")));
            assertThat(e.exchangeTimeNanos).isEqualTo(integer(t.get("T")) * 1_000_000L);
            assertThat(e.side).as("maker side of %s", t).isEqualTo((Boolean)t.get("m") ? Side.BUY : Side.SELL);
        }
        assertThat(builder.quotes).hasSize(expected.bookTickers.size());
        for (int i = 0; i < builder.quotes.size(); i++)
        {
            final InboundEvent e = builder.quotes.get(i);
            final Map<String, Object> q = expected.bookTickers.get(i);
            assertThat(e.venueSequence).isEqualTo(integer(q.get("u")));
            assertThat(e.bidPrice).isEqualTo(scaled(q.get("b")));
            assertThat(e.bidQuantity).isEqualTo(scaled(q.get("B")));
            assertThat(e.askPrice).isEqualTo(scaled(q.get("a")));
            assertThat(e.askQuantity).isEqualTo(scaled(q.get("A")));
            assertThat(e.price).isZero();
        }
        assertThat(builder.snapshotsEnded).isEqualTo(1);
        assertThat(builder.crossed).isZero();
        expected.assertEventBookEquals(builder, 0);
        assertThat(builder.books[0].isSynced()).isTrue();
        lastBuilder = builder;
    }

    private static BookBuilder lastBuilder;

    /**
     * The same book in core's {@code OrderBook}, built from the decoder's events, against the
     * independent reading: every level of both sides. (This test caught an inverted comparison in
     * {@code BookSide.find}'s near-touch scan, since fixed.)
     */
    @Test
    void theCoreOrderBookEqualsTheIndependentReading() throws Exception
    {
        theRealCaptureDecodesToTheIndependentReading();
        BinanceCaptureReading.of(ExternalResources.sharedDataFile(BinanceCaptureReading.FILE))
            .assertBookEquals(lastBuilder.books[0], 50);
    }
}
