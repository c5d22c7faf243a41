package dev.peregrine.ops.metrics;

import dev.peregrine.gateway.venue.FeedMetricsSink;
import dev.peregrine.gateway.venue.MarketDataFeed;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A venue feed's {@link FeedMetricsSink} calls as Prometheus snapshots: the gateway knows no metrics
 * library, so its counters arrive here by name and labels, and every call with one name becomes one
 * data point of one snapshot (Prometheus refuses two snapshots of one name in a scrape).
 */
final class FeedMetricsSnapshots implements FeedMetricsSink
{
    private final Map<String, CounterSnapshot.Builder> counters = new LinkedHashMap<>();
    private final Map<String, GaugeSnapshot.Builder> gauges = new LinkedHashMap<>();

    private FeedMetricsSnapshots()
    {
    }

    /** Adds the feed's metrics to {@code out}, read now (scrape time). */
    static void export(final MarketDataFeed feed, final MetricSnapshots.Builder out)
    {
        final FeedMetricsSnapshots snapshots = new FeedMetricsSnapshots();
        feed.exportMetrics(snapshots);
        for (final CounterSnapshot.Builder counter : snapshots.counters.values())
        {
            out.metricSnapshot(counter.build());
        }
        for (final GaugeSnapshot.Builder gauge : snapshots.gauges.values())
        {
            out.metricSnapshot(gauge.build());
        }
    }

    @Override
    public void counter(final String name, final String help, final long value, final String... labelPairs)
    {
        counters.computeIfAbsent(name, n -> CounterSnapshot.builder().name(n).help(help))
            .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).labels(Labels.of(labelPairs)).build());
    }

    @Override
    public void gauge(final String name, final String help, final double value, final String... labelPairs)
    {
        gauges.computeIfAbsent(name, n -> GaugeSnapshot.builder().name(n).help(help))
            .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).labels(Labels.of(labelPairs)).build());
    }
}
