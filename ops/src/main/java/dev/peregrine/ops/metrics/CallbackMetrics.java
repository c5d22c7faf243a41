package dev.peregrine.ops.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Registers metrics whose values are read at scrape time, on the HTTP thread, through the Prometheus client's
 * callback types ({@link CounterWithCallback}, {@link GaugeWithCallback}): the engine's counters are written by
 * their own threads (single writers), so a scrape only copies them and never builds a snapshot by hand. A
 * callback that reports no data point (a part not running yet) leaves its family out of that scrape.
 */
final class CallbackMetrics
{
    private final PrometheusRegistry registry;

    CallbackMetrics(final PrometheusRegistry registry)
    {
        this.registry = registry;
    }

    /** A counter without labels ({@code _total} is added by the text writer). */
    void counter(final String name, final String help, final DoubleSupplier value)
    {
        counter(name, help, points -> points.call(value.getAsDouble()));
    }

    /** A counter whose callback reports one data point per combination of {@code labelNames}' values. */
    void counter(final String name, final String help, final Consumer<CounterWithCallback.Callback> points,
        final String... labelNames)
    {
        CounterWithCallback.builder().name(name).help(help).labelNames(labelNames).callback(points).register(registry);
    }

    /** A gauge without labels. */
    void gauge(final String name, final String help, final DoubleSupplier value)
    {
        gauge(name, help, points -> points.call(value.getAsDouble()));
    }

    /** A gauge whose callback reports one data point per combination of {@code labelNames}' values. */
    void gauge(final String name, final String help, final Consumer<GaugeWithCallback.Callback> points,
        final String... labelNames)
    {
        GaugeWithCallback.builder().name(name).help(help).labelNames(labelNames).callback(points).register(registry);
    }
}
