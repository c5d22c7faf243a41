package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.testing.RecordingRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table of broken frames: each must be counted under exactly the expected reason, publish nothing,
 * and leave the decoder able to decode the next good frame.
 */
class CoinbaseMarketDataDecoderBadInputTest
{
    private static final String TICKER_HEAD =
        "{\"channel\":\"ticker\",\"timestamp\":\"2026-08-09T21:05:48.229198328Z\",\"sequence_num\":6,\"events\":[";
    private static final String GOOD_TICKER = TICKER_HEAD +
        "{\"type\":\"snapshot\",\"tickers\":[{\"type\":\"ticker\",\"product_id\":\"BTC-USD\",\"price\":\"65086.18\"," +
        "\"best_bid\":\"65083.66\",\"best_ask\":\"65083.67\",\"best_bid_quantity\":\"0.20371215\"," +
        "\"best_ask_quantity\":\"0.24290402\"}]}]}";
    private static final String TRADE_HEAD =
        "{\"channel\":\"market_trades\",\"timestamp\":\"2026-08-09T21:05:48.228568804Z\",\"sequence_num\":0,\"events\":[";
    private static final String GOOD_TRADE = "{\"product_id\":\"BTC-USD\",\"trade_id\":\"1068572090\",\"price\":\"65083.67\"," +
        "\"size\":\"0.002186\",\"time\":\"2026-08-09T21:05:42.514318Z\",\"side\":\"SELL\"}";

