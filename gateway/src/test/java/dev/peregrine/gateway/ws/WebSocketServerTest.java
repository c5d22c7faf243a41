package dev.peregrine.gateway.ws;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebSocketServerTest
{
    @Test
    void bindsAnEphemeralPortAndRunsItsConnectionsOnTheNamedWorker() throws Exception
    {
        try (WebSocketServer server = new WebSocketServer("test server", "peregrine-ws-test",
            WebSocketServer.underPath("/", 1024), 1024, pipeline -> { }))
        {
            assertThat(server.port()).isEqualTo(-1);
            server.start();
            final int port = server.bind("127.0.0.1", 0);

            assertThat(port).isPositive().isEqualTo(server.port());
            assertThat(server.loop().submit(() -> Thread.currentThread().getName()).get()).startsWith("peregrine-ws-test");
        }
    }

    @Test
    void aPortInUseIsRefusedNamingTheServerAndTheAddress()
    {
        try (WebSocketServer first = new WebSocketServer("first", "peregrine-ws-a", WebSocketServer.underPath("/", 1024),
            1024, pipeline -> { }))
        {
            first.start();
            final int port = first.bind("127.0.0.1", 0);
            final WebSocketServer second = new WebSocketServer("simulated exchange", "peregrine-ws-b",
                WebSocketServer.underPath("/", 1024), 1024, pipeline -> { });
            second.start();

            assertThatThrownBy(() -> second.bind("127.0.0.1", port))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("simulated exchange cannot bind 127.0.0.1:" + port + " (");
            second.close(); // idempotent after the failed bind closed it
        }
    }
}
