package dev.peregrine.bench.decode;

import dev.peregrine.bench.capture.BinanceCaptureFrames;
import dev.peregrine.bench.capture.CoinbaseCapture;
import dev.peregrine.bench.capture.RealCaptures;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.binance.BinanceMarketDataDecoder;
import dev.peregrine.gateway.binance.BinanceMetrics;
import dev.peregrine.gateway.coinbase.CoinbaseMarketDataDecoder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decoder comparison is only fair if every decoder extracts the same values from the same bytes.
 * This holds Peregrine's decoders and both Jackson baselines to identical events on every ticker,
 * market_trades and l2_data update frame of the real Coinbase capture and on every Binance trade and
 * bookTicker frame (the benchmark's frames among them).
 */
class DecoderAgreementTest
{
    private static final long RECEIVE_EPOCH_NANOS = 1_786_309_548_000_000_000L;
    private static final long RECEIVE_NANO_TIME = 42L;

    @Test
    void peregrineAndBothJacksonBaselinesAgreeOnEveryCoinbaseFrame() throws Exception
    {
        final CoinbaseCapture capture = CoinbaseCapture.load(dataDir(RealCaptures.COINBASE));
        final DrainedRing ring = new DrainedRing(1024);
        final CoinbaseMarketDataDecoder peregrine =
            new CoinbaseMarketDataDecoder(Venues.coinbase(), ring.ring(), new GatewayMetrics());
        final JacksonStreamingCoinbaseDecoder streaming = new JacksonStreamingCoinbaseDecoder(Venues.coinbase());
        final JacksonTreeCoinbaseDecoder tree = new JacksonTreeCoinbaseDecoder(Venues.coinbase());
        final DecodedEvents fromPeregrine = new DecodedEvents(256);
        final DecodedEvents fromStreaming = new DecodedEvents(256);
        final DecodedEvents fromTree = new DecodedEvents(64 * 1024);

        int quotes = 0;
        int trades = 0;
        int levels = 0;
        for (final CoinbaseCapture.Frame frame : capture.frames())
        {
            final boolean level2Update = "l2_data".equals(frame.channel) && "update".equals(frame.eventType);
            final boolean quotesOrTrades = "ticker".equals(frame.channel) || "market_trades".equals(frame.channel);
            if (!quotesOrTrades && !level2Update)
            {
                continue;
            }
            streaming.decode(frame.bytes, 0, frame.bytes.length, RECEIVE_EPOCH_NANOS, RECEIVE_NANO_TIME, fromStreaming);
            tree.decode(frame.bytes, 0, frame.bytes.length, RECEIVE_EPOCH_NANOS, RECEIVE_NANO_TIME, fromTree);
            assertThat(describe(fromStreaming)).as("streaming vs tree on %s", frame).isEqualTo(describe(fromTree));
            assertThat(fromStreaming.count()).as("events of %s", frame).isPositive();
            // As the benchmark does: a new sequence series per frame, so frames left out above are no gap.
            peregrine.onConnected();
            peregrine.decode(frame.bytes, 0, frame.bytes.length, RECEIVE_EPOCH_NANOS, RECEIVE_NANO_TIME);
            ring.drainInto(fromPeregrine);
            assertThat(describe(fromPeregrine)).as("Peregrine vs Jackson on %s", frame).isEqualTo(asTheVenueMeantIt(frame, describe(fromStreaming)));
            for (int i = 0; i < fromPeregrine.count(); i++)
            {
                final int type = fromPeregrine.get(i).type;
                if (type == EventType.QUOTE)
                {
                    quotes++;
                }
                else if (type == EventType.TRADE)
                {
                    trades++;
                }
                else
                {
                    levels++;
                }
            }
        }
        // The capture README's counts: 160 ticker frames of one entry, 279 trades, 773 updates.
        assertThat(quotes).isEqualTo(160);
        assertThat(trades).isEqualTo(279);
        assertThat(levels).isPositive();
    }

    @Test
    void peregrineAndBothJacksonBaselinesAgreeOnEveryBinanceTradeAndBookTicker() throws Exception
    {
        final BinanceCaptureFrames capture = BinanceCaptureFrames.load(dataDir(RealCaptures.BINANCE));
        final DrainedRing ring = new DrainedRing(1024);
        final BinanceMarketDataDecoder peregrine =
            new BinanceMarketDataDecoder(Venues.binance(), ring.ring(), new BinanceMetrics(), id -> { });
        final DecodedEvents fromPeregrine = new DecodedEvents(4);
        final JacksonStreamingBinanceDecoder streaming = new JacksonStreamingBinanceDecoder(Venues.binance());
        final JacksonTreeBinanceDecoder tree = new JacksonTreeBinanceDecoder(Venues.binance());
        final DecodedEvents fromStreaming = new DecodedEvents(4);
        final DecodedEvents fromTree = new DecodedEvents(4);
        final List<byte[]> frames = new ArrayList<>(capture.trades());
        frames.addAll(capture.bookTickers());
        for (final byte[] frame : frames)
        {
            streaming.decode(frame, 0, frame.length, RECEIVE_EPOCH_NANOS, RECEIVE_NANO_TIME, fromStreaming);
            tree.decode(frame, 0, frame.length, RECEIVE_EPOCH_NANOS, RECEIVE_NANO_TIME, fromTree);
            assertThat(fromStreaming.count()).isEqualTo(1);
            assertThat(describe(fromStreaming)).as("streaming vs tree on %s", new String(frame))
                .isEqualTo(describe(fromTree));
            peregrine.decode(frame, 0, frame.length, RECEIVE_EPOCH_NANOS, RECEIVE_NANO_TIME);
            ring.drainInto(fromPeregrine);
            assertThat(describe(fromPeregrine)).as("Peregrine vs Jackson on %s", new String(frame))
                .isEqualTo(describe(fromStreaming));
        }
        assertThat(capture.trades()).hasSize(9_757);
        assertThat(capture.bookTickers()).hasSize(28_040);

        // The benchmark's trade frame, read by hand from the capture, pins the mapping itself:
        // {"e":"trade",..,"t":3735683259,"p":"61837.63000000","q":"0.02000000","T":1723161255342,"m":true,..}
        final byte[] first = capture.trades().get(0);
        streaming.decode(first, 0, first.length, RECEIVE_EPOCH_NANOS, RECEIVE_NANO_TIME, fromStreaming);
        final InboundEvent trade = fromStreaming.get(0);
        assertThat(trade.tradeId).isEqualTo(3_735_683_259L);
        assertThat(trade.venueSequence).isEqualTo(3_735_683_259L);
        assertThat(trade.price).isEqualTo(6_183_763_000_000L);
        assertThat(trade.quantity).isEqualTo(2_000_000L);
        assertThat(trade.exchangeTimeNanos).isEqualTo(1_723_161_255_342_000_000L);
        assertThat(trade.side).isEqualTo(Side.BUY);
    }

    private static String dataDir(final String capture)
    {
        return ExternalResources.sharedDataFile(capture).getParent().toString();
    }

    /** The input fields a decoder sets, one line per event, so a mismatch shows which field differs. */
    /**
     * The baselines list a market_trades frame's trades as the venue does (newest first, snapshot or not);
     * Peregrine publishes them oldest first and flags a snapshot's trades ({@code TradeFlags.SNAPSHOT}).
     */
    private static List<String> asTheVenueMeantIt(final CoinbaseCapture.Frame frame, final List<String> baseline)
    {
        if (!"market_trades".equals(frame.channel))
        {
            return baseline;
        }
        final List<String> expected = new ArrayList<>();
        for (int i = baseline.size() - 1; i >= 0; i--)
        {
            expected.add("snapshot".equals(frame.eventType) ? baseline.get(i).replace(" flags=0", " flags=1") : baseline.get(i));
        }
        return expected;
    }

    private static List<String> describe(final DecodedEvents events)
    {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < events.count(); i++)
        {
            final InboundEvent e = events.get(i);
            lines.add(EventType.name(e.type) + " instrument=" + e.instrumentId + " seq=" + e.venueSequence +
                " exchangeTime=" + e.exchangeTimeNanos + " eventTime=" + e.eventTimeNanos +
                " receiveNano=" + e.receiveNanoTime + " tradeId=" + e.tradeId + " price=" + e.price +
                " qty=" + e.quantity + " side=" + e.side + " bid=" + e.bidPrice + "x" + e.bidQuantity +
                " ask=" + e.askPrice + "x" + e.askQuantity + " flags=" + e.flags);
        }
        return lines;
    }
}
