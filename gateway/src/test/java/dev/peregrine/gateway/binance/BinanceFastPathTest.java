package dev.peregrine.gateway.binance;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.testing.FrameMutator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BinanceFastPath}: canonical frames take it, and every frame, canonical or not, has exactly the
 * outcome it has with the fast path off (the decoder as it was before): the same metrics (received per
 * stream, every drop reason, events published) and the same published event, field for field.
 */
class BinanceFastPathTest
{
    static final String TRADE =
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161254004,\"s\":\"BTCUSDT\"," +
        "\"t\":3752154317,\"p\":\"61837.63000000\",\"q\":\"0.00081000\",\"T\":1723161254003,\"m\":false,\"M\":true}}";
    static final String BOOK_TICKER =
        "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":50093239369,\"s\":\"BTCUSDT\"," +
        "\"b\":\"61837.62000000\",\"B\":\"5.26094000\",\"a\":\"61837.63000000\",\"A\":\"2.63385000\"}}";

    /** A decoder with the fast path on and one with it off, fed the same frames. */
    private static final class Pair
    {
        final InstrumentRegistry registry = BinanceProducts.CATALOG.registryFor(List.of("BTCUSDT", "ETHUSDT"));
        final RingBuffer<InboundEvent> fastRing = RingBuffer.createSingleProducer(InboundEvent::new, 16);
        final RingBuffer<InboundEvent> slowRing = RingBuffer.createSingleProducer(InboundEvent::new, 16);
        final BinanceMarketDataDecoder fast =
            new BinanceMarketDataDecoder(registry, fastRing, new BinanceMetrics(), id -> { });
        final BinanceMarketDataDecoder slow =
            new BinanceMarketDataDecoder(registry, slowRing, new BinanceMetrics(), id -> { });

        Pair()
        {
            slow.fastPathEnabled(false);
        }

        /** Decodes the frame with both; asserts the same outcome; true if the fast path took it. */
        boolean decodeBoth(final byte[] frame, final int length, final long n)
        {
            final long hitsBefore = fast.fastPathFrames();
            final long publishedBefore = fast.metrics().eventsPublished();
            fast.decode(frame, 0, length, 1_000L + n, 2_000L + n);
            slow.decode(frame, 0, length, 1_000L + n, 2_000L + n);
            assertThat(slow.fastPathFrames()).isZero();
            final String text = new String(frame, 0, Math.min(length, 400), StandardCharsets.ISO_8859_1);
            for (final BinanceStream stream : BinanceStream.values())
            {
                assertThat(fast.metrics().framesReceived(stream)).as("received %s: %s", stream, text)
                    .isEqualTo(slow.metrics().framesReceived(stream));
            }
            for (final DropReason reason : DropReason.values())
            {
                assertThat(fast.metrics().framesDropped(reason)).as("dropped %s: %s", reason, text)
                    .isEqualTo(slow.metrics().framesDropped(reason));
            }
            assertThat(fast.metrics().eventsPublished()).as("published: %s", text)
                .isEqualTo(slow.metrics().eventsPublished());
            assertThat(fastRing.getCursor()).isEqualTo(slowRing.getCursor());
            if (fast.metrics().eventsPublished() != publishedBefore)
            {
                final InboundEvent a = fastRing.get(fastRing.getCursor());
                final InboundEvent b = slowRing.get(slowRing.getCursor());
                assertThat(a.toString()).as("event: %s", text).isEqualTo(b.toString());
                assertThat(a.receiveNanoTime).isEqualTo(b.receiveNanoTime);
            }
            return fast.fastPathFrames() != hitsBefore;
        }

        boolean decodeBoth(final String frame)
        {
            final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
            return decodeBoth(bytes, bytes.length, 0);
        }
    }

    @Test
    void canonicalFramesTakeTheFastPathAndPublishWhatTheGenericPathDoes()
    {
        final Pair pair = new Pair();
        assertThat(pair.decodeBoth(TRADE)).isTrue();
        assertThat(pair.decodeBoth(TRADE.replace("\"m\":false", "\"m\":true"))).isTrue();
        assertThat(pair.decodeBoth(BOOK_TICKER)).isTrue();
        assertThat(pair.decodeBoth(BOOK_TICKER.replace("BTCUSDT", "ETHUSDT"))).isTrue();
        assertThat(pair.decodeBoth(BOOK_TICKER.replace("\"B\":\"5.26094000\"", "\"B\":\"0.00000000\""))).isTrue();
        assertThat(pair.decodeBoth(TRADE.replace("\"t\":3752154317", "\"t\":0"))).isTrue();
        assertThat(pair.decodeBoth(TRADE.replace("\"t\":3752154317", "\"t\":12345678901234567"))).isTrue();
        assertThat(pair.decodeBoth(TRADE.replace("\"t\":3752154317", "\"t\":123456789012345678"))).isTrue();
        assertThat(pair.fast.fastPathFrames()).isEqualTo(8);
        assertThat(pair.fast.metrics().eventsPublished()).isEqualTo(8);
    }

