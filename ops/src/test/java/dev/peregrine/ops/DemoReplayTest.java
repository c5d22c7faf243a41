package dev.peregrine.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.TradeFlags;
import dev.peregrine.gateway.testing.TestJson;
import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.journal.JournalReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code demo --replay}: the real Coinbase capture through simulator, gateway, ring, journal and core,
 * and a summary whose figures are checked against an independent reading of the capture file (Jackson,
 * not the production decoder): live trades are the ones of {@code update} events, the {@code snapshot}
 * event's trades are counted apart, and the journal holds every trade once, oldest first per product.
 */
class DemoReplayTest
{
    private static final String CAPTURE = "coinbase_advtrade_ws_BTC-USD_ETH-USD_20260809.cryptofeed.jsonl.gz";

    @TempDir
    Path temp;

    @Test
    void replaysTheRealCaptureToTheEndAndSummarisesItExactly() throws Exception
    {
        final Path file = ExternalResources.sharedDataFile(CAPTURE);
        final Expected expected = Expected.read(file);
        final BackgroundDemo.Replayed replayed = BackgroundDemo.replayToTheEnd(file, temp);
        final Path journal = replayed.journal();
        final LineCapture out = replayed.demo().out;
        final LineCapture err = replayed.demo().err;
        assertThat(out.lines()).anySatisfy(l -> assertThat(l).startsWith("capture ended: 1,030 frames replayed, 1,030 read"));

        final Map<String, Object> summary = replayed.summary();
        assertThat(summary.get("source")).isEqualTo("replay");
        assertThat(summary.get("speed")).isEqualTo("max");
        assertThat(number(summary, "frames_replayed")).isEqualTo(expected.frames);
        final Map<String, Object> connection = map(((List<?>)summary.get("connections")).get(0));
        assertThat(number(connection, "heartbeats")).isEqualTo(expected.heartbeats);
        assertThat(number(connection, "sequence_gaps")).isZero();
        assertThat(map(connection.get("frames_dropped")).values()).allSatisfy(v -> assertThat((BigDecimal)v).isZero());
        assertThat(number(map(connection.get("frames_received")), "l2_data")).isEqualTo(expected.l2Frames);

        final Map<String, Object> products = map(summary.get("products"));
        assertThat(products.keySet()).containsExactly("BTC-USD", "ETH-USD"); // from the capture: no --products given
        long l2Total = 0;
        for (final String product : products.keySet())
        {
            final Map<String, Object> p = map(products.get(product));
            assertThat(number(p, "trades")).as("%s live trades", product).isEqualTo(expected.trades.get(product));
            assertThat(number(p, "snapshot_trades")).as("%s snapshot trades", product)
                .isEqualTo(expected.snapshotTrades.get(product));
            assertThat(number(p, "duplicate_trades_dropped")).as("%s duplicates", product).isZero();
            assertThat(number(p, "ticker_updates")).as("%s tickers", product).isEqualTo(expected.tickers.get(product));
            assertThat(number(p, "sequence_gaps")).isZero();
            assertThat(number(p, "feed_gaps")).isZero();
            assertThat(number(p, "heartbeats")).isEqualTo(expected.heartbeats);
            l2Total += number(p, "l2_updates");
        }
        final Map<String, Object> engine = map(summary.get("engine"));
        assertThat(number(engine, "trades")).isEqualTo(expected.trades.values().stream().mapToLong(Long::longValue).sum());
        assertThat(number(engine, "snapshot_trades"))
            .isEqualTo(expected.snapshotTrades.values().stream().mapToLong(Long::longValue).sum());
        tradesAreOnceEachAndOldestFirstPerProduct(journal, expected);
        assertThat(l2Total).as("L2 levels counted from the journal = the core's own count").isEqualTo(number(engine, "book_levels"));

        if (l2Total == 0)
        {
            // level2 is not decoded yet (the Coinbase decoder counts l2_data frames as received but not
            // handled): the books must then be untouched. Once it is, the branch below checks real values.
            for (final String product : products.keySet())
            {
                final Map<String, Object> book = map(map(products.get(product)).get("book"));
                assertThat(book.get("state")).isEqualTo("not_used");
                assertThat(number(book, "bid_levels")).isZero();
                assertThat(number(book, "ask_levels")).isZero();
                assertThat(book.get("best_bid")).isNull();
            }
        }
        else
        {
            for (final String product : products.keySet())
            {
                final Map<String, Object> p = map(products.get(product));
                assertThat(number(p, "l2_updates")).as("%s L2 levels", product).isEqualTo(expected.l2Levels.get(product));
                final Map<String, Object> book = map(p.get("book"));
                final TreeMap<BigDecimal, BigDecimal> bids = expected.bids.get(product);
                final TreeMap<BigDecimal, BigDecimal> asks = expected.asks.get(product);
                assertThat(book.get("state")).isEqualTo("synced");
                assertThat(number(book, "bid_levels")).as("%s bid levels", product).isEqualTo(bids.size());
                assertThat(number(book, "ask_levels")).as("%s ask levels", product).isEqualTo(asks.size());
                assertThat(decimal(book, "best_bid")).isEqualByComparingTo(bids.firstKey());
                assertThat(decimal(book, "best_bid_quantity")).isEqualByComparingTo(bids.firstEntry().getValue());
                assertThat(decimal(book, "best_ask")).isEqualByComparingTo(asks.firstKey());
                assertThat(decimal(book, "best_ask_quantity")).isEqualByComparingTo(asks.firstEntry().getValue());
            }
        }

        // The journal of the replayed run replays to the same decisions, like any other run's.
        final LineCapture replayOut = new LineCapture();
        assertThat(PeregrineCli.run(new String[]{"replay", "--journal", journal.toString()},
            new PrintWriter(replayOut, true), new PrintWriter(err, true))).isZero();
        assertThat(replayOut.valueOf("output-digest:")).isEqualTo(summary.get("output_digest"));
        assertThat(replayOut.valueOf("state-hash:")).isEqualTo(summary.get("state_hash"));
    }

