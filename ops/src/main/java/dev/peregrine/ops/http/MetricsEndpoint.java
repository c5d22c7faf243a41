package dev.peregrine.ops.http;

import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.metrics.LatencySidecar;
import dev.peregrine.ops.metrics.PeregrineCollector;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * {@code GET /metrics} in the Prometheus text format, served by the Prometheus client's HTTP server: the
 * engine's metrics ({@link PeregrineCollector}) plus the client's JVM and process instrumentation (heap and
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

    private final HTTPServer server;

    private MetricsEndpoint(final HTTPServer server)
    {
        this.server = server;
    }

    /** Binds and starts serving; throws {@link IOException} if the port is taken. */
    public static MetricsEndpoint bind(final InetSocketAddress address, final LiveEngine engine, final LatencySidecar sidecar)
        throws IOException
    {
        final PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new PeregrineCollector(engine, sidecar));
        registry.register(JVM_AND_PROCESS);
        final HTTPServer server = HTTPServer.builder()
            .inetAddress(address.getAddress())
            .port(address.getPort())
            .registry(registry)
            .buildAndStart();
        return new MetricsEndpoint(server);
    }

    public int port()
    {
        return server.getPort();
    }

    @Override
    public void close()
    {
        server.close();
    }
}
