package dev.peregrine.ops.metrics;

import dev.peregrine.gateway.venue.FeedMetricsSink;
import dev.peregrine.gateway.venue.MarketDataFeed;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

class FeedMetricsSnapshotsTest
{
    @Test
    void callsOfOneNameBecomeOneSnapshotWithADataPointPerCall()
    {
        final MarketDataFeed feed = feedExporting(out ->
        {
            out.counter("peregrine_gateway_frames", "frames by channel", 3, "venue", "x", "channel", "ticker");
            out.counter("peregrine_gateway_frames", "", 5, "venue", "x", "channel", "trades");
            out.counter("peregrine_gateway_reconnects", "reconnects", 1);
            out.gauge("peregrine_gateway_connected", "1 while up", 1);
        });
        final MetricSnapshots.Builder out = MetricSnapshots.builder();

        FeedMetricsSnapshots.export(feed, out);
        final MetricSnapshots snapshots = out.build();

        assertThat(snapshots.size()).isEqualTo(3);
        final CounterSnapshot frames = (CounterSnapshot)find(snapshots, "peregrine_gateway_frames");
        assertThat(frames.getMetadata().getHelp()).isEqualTo("frames by channel");
        assertThat(frames.getDataPoints()).extracting(p -> p.getValue()).containsExactly(3.0, 5.0);
        assertThat((Object)frames.getDataPoints().get(1).getLabels())
            .isEqualTo(Labels.of("venue", "x", "channel", "trades"));
        final CounterSnapshot reconnects = (CounterSnapshot)find(snapshots, "peregrine_gateway_reconnects");
        assertThat((Object)reconnects.getDataPoints().get(0).getLabels()).isEqualTo(Labels.EMPTY);
        final GaugeSnapshot connected = (GaugeSnapshot)find(snapshots, "peregrine_gateway_connected");
        assertThat(connected.getDataPoints().get(0).getValue()).isEqualTo(1.0);
    }

    private static MetricSnapshot find(final MetricSnapshots snapshots, final String name)
    {
        for (final MetricSnapshot snapshot : snapshots)
        {
            if (snapshot.getMetadata().getName().equals(name))
            {
                return snapshot;
            }
        }
        throw new AssertionError("no snapshot named " + name);
    }

    /** A feed whose only behaviour is its metrics export. */
    private static MarketDataFeed feedExporting(final java.util.function.Consumer<FeedMetricsSink> export)
    {
        return (MarketDataFeed)Proxy.newProxyInstance(MarketDataFeed.class.getClassLoader(),
            new Class<?>[] {MarketDataFeed.class}, (proxy, method, args) ->
            {
                if ("exportMetrics".equals(method.getName()))
                {
                    export.accept((FeedMetricsSink)args[0]);
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });
    }
}
