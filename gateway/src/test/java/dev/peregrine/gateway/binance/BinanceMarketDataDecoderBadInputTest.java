package dev.peregrine.gateway.binance;

import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.testing.RecordingRing;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad frames are counted by reason, publish nothing, and the decoder keeps working; good ones allocate nothing. */
class BinanceMarketDataDecoderBadInputTest
{
    private static final String TRADE = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343," +
        "\"s\":\"BTCUSDT\",\"t\":3735683259,\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":1723161255342,\"m\":true,\"M\":true}}";
    private static final String TICKER = "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":50093239212,\"s\":\"BTCUSDT\"," +
        "\"b\":\"61837.63000000\",\"B\":\"3.78826000\",\"a\":\"61837.64000000\",\"A\":\"1.54698000\"}}";

    private final RecordingRing recording = new RecordingRing(1024);
    private final BinanceMetrics metrics = new BinanceMetrics();
    private final BinanceMarketDataDecoder decoder = new BinanceMarketDataDecoder(
        BinanceProducts.CATALOG.registryFor(List.of("BTCUSDT")), recording.ring(), metrics, id -> { });

    private void decode(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        decoder.decode(bytes, 0, bytes.length, 1, 1);
    }

    @Test
    void badFramesAreCountedByReasonAndPublishNothing()
    {
        decode("{\"stream\":\"btcusdt@trade\",\"data\":{");
        decode("not json");
        decode("{\"stream\":\"btcusdt@aggTrade\",\"data\":{}}");
        decode("{\"data\":{}}");
        decode(TRADE.replace("\"p\":\"61837.63000000\",", ""));
        decode(TRADE.replace("61837.63000000", "61,837.63"));
        decode(TRADE.replace("\"BTCUSDT\"", "\"DOGEUSDT\""));
        decode(TRADE.replace("\"t\":3735683259", "\"t\":\"3735683259\""));
        decode(TRADE.replace("\"m\":true", "\"m\":\"yes\""));
        decode(TICKER.replace("\"0.02000000\"", "x").replace("\"61837.64000000\"", "\"0\""));
        decode(TICKER.replace("3.78826000", "1e5"));
        decode("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":5,\"u\":6," +
            "\"b\":[[\"1.0\",\"-1\"]],\"a\":[]}}");
        decode("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"E\":1,\"s\":\"BTCUSDT\",\"U\":7,\"u\":6,\"b\":[],\"a\":[]}}");

        assertThat(recording.drain()).isEmpty();
        assertThat(metrics.framesDropped(DropReason.MALFORMED_JSON)).isEqualTo(2);
        assertThat(metrics.framesDropped(DropReason.UNKNOWN_CHANNEL)).isEqualTo(1);
        assertThat(metrics.framesDropped(DropReason.MISSING_FIELD)).isEqualTo(2);
        assertThat(metrics.framesDropped(DropReason.BAD_NUMBER)).isEqualTo(3);
        assertThat(metrics.framesDropped(DropReason.UNKNOWN_PRODUCT)).isEqualTo(1);
        assertThat(metrics.framesDropped(DropReason.WRONG_TYPE)).isEqualTo(1);
        assertThat(metrics.framesDropped(DropReason.BAD_SIDE)).isEqualTo(1);
        assertThat(metrics.framesDropped(DropReason.NON_POSITIVE_PRICE)).isEqualTo(1);
        assertThat(metrics.framesDropped(DropReason.BAD_QUANTITY)).isEqualTo(1);
        assertThat(metrics.framesDroppedTotal()).isEqualTo(13);
        assertThat(decoder.sync(0).bufferedDiffs()).isZero();

        decode(TRADE);
        decode(TICKER);
        assertThat(recording.drain()).hasSize(2);
    }

    @Test
    void aDepthDiffWithMoreLevelsThanBinanceEverSendsIsDroppedAndCounted()
    {
        final String level = "[\"61837.63\",\"1\"]";
        final String tooMany = String.join(",", java.util.Collections.nCopies(DepthMessage.MAX_DIFF_LEVELS + 1, level));
        decode("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\"," +
            "\"U\":5,\"u\":6,\"b\":[" + tooMany + "],\"a\":[]}}");
        assertThat(metrics.framesDropped(DropReason.TOO_MANY_ENTRIES)).isEqualTo(1);
        assertThat(decoder.sync(0).bufferedDiffs()).isZero();

        final String atLimit = String.join(",", java.util.Collections.nCopies(DepthMessage.MAX_DIFF_LEVELS / 2, level));
        decode("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\"," +
            "\"U\":5,\"u\":6,\"b\":[" + atLimit + "],\"a\":[" + atLimit + "]}}");
        assertThat(metrics.framesDroppedTotal()).isEqualTo(1);
        assertThat(decoder.sync(0).bufferedDiffs()).isEqualTo(1);
    }

