package dev.peregrine.gateway.binance;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.venue.ClientFeed;
import dev.peregrine.gateway.venue.FeedMetricsSink;
import dev.peregrine.gateway.venue.FeedSummaries;
import dev.peregrine.gateway.venue.MarketDataFeed;
import org.HdrHistogram.SingleWriterRecorder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Binance spot market data (combined streams plus the REST depth snapshot) behind {@link MarketDataFeed}. */
public final class BinanceFeed extends ClientFeed<BinanceMarketDataClient>
{
    private final URI streamBase;
    private final URI restBase;
    private final List<String> symbols;
    private final BinanceMetrics metrics = new BinanceMetrics();

    public BinanceFeed(final URI streamBase, final URI restBase, final List<String> symbols)
    {
        super(BinanceMarketDataClient::start, BinanceMarketDataClient::isConnected);
        this.streamBase = streamBase;
        this.restBase = restBase;
        this.symbols = List.copyOf(symbols);
    }

    @Override
    public String venue()
    {
        return "binance";
    }

    @Override
    public String endpoint()
    {
        return streamBase + " (REST " + restBase + ")";
    }

    @Override
    protected BinanceMarketDataClient create(final RingBuffer<InboundEvent> ring, final InstrumentRegistry instruments)
    {
        return new BinanceMarketDataClient(streamBase, restBase, symbols, instruments, ring, metrics);
    }

    @Override
    public long framesSeen()
    {
        long frames = metrics.framesDroppedTotal();
        for (final BinanceStream stream : BinanceStream.values())
        {
            frames += metrics.framesReceived(stream);
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
        return 0; // Binance's error answers have no frame of their own here: they count among the dropped frames
    }

    @Override
    public Map<String, SingleWriterRecorder> recorders()
    {
        return Map.of();
    }

    @Override
    public void exportMetrics(final FeedMetricsSink out)
    {
        for (final BinanceStream stream : BinanceStream.values())
        {
            out.counter("peregrine_gateway_frames", "WebSocket frames received from the venue, by venue and channel",
                metrics.framesReceived(stream), "venue", "binance", "channel", label(stream));
        }
        exportBookFeedMetrics(out, metrics, "binance", isConnected());
    }

    /**
     * The counters every Binance market's feed has beyond its frames by stream: drops by reason, events published, the
     * book sync's gaps, snapshots and overflows, and the connection gauge.
     */
    public static void exportBookFeedMetrics(final FeedMetricsSink out, final BinanceMetrics metrics, final String venue,
        final boolean connected)
    {
        for (final DropReason reason : DropReason.values())
        {
            out.counter("peregrine_gateway_dropped",
                "Frames dropped whole, or entries dropped from good frames, by venue, scope and reason",
                metrics.framesDropped(reason), "venue", venue, "scope", "frame", "reason", reason.label());
        }
        out.counter("peregrine_gateway_events_published",
            "Inbound events the gateway published into the ring, by venue and channel",
            metrics.eventsPublished(), "venue", venue, "channel", "all");
        out.counter("peregrine_gateway_sequence_gaps", "Breaks in the venue's update-id chain (lost messages)",
            metrics.feedGaps());
        out.counter("peregrine_gateway_book_snapshots", "REST depth snapshots applied", metrics.snapshotsApplied());
        out.counter("peregrine_gateway_book_snapshot_failures", "REST depth snapshots that failed", metrics.snapshotsFailed());
        out.counter("peregrine_gateway_depth_buffer_overflows",
            "Times the diff buffer overflowed while waiting for a snapshot (forces a resync)", metrics.bufferOverflows());
        out.gauge("peregrine_gateway_connected", "1 while the market-data connection is up", connected ? 1 : 0);
    }

    private static String label(final BinanceStream stream)
    {
        return stream.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, Object> summary()
    {
        final Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("venue", "binance");
        summary.put("uri", streamBase.toString());
        summary.put("rest", restBase.toString());
        final Map<String, Object> frames = new LinkedHashMap<>();
        for (final BinanceStream stream : BinanceStream.values())
        {
            frames.put(label(stream), metrics.framesReceived(stream));
        }
        summary.put("frames_received", frames);
        summary.put("heartbeats", 0L);
        summary.put("sequence_gaps", metrics.feedGaps());
        summary.put("book_snapshots", metrics.snapshotsApplied());
        summary.put("frames_dropped", FeedSummaries.byReason(metrics::framesDropped));
        return summary;
    }
}
