package dev.peregrine.gateway.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.TradeFlags;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.testing.RecordingRing;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Coinbase capture with a reconnect forced in its middle: after half the frames the connection
 * is new ({@link CoinbaseMarketDataDecoder#onConnected()}) and the venue answers the resubscribe as it
 * does, with a {@code snapshot} of each product's last 100 trades, newest first, built here from the
 * capture's own trade objects. Nothing the engine already had may be published again, and per product
 * the live trades, the snapshot trades and the trade order must equal an independent reading of the
 * capture (Jackson, not the production decoder).
 */
class CoinbaseCaptureReconnectTest
{
    private static final String CAPTURE = "coinbase_advtrade_ws_BTC-USD_ETH-USD_20260809.cryptofeed.jsonl.gz";
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final int SNAPSHOT_SIZE = 100;

    @Test
    void aResnapshotInTheMiddleOfTheRealCaptureAddsNoTradeTwice() throws Exception
    {
        final List<String> frames = recvFrames();
        final InstrumentRegistry registry = CoinbaseProducts.CATALOG.registryFor(List.of("BTC-USD", "ETH-USD"));
        final RecordingRing recording = new RecordingRing(1 << 17); // holds the 45,000-level book snapshot: drained after each frame
        final CoinbaseMarketDataDecoder decoder = new CoinbaseMarketDataDecoder(registry, recording.ring(), new GatewayMetrics());

        // Independent reading: per product, the live trades (update events), the snapshot trades, and the
        // last 100 trades known at the reconnect (what the venue's resnapshot would list).
        final Map<String, Long> live = new HashMap<>();
        final Map<String, Long> snapshot = new HashMap<>();
        final Map<String, Deque<JsonNode>> recent = new HashMap<>();
        final int middle = frames.size() / 2;
        final List<InboundEvent> published = new ArrayList<>();
        long receiveNanos = 1_000;
        long lastSequence = -1;
        for (int i = 0; i < frames.size(); i++)
        {
            final JsonNode frame = JACKSON.readTree(frames.get(i));
            if (i == middle)
            {
                decoder.onConnected();
                // The resnapshot takes the sequence number just before the next recorded frame: no gap.
                decode(decoder, resnapshot(recent, lastSequence), receiveNanos += 1_000);
                published.addAll(take(recording));
            }
            lastSequence = frame.get("sequence_num").asLong();
            if ("market_trades".equals(frame.get("channel").asText()))
            {
                for (final JsonNode event : frame.get("events"))
                {
                    final boolean isSnapshot = "snapshot".equals(event.get("type").asText());
                    final List<JsonNode> oldestFirst = new ArrayList<>();
                    event.get("trades").forEach(t -> oldestFirst.add(0, t));
                    for (final JsonNode trade : oldestFirst)
                    {
                        final String product = trade.get("product_id").asText();
                        (isSnapshot ? snapshot : live).merge(product, 1L, Long::sum);
                        final Deque<JsonNode> last = recent.computeIfAbsent(product, p -> new ArrayDeque<>());
                        last.addLast(trade);
                        if (last.size() > SNAPSHOT_SIZE)
                        {
                            last.removeFirst();
                        }
                    }
                }
            }
            decode(decoder, frames.get(i), receiveNanos += 1_000);
            published.addAll(take(recording));
        }

        final Map<Integer, Long> lastTime = new HashMap<>();
        final Set<String> ids = new HashSet<>();
        final Map<String, Long> liveSeen = new HashMap<>();
        final Map<String, Long> snapshotSeen = new HashMap<>();
        for (final InboundEvent e : published)
        {
            if (e.type != EventType.TRADE)
            {
                continue;
            }
            final String product = registry.get(e.instrumentId).symbol();
            assertThat(ids.add(product + ":" + e.tradeId)).as("%s trade %d published twice", product, e.tradeId).isTrue();
            assertThat(e.exchangeTimeNanos).as("%s trade %d goes back in time", product, e.tradeId)
                .isGreaterThanOrEqualTo(lastTime.getOrDefault(e.instrumentId, Long.MIN_VALUE));
            lastTime.put(e.instrumentId, e.exchangeTimeNanos);
            (TradeFlags.isSnapshot(e) ? snapshotSeen : liveSeen).merge(product, 1L, Long::sum);
        }
        assertThat(liveSeen).isEqualTo(live);
        assertThat(snapshotSeen).isEqualTo(snapshot);
        for (final String product : List.of("BTC-USD", "ETH-USD"))
        {
            assertThat(decoder.duplicateTrades(registry.idOf(product))).as("%s repeats dropped", product)
                .isEqualTo(recent.get(product).size());
        }
        assertThat(live.get("BTC-USD")).as("the README's count of BTC-USD trades after the subscription").isEqualTo(47);
    }

    /** A market_trades snapshot frame of each product's recent trades, newest first, as the venue sends it. */
    private static String resnapshot(final Map<String, Deque<JsonNode>> recent, final long sequence)
    {
        final ObjectNode frame = JACKSON.createObjectNode();
        frame.put("channel", "market_trades");
        frame.put("timestamp", "2026-08-09T21:06:00.000000000Z");
        frame.put("sequence_num", sequence);
        final ArrayNode events = frame.putArray("events");
        for (final Deque<JsonNode> trades : recent.values())
        {
            final ObjectNode event = events.addObject();
            event.put("type", "snapshot");
            final ArrayNode list = event.putArray("trades");
            for (final Iterator<JsonNode> newestFirst = trades.descendingIterator(); newestFirst.hasNext(); )
            {
                list.add(newestFirst.next());
            }
        }
        return frame.toString();
    }

    private static void decode(final CoinbaseMarketDataDecoder decoder, final String text, final long receiveNanos)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        decoder.decode(bytes, 0, bytes.length, receiveNanos, receiveNanos);
    }

    private static List<InboundEvent> take(final RecordingRing recording)
    {
        final List<InboundEvent> events = new ArrayList<>(recording.drain());
        recording.clear();
        return events;
    }

    private static List<String> recvFrames() throws Exception
    {
        final List<String> frames = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(ExternalResources.sharedDataFile(CAPTURE))), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = lines.readLine()) != null)
            {
                final JsonNode envelope = JACKSON.readTree(line);
                if ("recv".equals(envelope.get("t").asText()))
                {
                    frames.add(envelope.get("data").asText());
                }
            }
        }
        return frames;
    }
}