    /** Trades and bookTickers are decoded in the envelope pass: a defect after or inside data must still win. */
    @Test
    void singlePassDecodingPublishesNothingOfAFrameThatTurnsOutBad()
    {
        decode(TRADE + "x");                                                   // trailing bytes after data
        decode(TRADE.substring(0, TRADE.length() - 1) + ",}");                 // trailing comma after data
        decode(TRADE.replace("\"m\":true", "\"m\":tru"));                    // broken literal inside data
        decode(TRADE.replace("\"BTCUSDT\"", "\"DOGEUSDT\"") + " ]");          // a content problem, then bad syntax
        decode(TICKER.replace("\"b\":", "\"b\" "));                          // missing colon inside data
        final byte[] badUtf8 = TRADE.replace("\"e\":\"trade\"", "\"e\":\"tr\u00ffde\"").getBytes(StandardCharsets.ISO_8859_1);
        decoder.decode(badUtf8, 0, badUtf8.length, 1, 1);                      // a lone 0xFF inside data
        decode(TRADE.replace("\"stream\":\"btcusdt@trade\"", "\"stream\":7"));  // stream of the wrong type

        assertThat(recording.drain()).isEmpty();
        assertThat(metrics.framesDropped(DropReason.MALFORMED_JSON)).isEqualTo(5);
        assertThat(metrics.framesDropped(DropReason.INVALID_UTF8)).isEqualTo(1);
        assertThat(metrics.framesDropped(DropReason.WRONG_TYPE)).isEqualTo(1);
        assertThat(metrics.framesDroppedTotal()).isEqualTo(7);

        // data before stream takes the second pass and decodes the same.
        final String dataFirst = "{\"data\":" + TRADE.substring(TRADE.indexOf("{", 1), TRADE.length() - 1) +
            ",\"stream\":\"btcusdt@trade\"}";
        decode(dataFirst);
        decode(TRADE);
        final List<dev.peregrine.core.event.InboundEvent> events = recording.drain();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).tradeId).isEqualTo(events.get(1).tradeId);
        assertThat(events.get(0).price).isEqualTo(events.get(1).price);
        assertThat(events.get(0).side).isEqualTo(events.get(1).side);
    }

    @Test
    void decodingAllocatesNothingAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        recording.ring().removeGatingSequence(recording.pollerSequence()); // nothing consumes here
        final byte[][] frames = new byte[][] {
            TRADE.getBytes(StandardCharsets.US_ASCII),
            TICKER.getBytes(StandardCharsets.US_ASCII),
            "{\"stream\":\"btcusdt@trade\",\"data\":{".getBytes(StandardCharsets.US_ASCII),
            null,
        };
        final byte[] snapshot = "{\"lastUpdateId\":10,\"bids\":[[\"1.00\",\"2\"]],\"asks\":[[\"3.00\",\"4\"]]}"
            .getBytes(StandardCharsets.US_ASCII);
        decoder.onDepthSnapshot(0, snapshot, 0, snapshot.length, 1, 1);
        run(frames, 20_000, 0);
        final long before = threads.getCurrentThreadAllocatedBytes();
        run(frames, 100_000, 20_000);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(metrics.feedGaps()).isZero();
        assertThat(allocated).as("bytes allocated by 400,000 decodes").isLessThan(1_000);
        // The trade and the ticker took the fixed-layout fast path every time; the truncated frame did not.
        assertThat(decoder.fastPathFrames()).isEqualTo(2L * 120_000);
    }

    private void run(final byte[][] frames, final int rounds, final int from)
    {
        final byte[] diff = new byte[256];
        for (int i = from; i < from + rounds; i++)
        {
            for (int f = 0; f < 3; f++)
            {
                decoder.decode(frames[f], 0, frames[f].length, i, i);
            }
            // A chained diff per round, written into a reused buffer: U = u = 11 + i.
            final int length = writeDiff(diff, 11 + i);
            decoder.decode(diff, 0, length, i, i);
        }
    }

    private static int writeDiff(final byte[] into, final long id)
    {
        int p = put(into, 0, "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":");
        p = putLong(into, p, id);
        p = put(into, p, ",\"u\":");
        p = putLong(into, p, id);
        return put(into, p, ",\"b\":[[\"1.00\",\"5\"]],\"a\":[[\"3.00\",\"0\"],[\"3.01\",\"1\"]]}}");
    }

    private static int put(final byte[] into, final int at, final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            into[at + i] = (byte)text.charAt(i);
        }
        return at + text.length();
    }

    private static int putLong(final byte[] into, final int at, final long value)
    {
        final int digits = value == 0 ? 1 : (int)Math.log10(value) + 1;
        long v = value;
        for (int i = digits - 1; i >= 0; i--)
        {
            into[at + i] = (byte)('0' + v % 10);
            v /= 10;
        }
        return at + digits;
    }
}
