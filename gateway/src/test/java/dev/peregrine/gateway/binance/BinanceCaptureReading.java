package dev.peregrine.gateway.binance;

import dev.peregrine.core.book.BookSide;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.gateway.testing.PriceLevelPairs;
import dev.peregrine.gateway.testing.TestJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An independent reading of the Binance capture with the test JSON parser and {@link BigDecimal}s (no
 * gateway code): the trades and bookTickers as text fields, the number of depth diffs, and the book the
 * documented procedure yields, kept in {@link TreeMap}s.
 */
final class BinanceCaptureReading
{
    static final String FILE = "binance_spot_btcusdt_20240808.hftbacktest.gz";
    static final BigDecimal SCALE = new BigDecimal(100_000_000L);

    /** Raw lines: receive epoch nanos and the JSON text. */
    final List<long[]> times = new ArrayList<>();
    final List<String> jsons = new ArrayList<>();
    final List<Map<String, Object>> trades = new ArrayList<>();
    final List<Map<String, Object>> bookTickers = new ArrayList<>();
    int depthDiffs;
    int snapshots;
    int diffsApplied;
    int chainBreaks;
    final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

    private static BinanceCaptureReading cached;

    /** Read once per test JVM: the decode test and the loopback test compare against the same reading. */
    static synchronized BinanceCaptureReading of(final Path file)
    {
        if (cached == null)
        {
            cached = read(file);
        }
        return cached;
    }

    @SuppressWarnings("unchecked")
    private static BinanceCaptureReading read(final Path file)
    {
        final BinanceCaptureReading reading = new BinanceCaptureReading();
        final List<Map<String, Object>> diffs = new ArrayList<>();
        Map<String, Object> snapshot = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = in.readLine()) != null)
            {
                final int space = line.indexOf(' ');
                final String json = line.substring(space + 1);
                reading.times.add(new long[] {Long.parseLong(line.substring(0, space))});
                reading.jsons.add(json);
                final Map<String, Object> message = TestJson.object(json);
                if (message.containsKey("lastUpdateId"))
                {
                    reading.snapshots++;
                    snapshot = message;
                    continue;
                }
                final String stream = (String)message.get("stream");
                final Map<String, Object> data = (Map<String, Object>)message.get("data");
                if (stream.endsWith("@trade"))
                {
                    reading.trades.add(data);
                }
                else if (stream.endsWith("@bookTicker"))
                {
                    reading.bookTickers.add(data);
                }
                else if (stream.endsWith("@depth@100ms"))
                {
                    reading.depthDiffs++;
                    diffs.add(data);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        reading.build(snapshot, diffs);
        return reading;
    }

    @SuppressWarnings("unchecked")
    private void build(final Map<String, Object> snapshot, final List<Map<String, Object>> diffs)
    {
        final long lastUpdateId = ((BigDecimal)snapshot.get("lastUpdateId")).longValueExact();
        PriceLevelPairs.apply(bids, (List<Object>)snapshot.get("bids"));
        PriceLevelPairs.apply(asks, (List<Object>)snapshot.get("asks"));
        long previous = -1;
        for (final Map<String, Object> diff : diffs)
        {
            final long first = ((BigDecimal)diff.get("U")).longValueExact();
            final long last = ((BigDecimal)diff.get("u")).longValueExact();
            if (last <= lastUpdateId)
            {
                continue;
            }
            if (previous < 0)
            {
                assertThat(first).as("first applied diff bridges the snapshot").isLessThanOrEqualTo(lastUpdateId + 1);
            }
            else if (first != previous + 1)
            {
                chainBreaks++;
            }
            PriceLevelPairs.apply(bids, (List<Object>)diff.get("b"));
            PriceLevelPairs.apply(asks, (List<Object>)diff.get("a"));
            previous = last;
            diffsApplied++;
        }
    }

    static long scaled(final Object decimalText)
    {
        return new BigDecimal((String)decimalText).multiply(SCALE).longValueExact();
    }

    static long integer(final Object number)
    {
        return ((BigDecimal)number).longValueExact();
    }

    /** The whole book equals ours: depth per side and the top {@code top} levels exactly. */
    void assertBookEquals(final OrderBook book, final int top)
    {
        assertThat(book.isSynced()).isTrue();
        assertSide("bids", book.bids(), bids, top);
        assertSide("asks", book.asks(), asks, top);
    }

    /** The book the test built from the BOOK_LEVEL events equals ours, level for level. */
    void assertEventBookEquals(final BookBuilder builder, final int instrumentId)
    {
        assertThat(builder.eventBids.get(instrumentId)).as("bids").containsExactlyEntriesOf(scaled(bids));
        assertThat(builder.eventAsks.get(instrumentId)).as("asks").containsExactlyEntriesOf(scaled(asks));
    }

    private static Map<Long, Long> scaled(final NavigableMap<BigDecimal, BigDecimal> side)
    {
        final Map<Long, Long> scaled = new java.util.LinkedHashMap<>();
        side.forEach((p, q) -> scaled.put(p.multiply(SCALE).longValueExact(), q.multiply(SCALE).longValueExact()));
        return scaled;
    }

    private static void assertSide(final String name, final BookSide side, final NavigableMap<BigDecimal, BigDecimal> expected, final int top)
    {
        assertThat(side.depth()).as(name + " level count").isEqualTo(expected.size());
        final Iterator<Map.Entry<BigDecimal, BigDecimal>> it = expected.entrySet().iterator();
        for (int level = 0; level < Math.min(top, expected.size()); level++)
        {
            final Map.Entry<BigDecimal, BigDecimal> e = it.next();
            assertThat(side.priceAt(level)).as(name + " price at level " + level)
                .isEqualTo(e.getKey().multiply(SCALE).longValueExact());
            assertThat(side.quantityAt(level)).as(name + " quantity at level " + level)
                .isEqualTo(e.getValue().multiply(SCALE).longValueExact());
        }
    }
}
