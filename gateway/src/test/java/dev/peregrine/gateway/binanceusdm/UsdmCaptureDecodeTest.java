package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.binance.BinanceMetrics;
import dev.peregrine.gateway.testing.BookMirror;
import dev.peregrine.gateway.testing.RecordingRing;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real USD-M capture decoded frame by frame, its four books synced by the futures rule from the recorded REST
 * snapshots, each delivered at its recorded receive time.
 */
class UsdmCaptureDecodeTest
{
    private static final List<String> SYMBOLS = List.of("SUSHIUSDT", "AKROUSDT", "KEEPUSDT", "CTKUSDT");

    @Test
    void decodesEveryFrameAndSyncsEveryBookByThePreviousUpdateIdChain()
    {
        final UsdmCapture capture = UsdmCapture.read();
        final ProductCatalog catalog = UsdmCatalogSource.parse(capture.exchangeInfo, "capture", SYMBOLS);
        final InstrumentRegistry registry = catalog.registryFor(SYMBOLS);
        final RecordingRing ring = new RecordingRing(1 << 16);
        final BinanceMetrics metrics = new BinanceMetrics();
        final UsdmMetrics usdm = new UsdmMetrics();
        final List<Integer> snapshotRequests = new ArrayList<>();
        final UsdmMarketDataDecoder decoder = new UsdmMarketDataDecoder(registry, ring.ring(), metrics, usdm,
            snapshotRequests::add);
        final BookMirror books = new BookMirror(SYMBOLS.size(), 2048);
        final Map<Integer, Integer> counts = new TreeMap<>();

        for (final UsdmCapture.Line line : capture.timeline)
        {
            final byte[] bytes = line.data().getBytes(StandardCharsets.UTF_8);
            final long receiveNanos = (long)(line.ts() * 1e9);
            if (line.url() != null)
            {
                decoder.onDepthSnapshot(registry.idOf(UsdmCapture.symbolOf(line.url())), bytes, 0, bytes.length,
                    receiveNanos, 0);
            }
            else
            {
                decoder.decode(bytes, 0, bytes.length, receiveNanos, 0);
            }
            for (final InboundEvent event : ring.drain())
            {
                counts.merge(event.type, 1, Integer::sum);
                if (event.type == EventType.BOOK_LEVEL)
                {
                    books.apply(event);
                }
            }
            ring.clear();
        }

        // The capture's frames (README section 4): depth 764, bookTicker 613, aggTrade 91, kline_1m 67 (not read).
        assertThat(usdm.frames(UsdmStream.DEPTH)).isEqualTo(764);
        assertThat(usdm.frames(UsdmStream.BOOK_TICKER)).isEqualTo(613);
        assertThat(usdm.frames(UsdmStream.AGG_TRADE)).isEqualTo(91);
        assertThat(metrics.framesDropped(DropReason.UNKNOWN_CHANNEL)).isEqualTo(67);
        assertThat(metrics.framesDroppedTotal()).isEqualTo(67);
        assertThat(counts.get(EventType.TRADE)).isEqualTo(91);
        assertThat(counts.get(EventType.QUOTE)).isEqualTo(613);
        assertThat(counts).doesNotContainKeys(EventType.FEED_GAP, EventType.MARK_PRICE);
        // Each symbol asked once, on its first buffered diff; the recorded snapshots answer. 12 diffs came before
        // their snapshot's lastUpdateId (u < lastUpdateId) and are dropped; the other 752 chain by pu = previous u.
        assertThat(snapshotRequests).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(metrics.snapshotsApplied()).isEqualTo(4);
        assertThat(metrics.diffsStale()).isEqualTo(12);
        assertThat(metrics.diffsApplied()).isEqualTo(752);
        assertThat(metrics.feedGaps()).isZero();
        for (int id = 0; id < SYMBOLS.size(); id++)
        {
            assertThat(decoder.sync(id).isSynced()).as(SYMBOLS.get(id)).isTrue();
            assertThat(books.crossed(id)).as(SYMBOLS.get(id)).isFalse();
        }
        // Book tops after the last diff, worked out from the capture by applying each symbol's snapshot and its
        // chained diffs (a quantity of 0 removes the level): SUSHIUSDT 7.6120 x 303 / 7.6160 x 267 (1006 bid levels,
        // 1000 ask levels), AKROUSDT 0.01734 x 502 / 0.01735 x 50697, KEEPUSDT 0.2463 x 249 / 0.2467 x 9047,
        // CTKUSDT 1.01100 x 1698 / 1.01200 x 10123.
        assertTop(books, 0, "7.6120", "303", "7.6160", "267");
        assertThat(books.bids.get(0)).hasSize(1006);
        assertThat(books.asks.get(0)).hasSize(1000);
        assertTop(books, 1, "0.01734", "502", "0.01735", "50697");
        assertTop(books, 2, "0.2463", "249", "0.2467", "9047");
        assertTop(books, 3, "1.01100", "1698", "1.01200", "10123");
    }

    private static void assertTop(final BookMirror books, final int id, final String bid, final String bidQuantity,
        final String ask, final String askQuantity)
    {
        assertThat(books.bids.get(id).firstEntry()).isEqualTo(Map.entry(FixedPoint.parse(bid), FixedPoint.parse(bidQuantity)));
        assertThat(books.asks.get(id).firstEntry()).isEqualTo(Map.entry(FixedPoint.parse(ask), FixedPoint.parse(askQuantity)));
    }
}
