package dev.peregrine.ops.engine;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.binance.BinanceMarketDataClient;
import dev.peregrine.gateway.binance.BinanceMetrics;
import dev.peregrine.gateway.binance.BinanceStream;
import dev.peregrine.ops.demo.JsonWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.HdrHistogram.SingleWriterRecorder;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.peregrine.ops.metrics.PeregrineCollector.counter;
import static dev.peregrine.ops.metrics.PeregrineCollector.gauge;

/** Binance spot market data (combined streams plus the REST depth snapshot) behind {@link MarketDataFeed}. */
public final class BinanceFeed implements MarketDataFeed
{
    private final URI streamBase;
    private final URI restBase;
    private final List<String> symbols;
    private final BinanceMetrics metrics = new BinanceMetrics();
    private BinanceMarketDataClient client;

    public BinanceFeed(final URI streamBase, final URI restBase, final List<String> symbols)
    {
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
    public void start(final RingBuffer<InboundEvent> ring, final InstrumentRegistry instruments)
    {
        client = new BinanceMarketDataClient(streamBase, restBase, symbols, instruments, ring, metrics);
        client.start();
    }

    @Override
    public boolean isConnected()
    {
        return client != null && client.isConnected();
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
    public void exportMetrics(final MetricSnapshots.Builder out)
    {
        final CounterSnapshot.Builder frames = CounterSnapshot.builder()
            .name("peregrine_gateway_frames")
            .help("WebSocket frames received from the venue, by venue and channel");
        for (final BinanceStream stream : BinanceStream.values())
        {
            frames.dataPoint(counter(metrics.framesReceived(stream), "venue", "binance", "channel", label(stream)));
        }
        out.metricSnapshot(frames.build());
        final CounterSnapshot.Builder dropped = CounterSnapshot.builder()
            .name("peregrine_gateway_dropped")
            .help("Frames dropped whole, or entries dropped from good frames, by venue, scope and reason");
        for (final DropReason reason : DropReason.values())
        {
            dropped.dataPoint(counter(metrics.framesDropped(reason), "venue", "binance", "scope", "frame",
                "reason", reason.label()));
        }
        out.metricSnapshot(dropped.build());
        out.metricSnapshot(CounterSnapshot.builder().name("peregrine_gateway_events_published")
            .help("Inbound events the gateway published into the ring, by venue and channel")
            .dataPoint(counter(metrics.eventsPublished(), "venue", "binance", "channel", "all"))
            .build());
        out.metricSnapshot(counter("peregrine_gateway_sequence_gaps", "Breaks in the venue's update-id chain (lost messages)",
            metrics.feedGaps()));
        out.metricSnapshot(counter("peregrine_gateway_book_snapshots", "REST depth snapshots applied", metrics.snapshotsApplied()));
        out.metricSnapshot(counter("peregrine_gateway_book_snapshot_failures", "REST depth snapshots that failed",
            metrics.snapshotsFailed()));
        out.metricSnapshot(counter("peregrine_gateway_depth_buffer_overflows",
            "Times the diff buffer overflowed while waiting for a snapshot (forces a resync)", metrics.bufferOverflows()));
        out.metricSnapshot(gauge("peregrine_gateway_connected", "1 while the market-data connection is up",
            isConnected() ? 1 : 0));
    }

    private static String label(final BinanceStream stream)
    {
        return stream.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void writeSummary(final JsonWriter json)
    {
        json.key("venue").value("binance").key("uri").value(streamBase.toString()).key("rest").value(restBase.toString());
        json.key("frames_received").beginObject();
        for (final BinanceStream stream : BinanceStream.values())
        {
            json.key(label(stream)).value(metrics.framesReceived(stream));
        }
        json.endObject();
        json.key("heartbeats").value(0);
        json.key("sequence_gaps").value(metrics.feedGaps());
        json.key("book_snapshots").value(metrics.snapshotsApplied());
        json.key("frames_dropped").beginObject();
        for (final DropReason reason : DropReason.values())
        {
            json.key(reason.label()).value(metrics.framesDropped(reason));
        }
        json.endObject();
    }

    @Override
    public void close()
    {
        if (client != null)
        {
            client.close();
        }
    }
}