    /** Per product: trade exchange times never go backwards and no trade id is journaled twice. */
    private static void tradesAreOnceEachAndOldestFirstPerProduct(final Path journal, final Expected expected)
    {
        final Map<Integer, Long> lastTime = new HashMap<>();
        final Set<String> ids = new HashSet<>();
        long trades = 0;
        final InboundEvent event = new InboundEvent();
        try (JournalReader reader = JournalReader.open(journal))
        {
            while (reader.next(event))
            {
                if (event.type != EventType.TRADE)
                {
                    continue;
                }
                trades++;
                final long previous = lastTime.getOrDefault(event.instrumentId, Long.MIN_VALUE);
                assertThat(event.exchangeTimeNanos).as("trade %d of instrument %d goes back in time (snapshot: %s)",
                    event.tradeId, event.instrumentId, TradeFlags.isSnapshot(event)).isGreaterThanOrEqualTo(previous);
                lastTime.put(event.instrumentId, event.exchangeTimeNanos);
                assertThat(ids.add(event.instrumentId + ":" + event.tradeId)).as("trade id %d twice", event.tradeId).isTrue();
            }
        }
        final long captured = expected.trades.values().stream().mapToLong(Long::longValue).sum() +
            expected.snapshotTrades.values().stream().mapToLong(Long::longValue).sum();
        assertThat(trades).isEqualTo(captured);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Object value)
    {
        return (Map<String, Object>)value;
    }

    private static long number(final Map<String, Object> map, final String key)
    {
        assertThat(map).containsKey(key);
        return ((BigDecimal)map.get(key)).longValueExact();
    }

    private static BigDecimal decimal(final Map<String, Object> map, final String key)
    {
        return new BigDecimal((String)map.get(key));
    }

    /** What the capture holds, read with the JDK's gzip and the test-only JSON parser. */
    private static final class Expected
    {
        long frames;
        long heartbeats;
        long l2Frames;
        private static final ObjectMapper JACKSON = new ObjectMapper();

        /** Live trades: those of {@code update} events. */
        final Map<String, Long> trades = new HashMap<>();
        /** History the venue sent on subscribe: those of {@code snapshot} events. */
        final Map<String, Long> snapshotTrades = new HashMap<>();
        final Map<String, Long> tickers = new HashMap<>();
        final Map<String, Long> l2Levels = new HashMap<>();
        final Map<String, TreeMap<BigDecimal, BigDecimal>> bids = new HashMap<>();
        final Map<String, TreeMap<BigDecimal, BigDecimal>> asks = new HashMap<>();

        static Expected read(final Path file) throws Exception
        {
            final Expected e = new Expected();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = lines.readLine()) != null)
                {
                    final Map<String, Object> envelope = jackson(line);
                    if ("recv".equals(envelope.get("t")))
                    {
                        e.frame(jackson((String)envelope.get("data")));
                    }
                }
            }
            return e;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> jackson(final String json) throws Exception
        {
            return JACKSON.readValue(json, Map.class);
        }

        private void frame(final Map<String, Object> frame)
        {
            frames++;
            final String channel = (String)frame.get("channel");
            if ("heartbeats".equals(channel))
            {
                heartbeats++;
            }
            if ("l2_data".equals(channel))
            {
                l2Frames++;
            }
            for (final Object item : (List<?>)frame.get("events"))
            {
                final Map<String, Object> event = map(item);
                switch (channel)
                {
                    case "market_trades" -> count(event.get("trades"), "snapshot".equals(event.get("type")) ? snapshotTrades : trades);
                    case "ticker" -> count(event.get("tickers"), tickers);
                    case "l2_data" -> level2(event);
                    default -> { }
                }
            }
        }

        private static void count(final Object entries, final Map<String, Long> into)
        {
            for (final Object entry : (List<?>)entries)
            {
                into.merge((String)map(entry).get("product_id"), 1L, Long::sum);
            }
        }

        private void level2(final Map<String, Object> event)
        {
            final String product = (String)event.get("product_id");
            final TreeMap<BigDecimal, BigDecimal> bidSide = bids.computeIfAbsent(product, k -> new TreeMap<>(Comparator.reverseOrder()));
            final TreeMap<BigDecimal, BigDecimal> askSide = asks.computeIfAbsent(product, k -> new TreeMap<>());
            if ("snapshot".equals(event.get("type")))
            {
                bidSide.clear();
                askSide.clear();
            }
            for (final Object item : (List<?>)event.get("updates"))
            {
                final Map<String, Object> update = map(item);
                final TreeMap<BigDecimal, BigDecimal> side = "bid".equals(update.get("side")) ? bidSide : askSide;
                final BigDecimal price = new BigDecimal((String)update.get("price_level")).stripTrailingZeros();
                final BigDecimal quantity = new BigDecimal((String)update.get("new_quantity"));
                if (quantity.signum() == 0)
                {
                    side.remove(price);
                }
                else
                {
                    side.put(price, quantity);
                }
                l2Levels.merge(product, 1L, Long::sum);
            }
        }
    }
}
