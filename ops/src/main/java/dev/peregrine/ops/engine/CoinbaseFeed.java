package dev.peregrine.ops.engine;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.coinbase.CoinbaseChannel;
import dev.peregrine.gateway.coinbase.CoinbaseClientConfig;
import dev.peregrine.gateway.coinbase.CoinbaseMarketDataClient;
import dev.peregrine.ops.demo.JsonWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.HdrHistogram.SingleWriterRecorder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.peregrine.ops.metrics.PeregrineCollector.counter;
import static dev.peregrine.ops.metrics.PeregrineCollector.gauge;

/** Coinbase Advanced Trade market data behind {@link MarketDataFeed}. */
public final class CoinbaseFeed implements MarketDataFeed
{
    private final URI uri;
    private final List<String> products;
    private final CoinbaseClientConfig config;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private CoinbaseMarketDataClient client;

    public CoinbaseFeed(final URI uri, final List<String> products, final CoinbaseClientConfig config)
    {
        this.uri = uri;
        this.products = List.copyOf(products);
        this.config = config;
    }

    @Override
    public String venue()
    {
        return "coinbase";
    }

    @Override
    public String endpoint()
    {
        return uri.toString();
    }

    @Override
    public void start(final RingBuffer<InboundEvent> ring, final InstrumentRegistry instruments)
    {
        client = new CoinbaseMarketDataClient(uri, products, instruments, ring, metrics, config);
        client.start();
    }

    @Override
    public boolean isConnected()
    {
        return client != null && client.isConnected();
    }

    /** Every text frame is either received (its envelope parsed) or dropped as a whole, never both. */
    @Override
    public long framesSeen()
    {
        long frames = metrics.framesDroppedTotal();
        for (final CoinbaseChannel channel : CoinbaseChannel.values())
        {
            frames += metrics.framesReceived(channel);
        }
        return frames + metrics.venueErrors();
    }

    @Override
    public long heartbeats()
    {
        return metrics.framesReceived(CoinbaseChannel.HEARTBEATS);
    }

    @Override
    public long sequenceGaps()
    {
        return metrics.sequenceGaps();
    }

    @Override
    public long duplicateTrades(final int instrumentId)
    {
        return client == null ? 0 : client.duplicateTrades(instrumentId);
    }

    @Override
    public long inputsDropped()
    {
        return metrics.framesDroppedTotal() + metrics.entriesDroppedTotal();
    }

    @Override
    public long venueErrorMessages()
    {
        return metrics.venueErrors();
    }

    public GatewayMetrics metrics()
    {
        return metrics;
    }

    @Override
    public Map<String, SingleWriterRecorder> recorders()
    {
        final Map<String, SingleWriterRecorder> recorders = new LinkedHashMap<>();
        recorders.put("gateway_exchange_lag", metrics.lagNanos);
        recorders.put("gateway_decode", metrics.decodeNanos);
        return recorders;
    }

    @Override
    public void exportMetrics(final MetricSnapshots.Builder out)
    {
        final CounterSnapshot.Builder frames = CounterSnapshot.builder()
            .name("peregrine_gateway_frames")
            .help("WebSocket frames received from the venue, by venue and channel");
        final CounterSnapshot.Builder events = CounterSnapshot.builder()
            .name("peregrine_gateway_events_published")
            .help("Inbound events the gateway published into the ring, by venue and channel");
        for (final CoinbaseChannel channel : CoinbaseChannel.values())
        {
            frames.dataPoint(counter(metrics.framesReceived(channel), "venue", "coinbase", "channel", channel.label()));
            events.dataPoint(counter(metrics.eventsPublished(channel), "venue", "coinbase", "channel", channel.label()));
        }
        out.metricSnapshot(frames.build());
        out.metricSnapshot(events.build());

        final CounterSnapshot.Builder dropped = CounterSnapshot.builder()
            .name("peregrine_gateway_dropped")
            .help("Frames dropped whole, or entries dropped from good frames, by venue, scope and reason");
        for (final DropReason reason : DropReason.values())
        {
            dropped.dataPoint(counter(metrics.framesDropped(reason), "venue", "coinbase", "scope", "frame",
                "reason", reason.label()));
            dropped.dataPoint(counter(metrics.entriesDropped(reason), "venue", "coinbase", "scope", "entry",
                "reason", reason.label()));
        }
        out.metricSnapshot(dropped.build());

        out.metricSnapshot(counter("peregrine_gateway_venue_errors", "Error messages the venue sent", metrics.venueErrors()));
        out.metricSnapshot(counter("peregrine_gateway_sequence_gaps", "Jumps in the venue's sequence numbers (lost messages)",
            metrics.sequenceGaps()));
        out.metricSnapshot(counter("peregrine_gateway_reconnects", "Connections re-established after a loss", metrics.reconnects()));
        out.metricSnapshot(counter("peregrine_gateway_reconnect_attempts", "Connection attempts after a loss",
            metrics.reconnectAttempts()));
        out.metricSnapshot(counter("peregrine_gateway_resubscribes", "Resubscriptions after a sequence gap",
            metrics.resubscribes()));
        out.metricSnapshot(counter("peregrine_gateway_stale_episodes", "Times an instrument's data went stale",
            metrics.staleEpisodes()));
        out.metricSnapshot(gauge("peregrine_gateway_stale_instruments", "Instruments whose data is stale now",
            metrics.staleInstruments()));
        out.metricSnapshot(gauge("peregrine_gateway_connected", "1 while the market-data connection is up",
            isConnected() ? 1 : 0));
        out.metricSnapshot(GaugeSnapshot.builder().name("peregrine_gateway_connection_state")
            .help("Connection state code: 0 new, 1 connecting, 2 connected, 3 backoff, 4 closed")
            .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(metrics.connectionState()).build())
            .build());
    }

    @Override
    public void writeSummary(final JsonWriter json)
    {
        json.key("venue").value("coinbase").key("uri").value(endpoint());
        json.key("frames_received").beginObject();
        for (final CoinbaseChannel channel : CoinbaseChannel.values())
        {
            json.key(channel.label()).value(metrics.framesReceived(channel));
        }
        json.endObject();
        json.key("heartbeats").value(metrics.framesReceived(CoinbaseChannel.HEARTBEATS));
        json.key("sequence_gaps").value(metrics.sequenceGaps());
        json.key("reconnects").value(metrics.reconnects());
        json.key("frames_dropped").beginObject();
        for (final DropReason reason : DropReason.values())
        {
            json.key(reason.label()).value(metrics.framesDropped(reason));
        }
        json.endObject();
        json.key("entries_dropped").beginObject();
        for (final DropReason reason : DropReason.values())
        {
            json.key(reason.label()).value(metrics.entriesDropped(reason));
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
