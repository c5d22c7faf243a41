package dev.peregrine.ops.metrics;

import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.ops.engine.LiveEngine;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The engine's metrics at scrape time, on the HTTP thread: {@link #register} adds the callback metrics (values
 * copied from the engine's single-writer counters) and this collector, which builds what is more than a copy:
 * the sidecar's latency histograms, the journal's disk figures (one folder walk feeds three gauges, and a failed
 * walk leaves all three out) and the market-data feed's families. Nothing here touches the core thread: it only
 * reads counters with acquire loads and the sidecar's histograms under the sidecar's lock.
 *
 * <p>Names follow Prometheus conventions: base units in the name ({@code _seconds}), counters end in
 * {@code _total} (added by the text writer).
 */
public final class PeregrineCollector implements MultiCollector
{
    /** Histogram upper bounds in nanoseconds: 1 us to 1 s, roughly 1-2.5-5 per decade. */
    static final long[] LATENCY_BOUNDS_NANOS = {
        1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000,
        1_000_000, 2_500_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000, 1_000_000_000
    };

    private final LiveEngine engine;
    private final LatencySidecar sidecar;

    private PeregrineCollector(final LiveEngine engine, final LatencySidecar sidecar)
    {
        this.engine = engine;
        this.sidecar = sidecar;
    }

    /**
     * Registers every engine metric with {@code registry}: the callback metrics (the core's counters and gauges,
     * {@code peregrine_errors_total} with {@code agentErrors}' counts as type {@code agent}, PnL per strategy, the
     * live venue's adapter) and this collector for what is not a copy of a value (histograms, the journal's disk
     * walk, the feed's own families).
     */
    public static void register(final PrometheusRegistry registry, final LiveEngine engine, final LatencySidecar sidecar,
        final AgentErrors agentErrors)
    {
        final CallbackMetrics metrics = new CallbackMetrics(registry);
        CoreMetricsExport.register(metrics, engine);
        StrategyPnlExport.register(metrics, engine);
        PerpetualMetricsExport.register(metrics, engine);
        ErrorsByType.register(metrics, engine, sidecar, agentErrors);
        if (engine.liveVenue() != null)
        {
            OrderAdapterMetricsExport.register(metrics, engine.liveVenue().metrics());
        }
        registry.register(new PeregrineCollector(engine, sidecar));
    }

    @Override
    public MetricSnapshots collect()
    {
        final MetricSnapshots.Builder out = MetricSnapshots.builder();
        addJournalDisk(out);
        addHistograms(out);
        FeedMetricsSnapshots.export(engine.feed(), out);
        return out.build();
    }

    /**
     * Journal disk figures from {@link dev.peregrine.journal.JournalDiskUsage}: a folder walk at most once a
     * second on this (HTTP) thread. A failed measurement leaves the disk gauges out of this scrape (an
     * alert on their absence catches it) rather than failing every other metric.
     */
    private void addJournalDisk(final MetricSnapshots.Builder out)
    {
        final dev.peregrine.journal.JournalDiskUsage.Snapshot disk;
        try
        {
            disk = engine.journal().disk().snapshot();
        }
        catch (final dev.peregrine.journal.JournalException ex)
        {
            return;
        }
        out.metricSnapshot(gauge("peregrine_journal_disk_bytes",
            "Bytes of the journal folder's files (Chronicle pre-allocates sparsely: an upper bound)", disk.bytes()));
        out.metricSnapshot(gauge("peregrine_journal_disk_free_bytes",
            "Bytes free for the engine on the journal's volume", disk.freeBytes()));
        out.metricSnapshot(gauge("peregrine_journal_disk_free_ratio",
            "Free fraction of the journal's volume, 0 to 1", disk.freeRatio()));
    }

    /** One histogram family per series name; the stages share one, a data point per {@code stage} label. */
    private void addHistograms(final MetricSnapshots.Builder out)
    {
        final java.util.Map<String, HistogramSnapshot.Builder> families = new java.util.LinkedHashMap<>();
        for (final LatencySidecar.Series series : sidecar.series())
        {
            families.computeIfAbsent(series.name(), name -> HistogramSnapshot.builder()
                .name("peregrine_" + name + "_seconds")
                .help(helpFor(name))
                .unit(Unit.SECONDS))
                .dataPoint(histogram(series));
        }
        for (final HistogramSnapshot.Builder family : families.values())
        {
            out.metricSnapshot(family.build());
        }
    }

    private HistogramDataPointSnapshot histogram(final LatencySidecar.Series series)
    {
        final double[] cumulative = sidecar.cumulativeBuckets(series, LATENCY_BOUNDS_NANOS);
        final int n = LATENCY_BOUNDS_NANOS.length;
        final double[] upperBounds = new double[n + 1];
        final long[] counts = new long[n + 1];
        long previous = 0;
        for (int i = 0; i < n; i++)
        {
            upperBounds[i] = LATENCY_BOUNDS_NANOS[i] / 1e9;
            final long atOrBelow = (long)cumulative[i];
            counts[i] = atOrBelow - previous;
            previous = atOrBelow;
        }
        upperBounds[n] = Double.POSITIVE_INFINITY;
        counts[n] = (long)cumulative[n] - previous;
        final HistogramDataPointSnapshot.Builder point = HistogramDataPointSnapshot.builder()
            .classicHistogramBuckets(ClassicHistogramBuckets.of(upperBounds, counts))
            .sum(cumulative[n + 1] / 1e9);
        if (series.labelName() != null)
        {
            point.labels(Labels.of(series.labelName(), series.labelValue()));
        }
        return point.build();
    }

    private static String helpFor(final String series)
    {
        switch (series)
        {
            case "tick_to_decision": return "Frame arrival to the end of the core's decision for that input";
            case "tick_to_order": return "Frame arrival to the order's release after its cause was journaled";
            case LatencySidecar.STAGE_LATENCY:
                return "Time per live input in each stage of the flow: ring_wait (publish to core), strategy " +
                    "(callbacks, less their orders' risk and execution), risk (gate and risk chain), execution " +
                    "(order to venue hand-off and venue answers), journal_append (Chronicle append)";
            case LatencySidecar.MARK_LAG:
                return "A perpetual's mark price: the venue's event time to the engine's receive time, per product";
            default: return series.replace('_', ' ');
        }
    }

    public static CounterSnapshot counter(final String name, final String help, final long value)
    {
        return CounterSnapshot.builder().name(name).help(help)
            .dataPoint(CounterDataPointSnapshot.builder().value(value).build())
            .build();
    }

    /** A counter of a quote-currency sum (it only grows; a double, unlike the event counts). */
    public static CounterSnapshot counterOf(final String name, final String help, final double value)
    {
        return CounterSnapshot.builder().name(name).help(help)
            .dataPoint(CounterDataPointSnapshot.builder().value(value).build())
            .build();
    }

    /** A counter data point with labels given as name, value pairs (scrape time only: varargs are fine here). */
    public static CounterDataPointSnapshot counter(final long value, final String... labelPairs)
    {
        return CounterDataPointSnapshot.builder().value(value).labels(Labels.of(labelPairs)).build();
    }

    public static GaugeSnapshot gauge(final String name, final String help, final double value)
    {
        return GaugeSnapshot.builder().name(name).help(help)
            .dataPoint(GaugeDataPointSnapshot.builder().value(value).build())
            .build();
    }
}
