package dev.peregrine.ops;

import dev.peregrine.gateway.testing.PriceLevelPairs;
import dev.peregrine.gateway.testing.TestJson;
import dev.peregrine.core.testing.ExternalResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Binance capture through the simulator, the Binance gateway and the core, as a user runs it
 * ({@code demo --replay FILE --speed max --summary-json}): counts per product and the final book equal
 * an independent reading of the file, done here with a TreeMap and the venue's documented rule (apply
 * the diffs whose last update id is past the snapshot's, in order).
 */
class BinanceDemoReplayTest
{
    private static final String FILE = "binance_spot_btcusdt_20240808.hftbacktest.gz";

    @TempDir
    Path temp;

    @Test
    void theRealCaptureThroughTheEngineMatchesAnIndependentReading() throws Exception
    {
        final Path capture = ExternalResources.sharedDataFile(FILE);
        final Expected expected = Expected.read(capture);

        final BackgroundDemo.Replayed replayed = BackgroundDemo.replayToTheEnd(capture, temp);
        final LineCapture out = replayed.demo().out;

        final Map<String, Object> json = replayed.summary();
        @SuppressWarnings("unchecked")
        final Map<String, Object> product = (Map<String, Object>)((Map<String, Object>)json.get("products")).get("BTCUSDT");
        assertThat(((Number)product.get("trades")).longValue()).isEqualTo(expected.trades);
        assertThat(((Number)product.get("ticker_updates")).longValue()).isEqualTo(expected.bookTickers);
        assertThat(((Number)product.get("l2_updates")).longValue()).isEqualTo(expected.levelUpdates);
        assertThat(((Number)product.get("sequence_gaps")).longValue()).isZero();
        @SuppressWarnings("unchecked")
        final Map<String, Object> book = (Map<String, Object>)product.get("book");
        assertThat(book.get("state")).isEqualTo("synced");
        assertThat(((Number)book.get("bid_levels")).intValue()).isEqualTo(expected.bids.size());
        assertThat(((Number)book.get("ask_levels")).intValue()).isEqualTo(expected.asks.size());
        assertThat(new BigDecimal((String)book.get("best_bid"))).isEqualByComparingTo(expected.bids.lastKey());
        assertThat(new BigDecimal((String)book.get("best_bid_quantity"))).isEqualByComparingTo(expected.bids.lastEntry().getValue());
        assertThat(new BigDecimal((String)book.get("best_ask"))).isEqualByComparingTo(expected.asks.firstKey());
        assertThat(new BigDecimal((String)book.get("best_ask_quantity"))).isEqualByComparingTo(expected.asks.firstEntry().getValue());

        // And the journal of that run replays to the same decisions.
        DaemonProcess.replayPrintsTheHashesOf(replayed.journal(), String.join("\n", out.lines()));
    }

    /** The file read without any Peregrine code. */
    private static final class Expected
    {
        long trades;
        long bookTickers;
        long levelUpdates;
        final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>();
        final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

        @SuppressWarnings("unchecked")
        static Expected read(final Path file) throws Exception
        {
            final Expected e = new Expected();
            long lastUpdateId = -1;
            final List<Map<String, Object>> diffs = new java.util.ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = lines.readLine()) != null)
                {
                    final int space = line.indexOf(' ');
                    if (space < 0)
                    {
                        continue;
                    }
                    final Map<String, Object> message = TestJson.object(line.substring(space + 1));
                    if (message.containsKey("lastUpdateId"))
                    {
                        lastUpdateId = ((Number)message.get("lastUpdateId")).longValue();
                        e.bids.clear();
                        e.asks.clear();
                        PriceLevelPairs.apply(e.bids, (List<Object>)message.get("bids"));
                        PriceLevelPairs.apply(e.asks, (List<Object>)message.get("asks"));
                        e.levelUpdates += ((List<Object>)message.get("bids")).size() + ((List<Object>)message.get("asks")).size();
                        continue;
                    }
                    final String stream = (String)message.get("stream");
                    final Map<String, Object> data = (Map<String, Object>)message.get("data");
                    if (stream.endsWith("@trade"))
                    {
                        e.trades++;
                    }
                    else if (stream.endsWith("@bookTicker"))
                    {
                        e.bookTickers++;
                    }
                    else if (stream.contains("@depth"))
                    {
                        diffs.add(data);
                    }
                }
            }
            for (final Map<String, Object> diff : diffs)
            {
                if (((Number)diff.get("u")).longValue() <= lastUpdateId)
                {
                    continue; // already in the snapshot
                }
                PriceLevelPairs.apply(e.bids, (List<Object>)diff.get("b"));
                PriceLevelPairs.apply(e.asks, (List<Object>)diff.get("a"));
                e.levelUpdates += ((List<Object>)diff.get("b")).size() + ((List<Object>)diff.get("a")).size();
            }
            return e;
        }
    }
}
