package dev.peregrine.ops.metrics;

import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.coinbase.CoinbaseChannel;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import static dev.peregrine.ops.metrics.PeregrineCollector.counter;

/** The gateway's single-writer counters as Prometheus counters, read at scrape time. */
final class GatewayMetricsExport
{
    private final GatewayMetrics metrics;

    GatewayMetricsExport(final GatewayMetrics metrics)
    {
        this.metrics = metrics;
    }

    void addTo(final MetricSnapshots.Builder out)
    {
        final CounterSnapshot.Builder frames = CounterSnapshot.builder()
            .name("peregrine_gateway_frames")
            .help("WebSocket frames received from the venue, by channel");
        final CounterSnapshot.Builder notHandled = CounterSnapshot.builder()
            .name("peregrine_gateway_frames_not_handled")
            .help("Frames that carry no ring event (control channels, and channels not decoded yet), by channel");
        for (final CoinbaseChannel channel : CoinbaseChannel.values())
        {
            frames.dataPoint(counter(metrics.framesReceived(channel), "channel", channel.label()));
            notHandled.dataPoint(counter(metrics.framesNotHandled(channel), "channel", channel.label()));
        }
        out.metricSnapshot(frames.build());
        out.metricSnapshot(notHandled.build());

        final CounterSnapshot.Builder framesDropped = CounterSnapshot.builder()
            .name("peregrine_gateway_frames_dropped")
            .help("Frames dropped whole, by reason");
        final CounterSnapshot.Builder entriesDropped = CounterSnapshot.builder()
            .name("peregrine_gateway_entries_dropped")
            .help("Entries (one trade, one ticker) dropped from otherwise good frames, by reason");
        for (final DropReason reason : DropReason.values())
        {
            framesDropped.dataPoint(counter(metrics.framesDropped(reason), "reason", reason.label()));
            entriesDropped.dataPoint(counter(metrics.entriesDropped(reason), "reason", reason.label()));
        }
        out.metricSnapshot(framesDropped.build());
        out.metricSnapshot(entriesDropped.build());

        out.metricSnapshot(counter("peregrine_gateway_events_published", "Events the gateway published into the ring",
            metrics.eventsPublished()));
        out.metricSnapshot(counter("peregrine_gateway_sequence_gaps", "Jumps in the venue's sequence_num (lost messages)",
            metrics.sequenceGaps()));
        out.metricSnapshot(counter("peregrine_gateway_connects", "WebSocket connections established", metrics.connects()));
        out.metricSnapshot(counter("peregrine_gateway_disconnects", "WebSocket connections lost or closed",
            metrics.disconnects()));
    }
}