    static Stream<Arguments> badFrames()
    {
        return Stream.of(
            frame("truncated", GOOD_TICKER.substring(0, GOOD_TICKER.length() - 7), DropReason.MALFORMED_JSON),
            frame("empty", "", DropReason.MALFORMED_JSON),
            frame("not an object", "[1,2,3]", DropReason.MALFORMED_JSON),
            frame("trailing garbage", GOOD_TICKER + "x", DropReason.MALFORMED_JSON),
            frame("trailing comma", GOOD_TICKER.replace("}]}]}", "},]}]}"), DropReason.MALFORMED_JSON),
            frame("bare NaN", GOOD_TICKER.replace("\"sequence_num\":6", "\"sequence_num\":NaN"), DropReason.MALFORMED_JSON),
            frame("unterminated string", "{\"channel\":\"tick", DropReason.MALFORMED_JSON),
            frame("unknown channel", GOOD_TICKER.replace("\"ticker\",\"timestamp", "\"tickerz\",\"timestamp"),
                DropReason.UNKNOWN_CHANNEL),
            frame("channel is a number", GOOD_TICKER.replace("\"channel\":\"ticker\"", "\"channel\":7"), DropReason.WRONG_TYPE),
            frame("missing channel", GOOD_TICKER.replace("\"channel\":\"ticker\",", ""), DropReason.MISSING_FIELD),
            frame("missing sequence", GOOD_TICKER.replace("\"sequence_num\":6,", ""), DropReason.MISSING_FIELD),
            frame("missing events", TICKER_HEAD.replace(",\"events\":[", "}"), DropReason.MISSING_FIELD),
            frame("events not an array", TICKER_HEAD.replace("[", "{}}"), DropReason.WRONG_TYPE),
            frame("sequence as string", GOOD_TICKER.replace("\"sequence_num\":6", "\"sequence_num\":\"6\""), DropReason.WRONG_TYPE),
            frame("bad timestamp", GOOD_TICKER.replace("2026-08-09T21", "2026-13-09T21"), DropReason.BAD_TIMESTAMP),
            frame("price NaN", GOOD_TICKER.replace("\"65086.18\"", "\"NaN\""), DropReason.BAD_NUMBER),
            frame("price as number", GOOD_TICKER.replace("\"65086.18\"", "65086.18"), DropReason.WRONG_TYPE),
            frame("price empty", GOOD_TICKER.replace("\"65086.18\"", "\"\""), DropReason.BAD_NUMBER),
            frame("price exponent", GOOD_TICKER.replace("\"65086.18\"", "\"6.5e4\""), DropReason.BAD_NUMBER),
            frame("negative price", GOOD_TICKER.replace("\"65086.18\"", "\"-65086.18\""), DropReason.NON_POSITIVE_PRICE),
            frame("zero bid", GOOD_TICKER.replace("\"65083.66\"", "\"0\""), DropReason.NON_POSITIVE_PRICE),
            frame("negative quantity", GOOD_TICKER.replace("\"0.20371215\"", "\"-1\""), DropReason.BAD_QUANTITY),
            frame("too many decimals", GOOD_TICKER.replace("\"0.20371215\"", "\"0.203712151\""), DropReason.TOO_MANY_DECIMALS),
            frame("overflow", GOOD_TICKER.replace("\"65086.18\"", "\"99999999999999999999\""), DropReason.NUMBER_OVERFLOW),
            frame("unknown product", GOOD_TICKER.replace("BTC-USD", "SHIB-USD"), DropReason.UNKNOWN_PRODUCT),
            frame("missing best_ask", GOOD_TICKER.replace("\"best_ask\":\"65083.67\",", ""), DropReason.MISSING_FIELD),
            frame("missing tickers", TICKER_HEAD + "{\"type\":\"update\"}]}", DropReason.MISSING_FIELD),
            frame("ticker entry not an object", TICKER_HEAD + "{\"type\":\"update\",\"tickers\":[42]}]}", DropReason.WRONG_TYPE),
            frame("trade side HOLD", TRADE_HEAD + trades(GOOD_TRADE.replace("SELL", "HOLD")), DropReason.BAD_SIDE),
            frame("trade id not numeric", TRADE_HEAD + trades(GOOD_TRADE.replace("1068572090", "10x")), DropReason.BAD_NUMBER),
            frame("trade id too large", TRADE_HEAD + trades(GOOD_TRADE.replace("1068572090", "99999999999999999999")),
                DropReason.NUMBER_OVERFLOW),
            frame("trade zero size", TRADE_HEAD + trades(GOOD_TRADE.replace("0.002186", "0")), DropReason.BAD_QUANTITY),
            frame("trade bad time", TRADE_HEAD + trades(GOOD_TRADE.replace("21:05:42", "21:5:42")), DropReason.BAD_TIMESTAMP),
            frame("trade missing size", TRADE_HEAD + trades(GOOD_TRADE.replace("\"size\":\"0.002186\",", "")),
                DropReason.MISSING_FIELD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void countsBadFrameByReasonAndPublishesNothing(final String name, final byte[] frame, final DropReason reason)
    {
        final RecordingRing recording = new RecordingRing(64);
        final GatewayMetrics metrics = new GatewayMetrics();
        final CoinbaseMarketDataDecoder decoder = decoder(recording, metrics);

        decoder.decode(frame, 0, frame.length, 1L, 2L);

        assertThat(recording.drain()).isEmpty();
        assertThat(metrics.framesDropped(reason) + metrics.entriesDropped(reason)).isEqualTo(1);
        assertThat(metrics.framesDroppedTotal() + metrics.entriesDroppedTotal()).isEqualTo(1);
        assertThat(metrics.eventsPublished()).isZero();
        decodesGoodFrameAfterwards(decoder, recording, metrics);
    }

    @Test
    void invalidUtf8InsideAStringIsCountedAsSuch()
    {
        final byte[] good = GOOD_TICKER.getBytes(StandardCharsets.US_ASCII);
        for (final byte[] bad : List.of(new byte[] {(byte)0xC3}, new byte[] {(byte)0xFF}, new byte[] {(byte)0xED, (byte)0xA0, (byte)0x80}))
        {
            final byte[] frame = splice(good, GOOD_TICKER.indexOf("BTC-USD"), bad);
            final RecordingRing recording = new RecordingRing(64);
            final GatewayMetrics metrics = new GatewayMetrics();
            final CoinbaseMarketDataDecoder decoder = decoder(recording, metrics);
            decoder.decode(frame, 0, frame.length, 1L, 2L);
            assertThat(metrics.framesDropped(DropReason.INVALID_UTF8)).isEqualTo(1);
            assertThat(recording.drain()).isEmpty();
            decodesGoodFrameAfterwards(decoder, recording, metrics);
        }
    }

    @Test
    void validMultiByteUtf8IsAccepted()
    {
        final byte[] frame = GOOD_TICKER.replace("\"type\":\"ticker\"", "\"type\":\"tick\u00e9r \u20ac \ud83d\ude00\"")
            .getBytes(StandardCharsets.UTF_8);
        final RecordingRing recording = new RecordingRing(64);
        final GatewayMetrics metrics = new GatewayMetrics();
        decoder(recording, metrics).decode(frame, 0, frame.length, 1L, 2L);
        assertThat(recording.drain()).hasSize(1);
    }

    @Test
    void binaryAndOversizedFramesAreCountedAndDropped()
    {
        final RecordingRing recording = new RecordingRing(64);
        final GatewayMetrics metrics = new GatewayMetrics();
        final byte[] good = GOOD_TICKER.getBytes(StandardCharsets.US_ASCII);
        final CoinbaseMarketDataDecoder decoder = new CoinbaseMarketDataDecoder(
            CoinbaseProducts.CATALOG.registryFor(List.of("BTC-USD", "ETH-USD")), recording.ring(), metrics, good.length);

        decoder.onBinaryFrame();
        final byte[] big = (GOOD_TICKER + " ").getBytes(StandardCharsets.US_ASCII);
        decoder.decode(big, 0, big.length, 1L, 2L);

        assertThat(metrics.framesDropped(DropReason.BINARY_FRAME)).isEqualTo(1);
        assertThat(metrics.framesDropped(DropReason.OVERSIZED_FRAME)).isEqualTo(1);
        decodesGoodFrameAfterwards(decoder, recording, metrics);
    }

    @Test
    void dropsOnlyTheBadEntryOfAFrame()
    {
        final String frame = TRADE_HEAD + "{\"type\":\"update\",\"trades\":[" + GOOD_TRADE + "," +
            GOOD_TRADE.replace("BTC-USD", "NOPE-USD") + "," + GOOD_TRADE.replace("1068572090", "1068572091") + "]}]}";
        final RecordingRing recording = new RecordingRing(64);
        final GatewayMetrics metrics = new GatewayMetrics();
        final byte[] bytes = frame.getBytes(StandardCharsets.US_ASCII);
        decoder(recording, metrics).decode(bytes, 0, bytes.length, 1L, 2L);

        assertThat(recording.drain()).extracting(e -> e.tradeId).containsExactly(1068572090L, 1068572091L);
        assertThat(metrics.entriesDropped(DropReason.UNKNOWN_PRODUCT)).isEqualTo(1);
    }

    /** Ticker and trade entries are decoded during the validating pass: nothing may leak from a frame that then fails. */
    @Test
    void aFrameThatFailsAfterItsEntriesPublishesNothingAndCountsNoEntryDrop()
    {
        final String withBadEntry = TRADE_HEAD + "{\"type\":\"update\",\"trades\":[" + GOOD_TRADE + "," +
            GOOD_TRADE.replace("BTC-USD", "NOPE-USD") + "]}]}";
        for (final String text : List.of(withBadEntry + " x", withBadEntry.replace("]}]}", "]},]}"),
            withBadEntry.replace("]}]}", "]}]"), withBadEntry.replace("NOPE-USD\",", "NOPE-USD\",,")))
        {
            final RecordingRing recording = new RecordingRing(64);
            final GatewayMetrics metrics = new GatewayMetrics();
            final CoinbaseMarketDataDecoder decoder = decoder(recording, metrics);
            final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            decoder.decode(bytes, 0, bytes.length, 1L, 2L);
            assertThat(recording.drain()).as(text).isEmpty();
            assertThat(metrics.framesDropped(DropReason.MALFORMED_JSON)).as(text).isEqualTo(1);
            assertThat(metrics.entriesDroppedTotal()).as(text).isZero();
            decodesGoodFrameAfterwards(decoder, recording, metrics);
        }
    }

    /** The single pass needs channel before events and at most InlineEntries.CAPACITY entries; else the second pass. */
    @Test
    void decodesTheSameWhateverTheKeyOrderOrTheNumberOfEntries()
    {
        final StringBuilder many = new StringBuilder();
        for (int i = 0; i < InlineEntries.CAPACITY + 6; i++)
        {
            many.append(i == 0 ? "" : ",").append(GOOD_TRADE.replace("1068572090", Integer.toString(1_000 + i)));
        }
        final String big = TRADE_HEAD + "{\"type\":\"update\",\"trades\":[" + many + "," +
            GOOD_TRADE.replace("BTC-USD", "NOPE-USD") + "]}]}";
        final String channelLast = "{\"timestamp\":\"2026-08-09T21:05:48.228568804Z\",\"sequence_num\":0,\"events\":[" +
            "{\"type\":\"update\",\"trades\":[" + many + "," + GOOD_TRADE.replace("BTC-USD", "NOPE-USD") +
            "]}],\"channel\":\"market_trades\"}";
        final String small = TRADE_HEAD + "{\"type\":\"update\",\"trades\":[" + GOOD_TRADE + "," +
            GOOD_TRADE.replace("BTC-USD", "NOPE-USD") + "]}]}";
        final String smallChannelLast = small.replace("\"channel\":\"market_trades\",", "")
            .replace("]}]}", "]}],\"channel\":\"market_trades\"}");
        for (final String text : List.of(big, channelLast, small, smallChannelLast))
        {
            final RecordingRing recording = new RecordingRing(256);
            final GatewayMetrics metrics = new GatewayMetrics();
            final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            decoder(recording, metrics).decode(bytes, 0, bytes.length, 1L, 2L);
            final List<InboundEvent> events = recording.drain();
            final int expected = text.length() > 2_000 ? InlineEntries.CAPACITY + 6 : 1;
            assertThat(events).as(text).hasSize(expected);
            assertThat(events.get(expected - 1).tradeId).isEqualTo(expected == 1 ? 1068572090L : 1_000L + expected - 1);
            assertThat(events.get(0).price).isEqualTo(6_508_367_000_000L);
            assertThat(metrics.entriesDropped(DropReason.UNKNOWN_PRODUCT)).isEqualTo(1);
            assertThat(metrics.entriesDroppedTotal()).isEqualTo(1);
        }
    }

    @Test
    void countsASequenceGapPerJump()
    {
        final RecordingRing recording = new RecordingRing(64);
        final GatewayMetrics metrics = new GatewayMetrics();
        final CoinbaseMarketDataDecoder decoder = decoder(recording, metrics);
        for (final int sequence : new int[] {6, 7, 9, 10})
        {
            final byte[] bytes = GOOD_TICKER.replace("\"sequence_num\":6", "\"sequence_num\":" + sequence)
                .getBytes(StandardCharsets.US_ASCII);
            decoder.decode(bytes, 0, bytes.length, 1L, 2L);
        }
        assertThat(metrics.sequenceGaps()).isEqualTo(1);
        // A frame of a channel the gateway does not know still takes its place in the sequence.
        final byte[] unknown = GOOD_TICKER.replace("\"sequence_num\":6", "\"sequence_num\":11")
            .replace("\"ticker\",\"timestamp", "\"futures_balance_summary\",\"timestamp").getBytes(StandardCharsets.US_ASCII);
        decoder.decode(unknown, 0, unknown.length, 1L, 2L);
        final byte[] next = GOOD_TICKER.replace("\"sequence_num\":6", "\"sequence_num\":12").getBytes(StandardCharsets.US_ASCII);
        decoder.decode(next, 0, next.length, 1L, 2L);
        assertThat(metrics.sequenceGaps()).isEqualTo(1);
        decoder.onConnected();
        final byte[] restart = GOOD_TICKER.replace("\"sequence_num\":6", "\"sequence_num\":0").getBytes(StandardCharsets.US_ASCII);
        decoder.decode(restart, 0, restart.length, 1L, 2L);
        assertThat(metrics.sequenceGaps()).isEqualTo(1);
    }

    private static void decodesGoodFrameAfterwards(
        final CoinbaseMarketDataDecoder decoder, final RecordingRing recording, final GatewayMetrics metrics)
    {
        final byte[] good = GOOD_TICKER.getBytes(StandardCharsets.US_ASCII);
        final long publishedBefore = metrics.eventsPublished();
        decoder.decode(good, 0, good.length, 11L, 12L);
        final List<InboundEvent> events = recording.drain();
        assertThat(events).hasSize(1);
        final InboundEvent quote = events.get(0);
        assertThat(quote.type).isEqualTo(EventType.QUOTE);
        assertThat(quote.instrumentId).isEqualTo(0);
        assertThat(quote.price).isEqualTo(6_508_618_000_000L);
        assertThat(quote.bidQuantity).isEqualTo(20_371_215L);
        assertThat(quote.eventTimeNanos).isEqualTo(11L);
        assertThat(quote.receiveNanoTime).isEqualTo(12L);
        assertThat(metrics.eventsPublished()).isEqualTo(publishedBefore + 1);
    }

    private static CoinbaseMarketDataDecoder decoder(final RecordingRing recording, final GatewayMetrics metrics)
    {
        return new CoinbaseMarketDataDecoder(CoinbaseProducts.CATALOG.registryFor(List.of("BTC-USD", "ETH-USD")), recording.ring(), metrics);
    }

    private static String trades(final String trade)
    {
        return "{\"type\":\"update\",\"trades\":[" + trade + "]}]}";
    }

    private static Arguments frame(final String name, final String text, final DropReason reason)
    {
        return Arguments.of(name, text.getBytes(StandardCharsets.UTF_8), reason);
    }

    private static byte[] splice(final byte[] original, final int at, final byte[] inserted)
    {
        final byte[] out = new byte[original.length + inserted.length];
        System.arraycopy(original, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(original, at, out, at + inserted.length, original.length - at);
        return out;
    }
}