    @Test
    void aCanonicalFrameInsideALargerBufferIsMatchedWithinItsBounds()
    {
        final Pair pair = new Pair();
        final byte[] frame = TRADE.getBytes(StandardCharsets.US_ASCII);
        final byte[] buffer = new byte[frame.length + 20];
        java.util.Arrays.fill(buffer, (byte) '}');
        System.arraycopy(frame, 0, buffer, 7, frame.length);
        pair.fast.decode(buffer, 7, frame.length, 1L, 2L);
        assertThat(pair.fast.fastPathFrames()).isEqualTo(1);
        assertThat(pair.fast.metrics().eventsPublished()).isEqualTo(1);
        // Truncated by one byte inside the same buffer: not canonical, the generic path drops it.
        pair.fast.decode(buffer, 7, frame.length - 1, 1L, 2L);
        assertThat(pair.fast.fastPathFrames()).isEqualTo(1);
        assertThat(pair.fast.metrics().framesDropped(DropReason.MALFORMED_JSON)).isEqualTo(1);
    }

    static Stream<Arguments> deviations()
    {
        return Stream.of(
            // structure and layout
            Arguments.of("space after colon", TRADE.replace("\"E\":", "\"E\": ")),
            Arguments.of("trailing newline", TRADE + "\n"),
            Arguments.of("trailing junk", TRADE + "x"),
            Arguments.of("second object", TRADE + TRADE),
            Arguments.of("leading space", " " + BOOK_TICKER),
            Arguments.of("data before stream", "{\"data\":" + TRADE.substring(TRADE.indexOf('{', 1), TRADE.length() - 1) +
                ",\"stream\":\"btcusdt@trade\"}"),
            Arguments.of("key order inside data", BOOK_TICKER.replace("\"u\":50093239369,\"s\":\"BTCUSDT\"",
                "\"s\":\"BTCUSDT\",\"u\":50093239369")),
            Arguments.of("extra key", TRADE.replace("\"M\":true", "\"M\":true,\"x\":1")),
            Arguments.of("missing M", TRADE.replace(",\"M\":true", "")),
            Arguments.of("missing m", TRADE.replace("\"m\":false,", "")),
            Arguments.of("missing A", BOOK_TICKER.replace(",\"A\":\"2.63385000\"", "")),
            Arguments.of("duplicate p", TRADE.replace("\"q\":", "\"p\":\"1.00000000\",\"q\":")),
            Arguments.of("truncated", TRADE.substring(0, TRADE.length() - 1)),
            Arguments.of("truncated in a decimal", BOOK_TICKER.substring(0, BOOK_TICKER.length() - 6)),
            Arguments.of("extra envelope key", TRADE.substring(0, TRADE.length() - 1) + ",\"x\":null}"),
            Arguments.of("e not trade", TRADE.replace("\"e\":\"trade\"", "\"e\":\"trad\"")),
            // stream names
            Arguments.of("depth stream", TRADE.replace("btcusdt@trade", "btcusdt@depth@100ms")),
            Arguments.of("unknown stream", TRADE.replace("btcusdt@trade", "btcusdt@aggTrade")),
            Arguments.of("empty symbol in stream", TRADE.replace("btcusdt@trade", "@trade")),
            Arguments.of("bookTicker payload on trade stream", BOOK_TICKER.replace("@bookTicker", "@trade")),
            Arguments.of("trade payload on bookTicker stream", TRADE.replace("@trade", "@bookTicker")),
            Arguments.of("escape in stream", TRADE.replace("btcusdt@trade", "btc\\u0075sdt@trade")),
            // strings
            Arguments.of("unknown symbol", TRADE.replace("BTCUSDT", "XRPUSDT")),
            Arguments.of("escaped symbol", TRADE.replace("BTCUSDT", "BTC\\u0055SDT")),
            Arguments.of("non-ASCII symbol", TRADE.replace("BTCUSDT", "BTCÜSDT")),
            Arguments.of("control byte in symbol", TRADE.replace("BTCUSDT", "BTC\tUSDT")),
            Arguments.of("DEL in symbol", TRADE.replace("BTCUSDT", "BTC\u007fUSDT")),
            Arguments.of("lower-case symbol", BOOK_TICKER.replace("BTCUSDT", "btcusdt")),
            // integers
            Arguments.of("leading zero", TRADE.replace("\"t\":3752154317", "\"t\":03752154317")),
            Arguments.of("negative id", TRADE.replace("\"t\":3752154317", "\"t\":-3752154317")),
            Arguments.of("fractional id", TRADE.replace("\"t\":3752154317", "\"t\":3752154317.0")),
            Arguments.of("exponent id", TRADE.replace("\"t\":3752154317", "\"t\":3752154317e0")),
            Arguments.of("string id", TRADE.replace("\"t\":3752154317", "\"t\":\"3752154317\"")),
            Arguments.of("19-digit id", TRADE.replace("\"t\":3752154317", "\"t\":1234567890123456789")),
            Arguments.of("20-digit id", TRADE.replace("\"t\":3752154317", "\"t\":12345678901234567890")),
            Arguments.of("time too large", TRADE.replace("\"T\":1723161254003", "\"T\":999999999999999")),
            Arguments.of("empty update id", BOOK_TICKER.replace("\"u\":50093239369", "\"u\":")),
            // decimals
            Arguments.of("zero price", TRADE.replace("\"p\":\"61837.63000000\"", "\"p\":\"0.00000000\"")),
            Arguments.of("zero quantity", TRADE.replace("\"q\":\"0.00081000\"", "\"q\":\"0.00000000\"")),
            Arguments.of("zero bid", BOOK_TICKER.replace("\"b\":\"61837.62000000\"", "\"b\":\"0.00000000\"")),
            Arguments.of("negative price", TRADE.replace("\"p\":\"61837.63000000\"", "\"p\":\"-61837.63000000\"")),
            Arguments.of("short fraction", TRADE.replace("\"p\":\"61837.63000000\"", "\"p\":\"61837.63\"")),
            Arguments.of("9 fraction digits", TRADE.replace("\"p\":\"61837.63000000\"", "\"p\":\"61837.630000001\"")),
            Arguments.of("no fraction", BOOK_TICKER.replace("\"A\":\"2.63385000\"", "\"A\":\"2\"")),
            Arguments.of("8 integer digits", TRADE.replace("\"p\":\"61837.63000000\"", "\"p\":\"12345678.63000000\"")),
            Arguments.of("11 integer digits", TRADE.replace("\"p\":\"61837.63000000\"", "\"p\":\"12345678901.63000000\"")),
            Arguments.of("number not string", TRADE.replace("\"p\":\"61837.63000000\"", "\"p\":61837.63")),
            Arguments.of("exponent decimal", TRADE.replace("\"q\":\"0.00081000\"", "\"q\":\"8.1e-4\"")),
            Arguments.of("junk in fraction", TRADE.replace("\"q\":\"0.00081000\"", "\"q\":\"0.0008x000\"")),
            Arguments.of("empty decimal", BOOK_TICKER.replace("\"B\":\"5.26094000\"", "\"B\":\"\"")),
            // booleans
            Arguments.of("m null", TRADE.replace("\"m\":false", "\"m\":null")),
            Arguments.of("m string", TRADE.replace("\"m\":false", "\"m\":\"false\"")),
            Arguments.of("m misspelt", TRADE.replace("\"m\":false", "\"m\":fals")),
            Arguments.of("M null", TRADE.replace("\"M\":true", "\"M\":null")),
            Arguments.of("M truex", TRADE.replace("\"M\":true", "\"M\":truex")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviations")
    void everyDeviationFallsBackAndHasTheGenericOutcome(final String name, final String frame)
    {
        final Pair pair = new Pair();
        assertThat(pair.decodeBoth(frame)).as("fast path must refuse: %s", name).isFalse();
    }

    @Test
    void theWholeCaptureTakesTheFastPathWithTheGenericOutcome() throws Exception
    {
        final List<byte[]> seeds = BinanceDecoderFuzzTest.seeds(ExternalResources.sharedDataFile(BinanceCaptureReading.FILE));
        final Pair pair = new Pair();
        long canonical = 0;
        long n = 0;
        for (final byte[] frame : seeds)
        {
            final String text = new String(frame, StandardCharsets.ISO_8859_1);
            final boolean tradeOrTicker = text.contains("@trade\"") || text.contains("@bookTicker\"");
            final boolean hit = pair.decodeBoth(frame, frame.length, n++);
            assertThat(hit).as(text).isEqualTo(tradeOrTicker);
            canonical += tradeOrTicker ? 1 : 0;
        }
        assertThat(canonical).isEqualTo(9_757 + 28_040);
        assertThat(pair.fast.fastPathFrames()).isEqualTo(canonical);
    }

    /** The fuzz corpus (mutated capture frames) with the fast path on and off: identical outcomes. */
    @Test
    void mutatedFramesHaveTheSameOutcomeWithAndWithoutTheFastPath() throws Exception
    {
        final List<byte[]> seeds = BinanceDecoderFuzzTest.seeds(ExternalResources.sharedDataFile(BinanceCaptureReading.FILE));
        final Pair pair = new Pair();
        final FrameMutator mutator = new FrameMutator(seeds, 20261123L, 3 * 16 * 1024);
        final byte[] buffer = new byte[4 * 16 * 1024 + 16];
        for (int n = 0; n < 300_000; n++)
        {
            final int length = mutator.mutate(buffer);
            pair.decodeBoth(buffer, length, n);
        }
        assertThat(pair.fast.fastPathFrames()).as("some mutated frames are still canonical").isPositive();
        assertThat(pair.fast.metrics().framesDroppedTotal()).isPositive();
    }
}
