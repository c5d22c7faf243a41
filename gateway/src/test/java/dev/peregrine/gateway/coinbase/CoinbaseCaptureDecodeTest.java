package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.book.BookSide;
import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.event.TradeFlags;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.testing.BookMirror;
import dev.peregrine.gateway.testing.RecordingRing;
import dev.peregrine.gateway.testing.TestJson;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds every frame of the real Coinbase capture to the decoder and compares each published event with
 * an independent reading of the same frame text (a separate test-only JSON reader, {@link BigDecimal}
 * and {@link Instant}). Expected counts are computed from the file, then checked against the figures
 * documented in the capture's README.
 */
class CoinbaseCaptureDecodeTest
{
    private static final String CAPTURE = "coinbase_advtrade_ws_BTC-USD_ETH-USD_20260809.cryptofeed.jsonl.gz";

    @Test
    void decodesEveryEventOfTheRealCaptureExactlyAndRebuildsBothBooks() throws Exception
    {
        final Path file = ExternalResources.sharedDataFile(CAPTURE);
        final InstrumentRegistry registry = CoinbaseProducts.CATALOG.registryFor(List.of("BTC-USD", "ETH-USD"));
        final RecordingRing recording = new RecordingRing(1 << 17) /* holds a whole snapshot: drained after each frame */;
        final GatewayMetrics metrics = new GatewayMetrics();
        final CoinbaseMarketDataDecoder decoder = new CoinbaseMarketDataDecoder(registry, recording.ring(), metrics);

        int tickerFrames = 0;
        int tradeFrames = 0;
        int snapshotTrades = 0;
        int updateTrades = 0;
        int recvFrames = 0;
        int l2Frames = 0;
        int l2Snapshots = 0;
        int l2Levels = 0;
        int candleFrames = 0;
        int candles = 0;
        final BookMirror mirror = new BookMirror(2, 1024);
        final List<TreeMap<BigDecimal, BigDecimal>> expectedBids = List.of(new TreeMap<>(), new TreeMap<>());
        final List<TreeMap<BigDecimal, BigDecimal>> expectedAsks = List.of(new TreeMap<>(), new TreeMap<>());
        long receiveNanos = 1_000L;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = lines.readLine()) != null)
            {
                final Map<String, Object> envelope = TestJson.object(line);
                if (!"recv".equals(envelope.get("t")))
                {
                    continue;
                }
                recvFrames++;
                final String text = (String)envelope.get("data");
                final byte[] frame = text.getBytes(StandardCharsets.UTF_8);
                final Map<String, Object> parsed = TestJson.object(text);
                final String channel = (String)parsed.get("channel");
                final long framesDroppedBefore = metrics.framesDroppedTotal();
                final long entriesDroppedBefore = metrics.entriesDroppedTotal();
                receiveNanos += 1_000;

                recording.clear();
                // Decode from the middle of a larger buffer, as the client does with its reusable one.
                final byte[] padded = new byte[frame.length + 10];
                System.arraycopy(frame, 0, padded, 7, frame.length);
                decoder.decode(padded, 7, frame.length, receiveNanos, receiveNanos + 5);
                final List<InboundEvent> published = recording.drain();

                final List<InboundEvent> expected = new ArrayList<>();
                if ("ticker".equals(channel))
                {
                    tickerFrames++;
                    expectedQuotes(parsed, registry, receiveNanos, expected);
                }
                else if ("market_trades".equals(channel))
                {
                    tradeFrames++;
                    final int count = expectedTrades(parsed, registry, receiveNanos, expected);
                    if ("snapshot".equals(firstEventType(parsed)))
                    {
                        snapshotTrades += count;
                    }
                    else
                    {
                        updateTrades += count;
                    }
                }
                else if ("l2_data".equals(channel))
                {
                    l2Frames++;
                    for (final Map<String, Object> event : events(parsed))
                    {
                        l2Snapshots += "snapshot".equals(event.get("type")) ? 1 : 0;
                    }
                    l2Levels += expectedLevels(parsed, registry, receiveNanos, expected, expectedBids, expectedAsks);
                }
                else if ("candles".equals(channel))
                {
                    candleFrames++;
                    candles += expectedCandles(parsed, registry, receiveNanos, expected);
                }
                for (final InboundEvent e : published)
                {
                    if (e.type == EventType.BOOK_LEVEL)
                    {
                        mirror.apply(e); // exactly what the core does with BOOK_LEVEL (TradingCore.onBookLevel)
                    }
                }
                if (!"heartbeats".equals(channel) && !"subscriptions".equals(channel))
                {
                    assertThat(metrics.framesDroppedTotal()).as("frame drops at %s", text).isEqualTo(framesDroppedBefore);
                    assertThat(metrics.entriesDroppedTotal()).as("entry drops at %s", text).isEqualTo(entriesDroppedBefore);
                }
                assertThat(describe(published)).as("events of frame %s", parsed.get("sequence_num"))
                    .isEqualTo(describe(expected));
            }
        }

        assertThat(metrics.framesReceived(CoinbaseChannel.TICKER)).isEqualTo(tickerFrames);
        assertThat(metrics.framesReceived(CoinbaseChannel.MARKET_TRADES)).isEqualTo(tradeFrames);
        assertThat(metrics.eventsPublished()).isEqualTo(tickerFrames + snapshotTrades + updateTrades + l2Levels + candles);
        assertThat(metrics.sequenceGaps()).isZero();
        assertThat(metrics.framesDroppedTotal()).isZero();
        assertThat(metrics.entriesDroppedTotal()).isZero();
        long received = 0;
        for (final CoinbaseChannel channel : CoinbaseChannel.values())
        {
            received += metrics.framesReceived(channel);
        }
        assertThat(received).isEqualTo(recvFrames);
        assertThat(metrics.framesNotHandled(CoinbaseChannel.L2_DATA)).isZero();
        assertThat(metrics.eventsPublished(CoinbaseChannel.L2_DATA)).isEqualTo(l2Levels);
        assertThat(metrics.eventsPublished(CoinbaseChannel.CANDLES)).isEqualTo(candles);
        assertThat(metrics.framesIn()).isEqualTo(recvFrames);
        assertThat(metrics.framesDecoded() + metrics.framesWithoutEvents()).isEqualTo(recvFrames);
        assertThat(metrics.framesWithoutEvents()).isEqualTo(
            metrics.framesReceived(CoinbaseChannel.HEARTBEATS) + metrics.framesReceived(CoinbaseChannel.SUBSCRIPTIONS));

        // The books built from the BOOK_LEVEL events equal books computed independently from the file.
        for (int id = 0; id < 2; id++)
        {
            assertSameLevels("event bids of " + id, treeLevels(mirror.bids.get(id)), scaledLevels(expectedBids.get(id), true));
            assertSameLevels("event asks of " + id, treeLevels(mirror.asks.get(id)), scaledLevels(expectedAsks.get(id), false));
        }
        assertThat(expectedBids.get(0)).hasSizeGreaterThan(1000);
        for (int id = 0; id < 2; id++)
        {
            assertThat(mirror.books[id].isSynced()).as("book %d synced", id).isTrue();
            assertSameLevels("bids of " + id, levels(mirror.books[id].bids()), scaledLevels(expectedBids.get(id), true));
            assertSameLevels("asks of " + id, levels(mirror.books[id].asks()), scaledLevels(expectedAsks.get(id), false));
            assertThat(mirror.books[id].isCrossed()).isFalse();
        }
        assertThat(metrics.framesDropped(DropReason.OVERSIZED_FRAME)).isZero();

        // The figures the capture's README documents, derived above from the file itself.
        assertThat(recvFrames).isEqualTo(1030);
        assertThat(tickerFrames).isEqualTo(160);
        assertThat(tradeFrames).isEqualTo(59);
        assertThat(snapshotTrades).isEqualTo(200);
        assertThat(updateTrades).isEqualTo(79);
        assertThat(l2Frames).isEqualTo(775);
        assertThat(l2Snapshots).isEqualTo(2);
        assertThat(l2Levels).isEqualTo(74_193);
        assertThat(candleFrames).isEqualTo(6);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(final Map<String, Object> frame)
    {
        return (List<Map<String, Object>>)frame.get("events");
    }

    private static String firstEventType(final Map<String, Object> frame)
    {
        return (String)events(frame).get(0).get("type");
    }

    @SuppressWarnings("unchecked")
    private static void expectedQuotes(
        final Map<String, Object> frame, final InstrumentRegistry registry, final long receiveNanos, final List<InboundEvent> out)
    {
        for (final Map<String, Object> event : events(frame))
        {
            for (final Map<String, Object> t : (List<Map<String, Object>>)event.get("tickers"))
            {
                final InboundEvent e = envelopeEvent(frame, receiveNanos, EventType.QUOTE,
                    registry.idOf((String)t.get("product_id")));
                e.exchangeTimeNanos = nanos((String)frame.get("timestamp"));
                e.price = scaled(t.get("price"));
                e.bidPrice = scaled(t.get("best_bid"));
                e.bidQuantity = scaled(t.get("best_bid_quantity"));
                e.askPrice = scaled(t.get("best_ask"));
                e.askQuantity = scaled(t.get("best_ask_quantity"));
                out.add(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static int expectedTrades(
        final Map<String, Object> frame, final InstrumentRegistry registry, final long receiveNanos, final List<InboundEvent> out)
    {
        // The venue lists newest first and marks its subscribe-time history as a snapshot event: the ring
        // gets the frame's trades oldest first, the snapshot ones flagged.
        final List<InboundEvent> frameTrades = new ArrayList<>();
        int count = 0;
        for (final Map<String, Object> event : events(frame))
        {
            final int flags = "snapshot".equals(event.get("type")) ? TradeFlags.SNAPSHOT : 0;
            for (final Map<String, Object> t : (List<Map<String, Object>>)event.get("trades"))
            {
                final InboundEvent e = envelopeEvent(frame, receiveNanos, EventType.TRADE,
                    registry.idOf((String)t.get("product_id")));
                e.tradeId = Long.parseLong((String)t.get("trade_id"));
                e.price = scaled(t.get("price"));
                e.quantity = scaled(t.get("size"));
                e.side = "BUY".equals(t.get("side")) ? Side.BUY : "SELL".equals(t.get("side")) ? Side.SELL : -1;
                e.exchangeTimeNanos = nanos((String)t.get("time"));
                e.flags = flags;
                frameTrades.add(e);
                count++;
            }
        }
        java.util.Collections.reverse(frameTrades);
        out.addAll(frameTrades);
        return count;
    }

    /** BOOK_LEVEL events of an l2_data frame, and the same levels applied to TreeMap books (0 removes). */
    @SuppressWarnings("unchecked")
    private static int expectedLevels(
        final Map<String, Object> frame,
        final InstrumentRegistry registry,
        final long receiveNanos,
        final List<InboundEvent> out,
        final List<TreeMap<BigDecimal, BigDecimal>> bids,
        final List<TreeMap<BigDecimal, BigDecimal>> asks)
    {
        int count = 0;
        for (final Map<String, Object> event : events(frame))
        {
            final int id = registry.idOf((String)event.get("product_id"));
            final boolean snapshot = "snapshot".equals(event.get("type"));
            if (snapshot)
            {
                bids.get(id).clear();
                asks.get(id).clear();
            }
            final List<Map<String, Object>> updates = (List<Map<String, Object>>)event.get("updates");
            for (int i = 0; i < updates.size(); i++)
            {
                final Map<String, Object> u = updates.get(i);
                final InboundEvent e = envelopeEvent(frame, receiveNanos, EventType.BOOK_LEVEL, id);
                e.side = "bid".equals(u.get("side")) ? Side.BUY : "offer".equals(u.get("side")) ? Side.SELL : -1;
                e.price = scaled(u.get("price_level"));
                e.quantity = scaled(u.get("new_quantity"));
                e.exchangeTimeNanos = nanos((String)u.get("event_time"));
                int flags = 0;
                if (snapshot && i == 0)
                {
                    flags |= BookFlags.SNAPSHOT_BEGIN;
                }
                if (i == updates.size() - 1)
                {
                    flags |= BookFlags.END_OF_MESSAGE | (snapshot ? BookFlags.SNAPSHOT_END : 0);
                }
                e.flags = flags;
                out.add(e);
                count++;
                final TreeMap<BigDecimal, BigDecimal> side = "bid".equals(u.get("side")) ? bids.get(id) : asks.get(id);
                final BigDecimal price = new BigDecimal((String)u.get("price_level"));
                final BigDecimal quantity = new BigDecimal((String)u.get("new_quantity"));
                if (quantity.signum() == 0)
                {
                    side.remove(price);
                }
                else
                {
                    side.put(price, quantity);
                }
            }
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    private static int expectedCandles(
        final Map<String, Object> frame, final InstrumentRegistry registry, final long receiveNanos, final List<InboundEvent> out)
    {
        int count = 0;
        for (final Map<String, Object> event : events(frame))
        {
            for (final Map<String, Object> c : (List<Map<String, Object>>)event.get("candles"))
            {
                final InboundEvent e = envelopeEvent(frame, receiveNanos, EventType.CANDLE,
                    registry.idOf((String)c.get("product_id")));
                e.exchangeTimeNanos = Long.parseLong((String)c.get("start")) * 1_000_000_000L;
                e.open = scaled(c.get("open"));
                e.high = scaled(c.get("high"));
                e.low = scaled(c.get("low"));
                e.close = scaled(c.get("close"));
                e.volume = scaled(c.get("volume"));
                out.add(e);
                count++;
            }
        }
        return count;
    }

    /** Every input field (toString covers all but the receive stamp), for a fast exact comparison. */
    private static List<String> describe(final List<InboundEvent> events)
    {
        final List<String> out = new ArrayList<>(events.size());
        for (final InboundEvent e : events)
        {
            out.add(e + "@" + e.receiveNanoTime);
        }
        return out;
    }

    private static void assertSameLevels(final String what, final List<List<Long>> actual, final List<List<Long>> expected)
    {
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++)
        {
            assertThat(actual.get(i)).as("%s: level %d of %d/%d", what, i, actual.size(), expected.size())
                .isEqualTo(expected.get(i));
        }
        assertThat(actual.size()).as("%s: depth", what).isEqualTo(expected.size());
    }

    /** Best first: bids descending, asks ascending, as price/quantity pairs of scaled longs. */
    private static List<List<Long>> scaledLevels(final TreeMap<BigDecimal, BigDecimal> side, final boolean bids)
    {
        final List<List<Long>> levels = new ArrayList<>();
        for (final Map.Entry<BigDecimal, BigDecimal> level : (bids ? side.descendingMap() : side).entrySet())
        {
            levels.add(List.of(level.getKey().movePointRight(8).longValueExact(),
                level.getValue().movePointRight(8).longValueExact()));
        }
        return levels;
    }

    /** A side of the mirror's own book, best first (its bids are kept highest first). */
    private static List<List<Long>> treeLevels(final TreeMap<Long, Long> side)
    {
        final List<List<Long>> levels = new ArrayList<>();
        for (final Map.Entry<Long, Long> level : side.entrySet())
        {
            levels.add(List.of(level.getKey(), level.getValue()));
        }
        return levels;
    }

    private static List<List<Long>> levels(final BookSide side)
    {
        final List<List<Long>> levels = new ArrayList<>();
        for (int i = 0; i < side.depth(); i++)
        {
            levels.add(List.of(side.priceAt(i), side.quantityAt(i)));
        }
        return levels;
    }

    /** An event of {@code type} for {@code instrumentId}, with the head the frame's envelope gives every one. */
    private static InboundEvent envelopeEvent(final Map<String, Object> frame, final long receiveNanos, final int type,
        final int instrumentId)
    {
        final InboundEvent e = new InboundEvent();
        e.clearInputs();
        e.type = type;
        e.instrumentId = instrumentId;
        e.venueSequence = ((BigDecimal)frame.get("sequence_num")).longValueExact();
        e.eventTimeNanos = receiveNanos;
        e.receiveNanoTime = receiveNanos + 5;
        return e;
    }

    private static long scaled(final Object decimalText)
    {
        return new BigDecimal((String)decimalText).movePointRight(8).longValueExact();
    }

    private static long nanos(final String rfc3339)
    {
        final Instant instant = Instant.parse(rfc3339);
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
