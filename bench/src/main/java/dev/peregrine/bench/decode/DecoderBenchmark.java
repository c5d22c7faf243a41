package dev.peregrine.bench.decode;

import dev.peregrine.bench.capture.BinanceCaptureFrames;
import dev.peregrine.bench.capture.CoinbaseCapture;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.binance.BinanceMarketDataDecoder;
import dev.peregrine.gateway.binance.BinanceMetrics;
import dev.peregrine.gateway.coinbase.CoinbaseMarketDataDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Decoding one real frame into inbound events: Peregrine's allocation-free decoders against Jackson
 * streaming and Jackson databind (tree), on the same bytes. The parameter {@code frame} names the frame, the
 * method the decoder ({@code peregrine}, {@code jacksonStreaming}, {@code jacksonTree}).
 *
 * <p>Frames, all taken at setup from the real captures (never copied into the project):
 * <ul>
 *   <li>{@code coinbaseTicker}: the first {@code ticker} update (one ticker entry);</li>
 *   <li>{@code coinbaseTrades}: the first {@code market_trades} update (one trade);</li>
 *   <li>{@code coinbaseLevel2}: the first {@code l2_data} update (18 levels, 18 BOOK_LEVEL events);</li>
 *   <li>{@code binanceTrade}, {@code binanceBookTicker}: the first frame of each stream of the Binance
 *       capture, through {@code BinanceMarketDataDecoder} for Peregrine.</li>
 * </ul>
 * Every method returns a checksum over the events it produced (Peregrine: read back from the ring, which
 * is drained after every frame so the producer never waits), so no decoder's work can be dropped as dead
 * code and both sides read the same fields.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecoderBenchmark
{
    private static final long RECEIVE_EPOCH_NANOS = 1_786_309_548_000_000_000L;
    private static final long RECEIVE_NANO_TIME = 42L;

    /** Which frame is decoded (see the class comment). */
    @Param({"coinbaseTicker", "coinbaseTrades", "coinbaseLevel2", "binanceTrade", "binanceBookTicker"})
    public String frame;

    /** Folder of the real captures; empty: {@code -Dperegrine.sharedData}, else ../shared/data/real. */
    @Param({""})
    public String sharedData;

    private byte[] bytes;
    /** Where the trade id of {@code coinbaseTrades} is written anew before every call; -1 for the other frames. */
    private int tradeIdStart = -1;
    private int tradeIdEnd;
    private long nextTradeId;

    private DrainedRing ring;
    /** Peregrine's decoder of the frame's venue: exactly one of the two is set. */
    private CoinbaseMarketDataDecoder peregrineCoinbase;
    private BinanceMarketDataDecoder peregrineBinance;
    private JacksonBaseline streaming;
    private JacksonBaseline tree;
    private final DecodedEvents out = new DecodedEvents(256);

    @Setup
    public void setUp()
    {
        ring = new DrainedRing(1024);
        if (frame.startsWith("coinbase"))
        {
            final CoinbaseCapture coinbase = CoinbaseCapture.load(sharedData);
            switch (frame)
            {
                case "coinbaseTicker": bytes = coinbase.first("ticker", "update").bytes; break;
                case "coinbaseTrades": bytes = freshTradeIds(coinbase.first("market_trades", "update").bytes.clone()); break;
                case "coinbaseLevel2": bytes = coinbase.first("l2_data", "update").bytes; break;
                default: throw new IllegalArgumentException("unknown frame " + frame);
            }
            peregrineCoinbase = new CoinbaseMarketDataDecoder(Venues.coinbase(), ring.ring(), new GatewayMetrics());
            streaming = new JacksonStreamingCoinbaseDecoder(Venues.coinbase());
            tree = new JacksonTreeCoinbaseDecoder(Venues.coinbase());
        }
        else
        {
            final BinanceCaptureFrames binance = BinanceCaptureFrames.load(sharedData);
            switch (frame)
            {
                case "binanceTrade": bytes = binance.trades().get(0); break;
                case "binanceBookTicker": bytes = binance.bookTickers().get(0); break;
                default: throw new IllegalArgumentException("unknown frame " + frame);
            }
            // Trade and bookTicker frames never ask for a depth snapshot.
            peregrineBinance = new BinanceMarketDataDecoder(Venues.binance(), ring.ring(), new BinanceMetrics(), id -> { });
            streaming = new JacksonStreamingBinanceDecoder(Venues.binance());
            tree = new JacksonTreeBinanceDecoder(Venues.binance());
        }
    }

    /** Finds the trade id of a {@code market_trades} frame, so each call can give it a new one. */
    private byte[] freshTradeIds(final byte[] trades)
    {
        final String text = new String(trades, java.nio.charset.StandardCharsets.US_ASCII);
        tradeIdStart = text.indexOf("\"trade_id\":\"") + "\"trade_id\":\"".length();
        tradeIdEnd = text.indexOf('"', tradeIdStart);
        nextTradeId = Long.parseLong(text.substring(tradeIdStart, tradeIdEnd));
        return trades;
    }

    @Benchmark
    public long peregrine()
    {
        if (peregrineCoinbase == null)
        {
            // Trades and bookTickers carry no sequence the decoder checks, so the same frame again is fine.
            peregrineBinance.decode(bytes, 0, bytes.length, RECEIVE_EPOCH_NANOS, RECEIVE_NANO_TIME);
            return ring.drain();
        }
        if (tradeIdStart >= 0)
        {
            // Peregrine drops a trade id it has published (a resnapshot's repeats): give every call a new id, as
            // the venue would, so the trade is published like the baselines' and the comparison stays fair.
            long id = nextTradeId++;
            for (int d = tradeIdEnd - 1; d >= tradeIdStart; d--, id /= 10)
            {
                bytes[d] = (byte)('0' + id % 10);
            }
        }
        // The same frame again is not a feed gap: start a new sequence series, as a reconnect does, so
        // every invocation takes the in-sequence path the live feed takes.
        peregrineCoinbase.onConnected();
        peregrineCoinbase.decode(bytes, 0, bytes.length, RECEIVE_EPOCH_NANOS, RECEIVE_NANO_TIME);
        return ring.drain();
    }

    @Benchmark
    public long jacksonStreaming() throws IOException
    {
        return jackson(streaming);
    }

    @Benchmark
    public long jacksonTree() throws IOException
    {
        return jackson(tree);
    }

    /** The frame through a Jackson baseline; the checksum keeps JMH from discarding the events. */
    private long jackson(final JacksonBaseline decoder) throws IOException
    {
        decoder.decode(bytes, 0, bytes.length, RECEIVE_EPOCH_NANOS, RECEIVE_NANO_TIME, out);
        return DrainedRing.checksum(out);
    }
}
