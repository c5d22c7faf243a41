package dev.peregrine.gateway.coinbase;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.venue.ClientFeed;
import dev.peregrine.gateway.venue.FeedMetricsSink;
import dev.peregrine.gateway.venue.FeedSummaries;
import dev.peregrine.gateway.venue.MarketDataFeed;
import org.HdrHistogram.SingleWriterRecorder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Coinbase Advanced Trade market data behind {@link MarketDataFeed}. */
public final class CoinbaseFeed extends ClientFeed<CoinbaseMarketDataClient>
{
    private final URI uri;
    private final List<String> products;
    private final CoinbaseClientConfig config;
    private final GatewayMetrics metrics = new GatewayMetrics();

    public CoinbaseFeed(final URI uri, final List<String> products, final CoinbaseClientConfig config)
    {
        super(CoinbaseMarketDataClient::start, CoinbaseMarketDataClient::isConnected);
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
    protected CoinbaseMarketDataClient create(final RingBuffer<InboundEvent> ring, final InstrumentRegistry instruments)
    {
        return new CoinbaseMarketDataClient(uri, products, instruments, ring, metrics, config);
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
        return client() == null ? 0 : client().duplicateTrades(instrumentId);
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
    public void exportMetrics(final FeedMetricsSink out)
    {
        for (final CoinbaseChannel channel : CoinbaseChannel.values())
        {
            out.counter("peregrine_gateway_frames", "WebSocket frames received from the venue, by venue and channel",
                metrics.framesReceived(channel), "venue", "coinbase", "channel", channel.label());
        }
        for (final CoinbaseChannel channel : CoinbaseChannel.values())
        {
            out.counter("peregrine_gateway_events_published",
                "Inbound events the gateway published into the ring, by venue and channel",
                metrics.eventsPublished(channel), "venue", "coinbase", "channel", channel.label());
        }
        for (final DropReason reason : DropReason.values())
        {
            out.counter("peregrine_gateway_dropped",
                "Frames dropped whole, or entries dropped from good frames, by venue, scope and reason",
                metrics.framesDropped(reason), "venue", "coinbase", "scope", "frame", "reason", reason.label());
            out.counter("peregrine_gateway_dropped", "",
                metrics.entriesDropped(reason), "venue", "coinbase", "scope", "entry", "reason", reason.label());
        }
        out.counter("peregrine_gateway_venue_errors", "Error messages the venue sent", metrics.venueErrors());
        out.counter("peregrine_gateway_sequence_gaps", "Jumps in the venue's sequence numbers (lost messages)",
            metrics.sequenceGaps());
        out.counter("peregrine_gateway_reconnects", "Connections re-established after a loss", metrics.reconnects());
        out.counter("peregrine_gateway_reconnect_attempts", "Connection attempts after a loss", metrics.reconnectAttempts());
        out.counter("peregrine_gateway_resubscribes", "Resubscriptions after a sequence gap", metrics.resubscribes());
        out.counter("peregrine_gateway_stale_episodes", "Times an instrument's data went stale", metrics.staleEpisodes());
        out.gauge("peregrine_gateway_stale_instruments", "Instruments whose data is stale now", metrics.staleInstruments());
        out.gauge("peregrine_gateway_connected", "1 while the market-data connection is up", isConnected() ? 1 : 0);
        out.gauge("peregrine_gateway_connection_state",
            "Connection state code: 0 new, 1 connecting, 2 connected, 3 backoff, 4 closed", metrics.connectionState());
    }

    @Override
    public Map<String, Object> summary()
    {
        final Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("venue", "coinbase");
        summary.put("uri", endpoint());
        final Map<String, Object> frames = new LinkedHashMap<>();
        for (final CoinbaseChannel channel : CoinbaseChannel.values())
        {
            frames.put(channel.label(), metrics.framesReceived(channel));
        }
        summary.put("frames_received", frames);
        summary.put("heartbeats", metrics.framesReceived(CoinbaseChannel.HEARTBEATS));
        summary.put("sequence_gaps", metrics.sequenceGaps());
        summary.put("reconnects", metrics.reconnects());
        summary.put("frames_dropped", FeedSummaries.byReason(metrics::framesDropped));
        summary.put("entries_dropped", FeedSummaries.byReason(metrics::entriesDropped));
        return summary;
    }
}
