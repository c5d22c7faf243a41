package dev.peregrine.ops.http;

import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.metrics.ClusterMetricsExport;
import dev.peregrine.ops.metrics.LatencySidecar;
import dev.peregrine.ops.metrics.PeregrineCollector;
import dev.peregrine.ops.http.server.BoundedHttpServer;
import dev.peregrine.ops.http.server.HttpLimits;
import io.prometheus.metrics.exporter.httpserver.DefaultHandler;
import io.prometheus.metrics.exporter.httpserver.HealthyHandler;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * {@code GET /metrics} in the Prometheus text format, by the Prometheus client's own handlers ({@code /metrics},
 * {@code /-/healthy} and the {@code /} page, as its {@code HTTPServer} serves them) on a {@link BoundedHttpServer},
 * so a slow or idle client cannot hold up a scrape (the client's server gives each connection a thread of a
 * pool of ten while it reads the request). The engine's metrics ({@link PeregrineCollector}) plus the client's JVM and process instrumentation (heap and
 * memory pools, GC pauses, threads, class loading, JIT, buffer pools, {@code process_cpu_seconds_total},
 * {@code process_open_fds}, resident memory).
 */
public final class MetricsEndpoint implements AutoCloseable
{
    /**
     * The JVM and process metrics, registered once per JVM: {@link JvmMetrics} keeps every registry it was
     * registered with in a static set (and adds GC listeners each time), so registering it with each
     * endpoint's registry would keep every engine alive for the life of the JVM. Each endpoint instead
     * delegates to this one registry at scrape time, on its HTTP thread.
     */
    private static final class JvmRegistryHolder
    {
        static final PrometheusRegistry JVM = jvmRegistry();

        private static PrometheusRegistry jvmRegistry()
        {
            final PrometheusRegistry registry = new PrometheusRegistry();
            JvmMetrics.builder().register(registry);
            return registry;
        }
    }

    private static final MultiCollector JVM_AND_PROCESS = new MultiCollector()
    {
        @Override
        public MetricSnapshots collect()
        {
            return JvmRegistryHolder.JVM.scrape();
        }
    };

    private final BoundedHttpServer server;

    private MetricsEndpoint(final BoundedHttpServer server)
    {
        this.server = server;
    }

    /** Binds and starts serving; throws {@link IOException} if the port is taken. */
    public static MetricsEndpoint bind(final InetSocketAddress address, final LiveEngine engine, final LatencySidecar sidecar)
        throws IOException
    {
        final PrometheusRegistry registry = new PrometheusRegistry();
        PeregrineCollector.register(registry, engine, sidecar, engine.agentErrors());
        return serve(address, registry);
    }

    /** A cluster member's metrics ({@link ClusterMetricsExport}) with the JVM's; binds and starts serving. */
    public static MetricsEndpoint bindCluster(final InetSocketAddress address,
        final java.util.function.Supplier<dev.peregrine.cluster.ClusterStatus> status) throws IOException
    {
        final PrometheusRegistry registry = new PrometheusRegistry();
        ClusterMetricsExport.register(registry, status);
        return serve(address, registry);
    }

    private static MetricsEndpoint serve(final InetSocketAddress address, final PrometheusRegistry registry)
        throws IOException
    {
        registry.register(JVM_AND_PROCESS);
        final BoundedHttpServer server = BoundedHttpServer.bind(address, "metrics", HttpLimits.DEFAULT);
        server.createContext("/", new DefaultHandler("/metrics"));
        server.createContext("/metrics", new MetricsHandler(registry));
        server.createContext("/-/healthy", new HealthyHandler());
        server.start();
        return new MetricsEndpoint(server);
    }

    public int port()
    {
        return server.port();
    }

    @Override
    public void close()
    {
        server.close();
    }
}
