package dev.peregrine.gateway.binanceusdm;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.binance.BinanceFeed;
import dev.peregrine.gateway.binance.BinanceMarketDataClient;
import dev.peregrine.gateway.binance.BinanceMetrics;
import dev.peregrine.gateway.venue.ClientFeed;
import dev.peregrine.gateway.venue.FeedMetricsSink;
import dev.peregrine.gateway.venue.FeedSummaries;
import org.HdrHistogram.SingleWriterRecorder;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binance USD-M market data behind {@code MarketDataFeed}: one combined-stream connection
 * {@code /stream?streams=<sym>@aggTrade/<sym>@bookTicker/<sym>@depth@100ms/<sym>@markPrice@1s/<sym>@forceOrder} per
 * run, with the REST snapshots {@code GET /fapi/v1/depth?symbol=&limit=1000}, through the spot client's connection
 * ({@link BinanceMarketDataClient} with the USD-M {@link BinanceMarketDataClient.Protocol}) and
 * {@link UsdmMarketDataDecoder}.
 */
public final class UsdmFeed extends ClientFeed<BinanceMarketDataClient>
{
    /** The deepest futures snapshot Binance serves. */
    public static final int SNAPSHOT_LIMIT = 1000;

    private final URI streamBase;
    private final URI restBase;
    private final List<String> symbols;
    private final BinanceMetrics metrics = new BinanceMetrics();
    private final UsdmMetrics usdm = new UsdmMetrics();

    public UsdmFeed(final URI streamBase, final URI restBase, final List<String> symbols)
    {
        super(BinanceMarketDataClient::start, BinanceMarketDataClient::isConnected);
        this.streamBase = streamBase;
        this.restBase = restBase;
        this.symbols = List.copyOf(symbols);
    }

    /** The streams a feed subscribes to for one symbol. */
    public static List<String> streams(final String symbol)
    {
        final List<String> streams = new ArrayList<>();
        for (final UsdmStream stream : UsdmStream.values())
        {
            streams.add(stream.streamName(symbol));
        }
        return streams;
    }

    @Override
    public String venue()
    {
        return BinanceUsdmVenue.NAME;
    }

    @Override
    public String endpoint()
    {
        return streamBase + " (REST " + restBase + ")";
    }

    /** The USD-M counters (frames by stream, funding settlements); the spot counters are in {@link #metrics()}. */
    public UsdmMetrics usdmMetrics()
    {
        return usdm;
    }

    public BinanceMetrics metrics()
    {
        return metrics;
    }

    @Override
    protected BinanceMarketDataClient create(final RingBuffer<InboundEvent> ring, final InstrumentRegistry instruments)
    {
        return new BinanceMarketDataClient(streamBase, restBase, symbols, instruments, ring, metrics,
            new BinanceMarketDataClient.Protocol(UsdmFeed::streams, "/fapi/v1/depth", SNAPSHOT_LIMIT,
                "peregrine-binance-usdm-md", (registry, events, counters, snapshots) ->
                new UsdmMarketDataDecoder(registry, events, counters, usdm, snapshots)));
    }

    @Override
    public long framesSeen()
    {
        long frames = metrics.framesDroppedTotal();
        for (final UsdmStream stream : UsdmStream.values())
        {
            frames += usdm.frames(stream);
        }
        return frames;
    }

    @Override
    public long heartbeats()
    {
        return 0;
    }

    @Override
    public long sequenceGaps()
    {
        return metrics.feedGaps();
    }

    @Override
    public long inputsDropped()
    {
        return metrics.framesDroppedTotal();
    }

    @Override
    public long venueErrorMessages()
    {
        return 0;
    }

    @Override
    public Map<String, SingleWriterRecorder> recorders()
    {
        return Map.of();
    }

    @Override
    public void exportMetrics(final FeedMetricsSink out)
    {
        final String venue = BinanceUsdmVenue.NAME;
        for (final UsdmStream stream : UsdmStream.values())
        {
            out.counter("peregrine_gateway_frames", "WebSocket frames received from the venue, by venue and channel",
                usdm.frames(stream), "venue", venue, "channel", label(stream));
        }
        out.counter("peregrine_gateway_funding_settlements",
            "Funding settlements the feed derived from the venue's mark stream (a funding time passed)",
            usdm.fundingSettlements(), "venue", venue);
        BinanceFeed.exportBookFeedMetrics(out, metrics, venue, isConnected());
    }

    @Override
    public Map<String, Object> summary()
    {
        final Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("venue", BinanceUsdmVenue.NAME);
        summary.put("uri", streamBase.toString());
        summary.put("rest", restBase.toString());
        final Map<String, Object> frames = new LinkedHashMap<>();
        for (final UsdmStream stream : UsdmStream.values())
        {
            frames.put(label(stream), usdm.frames(stream));
        }
        summary.put("frames_received", frames);
        summary.put("heartbeats", 0L);
        summary.put("sequence_gaps", metrics.feedGaps());
        summary.put("book_snapshots", metrics.snapshotsApplied());
        summary.put("funding_settlements", usdm.fundingSettlements());
        summary.put("frames_dropped", FeedSummaries.byReason(metrics::framesDropped));
        return summary;
    }

    private static String label(final UsdmStream stream)
    {
        return stream.name().toLowerCase(Locale.ROOT);
    }
}
