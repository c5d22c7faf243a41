package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
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
    void decodesEveryTickerAndTradeOfTheRealCaptureExactly() throws Exception
    {
        final Path file = ExternalResources.sharedDataFile(CAPTURE);
        final InstrumentRegistry registry = ProductCatalog.registryFor(List.of("BTC-USD", "ETH-USD"));
        final RecordingRing recording = new RecordingRing(1024);
        final GatewayMetrics metrics = new GatewayMetrics();
        final CoinbaseMarketDataDecoder decoder = new CoinbaseMarketDataDecoder(registry, recording.ring(), metrics);

        int tickerFrames = 0;
        int tradeFrames = 0;
        int snapshotTrades = 0;
        int updateTrades = 0;
        int recvFrames = 0;
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
                if ("ticker".equals(channel) || "market_trades".equals(channel))
                {
                    assertThat(metrics.framesDroppedTotal()).as("frame drops at %s", text).isEqualTo(framesDroppedBefore);
                    assertThat(metrics.entriesDroppedTotal()).as("entry drops at %s", text).isEqualTo(entriesDroppedBefore);
                }
                assertThat(published).as("events of %s", text)
                    .usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(expected);
            }
        }

        assertThat(metrics.framesReceived(CoinbaseChannel.TICKER)).isEqualTo(tickerFrames);
        assertThat(metrics.framesReceived(CoinbaseChannel.MARKET_TRADES)).isEqualTo(tradeFrames);
        assertThat(metrics.eventsPublished()).isEqualTo(tickerFrames + snapshotTrades + updateTrades);
        assertThat(metrics.sequenceGaps()).isZero();
        assertThat(metrics.framesDroppedTotal()).isZero();
        assertThat(metrics.entriesDroppedTotal()).isZero();
        long received = 0;
        for (final CoinbaseChannel channel : CoinbaseChannel.values())
        {
            received += metrics.framesReceived(channel);
        }
        assertThat(received).isEqualTo(recvFrames);
        assertThat(metrics.framesNotHandled(CoinbaseChannel.L2_DATA)).isEqualTo(metrics.framesReceived(CoinbaseChannel.L2_DATA));
        assertThat(metrics.framesDropped(DropReason.OVERSIZED_FRAME)).isZero();

        // The figures the capture's README documents, derived above from the file itself.
        assertThat(recvFrames).isEqualTo(1030);
        assertThat(tickerFrames).isEqualTo(160);
        assertThat(tradeFrames).isEqualTo(59);
        assertThat(snapshotTrades).isEqualTo(200);
        assertThat(updateTrades).isEqualTo(79);
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
                final InboundEvent e = envelopeEvent(frame, receiveNanos);
                e.type = EventType.QUOTE;
                e.instrumentId = registry.idOf((String)t.get("product_id"));
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
        int count = 0;
        for (final Map<String, Object> event : events(frame))
        {
            for (final Map<String, Object> t : (List<Map<String, Object>>)event.get("trades"))
            {
                final InboundEvent e = envelopeEvent(frame, receiveNanos);
                e.type = EventType.TRADE;
                e.instrumentId = registry.idOf((String)t.get("product_id"));
                e.tradeId = Long.parseLong((String)t.get("trade_id"));
                e.price = scaled(t.get("price"));
                e.quantity = scaled(t.get("size"));
                e.side = "BUY".equals(t.get("side")) ? Side.BUY : "SELL".equals(t.get("side")) ? Side.SELL : -1;
                e.exchangeTimeNanos = nanos((String)t.get("time"));
                out.add(e);
                count++;
            }
        }
        return count;
    }

    private static InboundEvent envelopeEvent(final Map<String, Object> frame, final long receiveNanos)
    {
        final InboundEvent e = new InboundEvent();
        e.clearInputs();
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
