package dev.peregrine.ops.http;

import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.metrics.LatencySidecar;
import dev.peregrine.ops.metrics.PeregrineCollector;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.net.InetSocketAddress;

/** {@code GET /metrics} in the Prometheus text format, served by the Prometheus client's HTTP server. */
public final class MetricsEndpoint implements AutoCloseable
{
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
