package dev.peregrine.gateway.venue;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.Map;

/**
 * One venue's market-data connection as the engine sees it: something that, once started, publishes
 * inbound events into the ring from its own thread, and can say how it is doing. The core never sees
 * this type, nor anything venue-specific: Coinbase and Binance publish the same events.
 */
public interface MarketDataFeed extends AutoCloseable
{
    /** {@code coinbase} or {@code binance}: a label for metrics and summaries. */
    String venue();

    /** Where it connects, for people. */
    String endpoint();

    /** Connects and subscribes; throws with a one-line message naming the endpoint if it cannot. */
    void start(RingBuffer<InboundEvent> ring, InstrumentRegistry instruments);

    boolean isConnected();

    /** Text frames received or dropped whole so far: a replay is fully read when this reaches its count. */
    long framesSeen();

    /** Heartbeat messages received (0 for a venue that keeps the line alive with pings instead). */
    long heartbeats();

    /** Messages the venue's sequence numbers say were lost. */
    long sequenceGaps();

    /**
     * Trades of the instrument the feed dropped because it had already published their trade id (a
     * venue that resends recent trades on resubscribe); 0 for a venue that never resends.
     */
    default long duplicateTrades(final int instrumentId)
    {
        return 0;
    }

    /** Frames dropped whole and entries dropped from good frames (malformed, unknown, oversized). */
    long inputsDropped();

    /** Error messages the venue sent on the market-data connection (0 for a venue that sends none). */
    long venueErrorMessages();

    /** Latency recorders written by the feed's thread, by series name, for the metrics sidecar. */
    Map<String, SingleWriterRecorder> recorders();

    /** The connection's counters and gauges, read at scrape time (ops turns them into Prometheus snapshots). */
    void exportMetrics(FeedMetricsSink out);

    /**
     * The connection's figures for run summaries: keys in the order they are to be printed, values a
     * {@code String}, a {@code Long} or a nested map of the same kind. Built on each call (off the hot path).
     */
    Map<String, Object> summary();

    /** Stops publishing; idempotent. After it returns, the feed publishes nothing more. */
    @Override
    void close();
}
