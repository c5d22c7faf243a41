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
 * streaming and Jackson databind (tree), on the same bytes. Method names are {@code <frame>_<decoder>}.
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

    /** Folder of the real captures; empty: {@code -Dperegrine.sharedData}, else ../shared/data/real. */
    @Param({""})
    public String sharedData;

    private byte[] coinbaseTicker;
    private byte[] coinbaseTrades;
    private byte[] coinbaseLevel2;
    private int tradeIdStart;
    private int tradeIdEnd;
    private long nextTradeId;
    private byte[] binanceTrade;
    private byte[] binanceBookTicker;

    private DrainedRing ring;
    private CoinbaseMarketDataDecoder peregrineCoinbase;
    private BinanceMarketDataDecoder peregrineBinance;
    private JacksonStreamingCoinbaseDecoder streamingCoinbase;
    private JacksonTreeCoinbaseDecoder treeCoinbase;
    private JacksonStreamingBinanceDecoder streamingBinance;
    private JacksonTreeBinanceDecoder treeBinance;
    private final DecodedEvents out = new DecodedEvents(256);

    @Setup
    public void setUp()
    {
        final CoinbaseCapture coinbase = CoinbaseCapture.load(sharedData);
        coinbaseTicker = coinbase.first("ticker", "update").bytes;
        coinbaseTrades = coinbase.first("market_trades", "update").bytes.clone();
        final String tradesText = new String(coinbaseTrades, java.nio.charset.StandardCharsets.US_ASCII);
        tradeIdStart = tradesText.indexOf("\"trade_id\":\"") + "\"trade_id\":\"".length();
        tradeIdEnd = tradesText.indexOf('"', tradeIdStart);
        nextTradeId = Long.parseLong(tradesText.substring(tradeIdStart, tradeIdEnd));
        coinbaseLevel2 = coinbase.first("l2_data", "update").bytes;
        final BinanceCaptureFrames binance = BinanceCaptureFrames.load(sharedData);
        binanceTrade = binance.trades().get(0);
        binanceBookTicker = binance.bookTickers().get(0);

        ring = new DrainedRing(1024);
        peregrineCoinbase = new CoinbaseMarketDataDecoder(Venues.coinbase(), ring.ring(), new GatewayMetrics());
        // Trade and bookTicker frames never ask for a depth snapshot.
        peregrineBinance = new BinanceMarketDataDecoder(Venues.binance(), ring.ring(), new BinanceMetrics(), id -> { });
        streamingCoinbase = new JacksonStreamingCoinbaseDecoder(Venues.coinbase());
        treeCoinbase = new JacksonTreeCoinbaseDecoder(Venues.coinbase());
        streamingBinance = new JacksonStreamingBinanceDecoder(Venues.binance());
        treeBinance = new JacksonTreeBinanceDecoder(Venues.binance());
    }

    @Benchmark
    public long coinbaseTicker_peregrine()
    {
        return peregrine(coinbaseTicker);
    }

    @Benchmark
    public long coinbaseTicker_jacksonStreaming() throws IOException
    {
        return jackson(streamingCoinbase, coinbaseTicker);
    }

    @Benchmark
    public long coinbaseTicker_jacksonTree() throws IOException
    {
        return jackson(treeCoinbase, coinbaseTicker);
    }

    @Benchmark
    public long coinbaseTrades_peregrine()
    {
        // Peregrine drops a trade id it has published (a resnapshot's repeats): give every call a new id, as
        // the venue would, so the trade is published like the baselines' and the comparison stays fair.
        long id = nextTradeId++;
        for (int d = tradeIdEnd - 1; d >= tradeIdStart; d--, id /= 10)
        {
            coinbaseTrades[d] = (byte)('0' + id % 10);
        }
        return peregrine(coinbaseTrades);
    }

    @Benchmark
    public long coinbaseTrades_jacksonStreaming() throws IOException
    {
        return jackson(streamingCoinbase, coinbaseTrades);
    }

    @Benchmark
    public long coinbaseTrades_jacksonTree() throws IOException
    {
        return jackson(treeCoinbase, coinbaseTrades);
    }

    @Benchmark
    public long coinbaseLevel2_peregrine()
    {
        return peregrine(coinbaseLevel2);
    }

    @Benchmark
    public long coinbaseLevel2_jacksonStreaming() throws IOException
    {
        return jackson(streamingCoinbase, coinbaseLevel2);
    }

    @Benchmark
    public long coinbaseLevel2_jacksonTree() throws IOException
    {
        return jackson(treeCoinbase, coinbaseLevel2);
    }

    @Benchmark
    public long binanceTrade_peregrine()
    {
        return peregrineBinance(binanceTrade);
    }

    @Benchmark
    public long binanceTrade_jacksonStreaming() throws IOException
    {
        return jackson(streamingBinance, binanceTrade);
    }

    @Benchmark
    public long binanceTrade_jacksonTree() throws IOException
    {
        return jackson(treeBinance, binanceTrade);
    }

    @Benchmark
    public long binanceBookTicker_peregrine()
    {
        return peregrineBinance(binanceBookTicker);
    }

    @Benchmark
    public long binanceBookTicker_jacksonStreaming() throws IOException
    {
        return jackson(streamingBinance, binanceBookTicker);
    }

    @Benchmark
    public long binanceBookTicker_jacksonTree() throws IOException
    {
        return jackson(treeBinance, binanceBookTicker);
    }

    /** One frame through a Jackson baseline; the checksum keeps JMH from discarding the events. */
    private long jackson(final JacksonBaseline decoder, final byte[] frame) throws IOException
    {
        decoder.decode(frame, 0, frame.length, RECEIVE_EPOCH_NANOS, RECEIVE_NANO_TIME, out);
        return DrainedRing.checksum(out);
    }

    private long peregrine(final byte[] frame)
    {
        // The same frame again is not a feed gap: start a new sequence series, as a reconnect does, so
        // every invocation takes the in-sequence path the live feed takes.
        peregrineCoinbase.onConnected();
        peregrineCoinbase.decode(frame, 0, frame.length, RECEIVE_EPOCH_NANOS, RECEIVE_NANO_TIME);
        return ring.drain();
    }

    private long peregrineBinance(final byte[] frame)
    {
        // Trades and bookTickers carry no sequence the decoder checks, so the same frame again is fine.
        peregrineBinance.decode(frame, 0, frame.length, RECEIVE_EPOCH_NANOS, RECEIVE_NANO_TIME);
        return ring.drain();
    }
}
