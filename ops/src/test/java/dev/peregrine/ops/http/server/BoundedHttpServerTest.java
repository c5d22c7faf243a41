package dev.peregrine.ops.http.server;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link BoundedHttpServer} over real loopback sockets: what slow, idle and oversized clients get, the
 * connection cap, and the answers the JDK's server gave (routes, 404, HEAD, keep-alive). The route
 * handlers here are plain JDK {@code HttpHandler}s; the daemon's own routes are checked in
 * {@code SlowClientsTest}.
 */
class BoundedHttpServerTest
{
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception
    {
        for (final AutoCloseable c : toClose)
        {
            c.close();
        }
    }

    private BoundedHttpServer server(final HttpLimits limits) throws IOException
    {
        final BoundedHttpServer server = BoundedHttpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            "test", limits);
        toClose.add(server);
        server.createContext("/ok", exchange -> reply(exchange, 200, "ok " + exchange.getRequestMethod() + " " +
            exchange.getRequestURI() + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        server.createContext("/ok/deeper", exchange -> reply(exchange, 201, "deeper"));
        server.createContext("/slow", exchange ->
        {
            try
            {
                Thread.sleep(300);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, "slow");
        });
        server.createContext("/fails", exchange ->
        {
            throw new IllegalStateException("a handler bug");
        });
        server.start();
        return server;
    }

    private static void reply(final HttpExchange exchange, final int status, final String body) throws IOException
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(bytes);
        }
        exchange.close();
    }

    private Socket held(final int port, final String sent) throws IOException
    {
        final Socket socket = RawHttp.open(port);
        toClose.add(socket);
        if (!sent.isEmpty())
        {
            RawHttp.send(socket, sent);
        }
        return socket;
    }

    @Test
    void halfSentIdleAndTricklingClientsDoNotHoldUpAnswersAndAreClosedAtTheirDeadline() throws Exception
    {
        final BoundedHttpServer server = server(HttpLimits.DEFAULT.withRequestTimeout(Duration.ofSeconds(2)));
        final List<Socket> halfSent = new ArrayList<>();
        final List<Socket> idle = new ArrayList<>();
        for (int i = 0; i < 30; i++)
        {
            halfSent.add(held(server.port(), "GET /o"));
            idle.add(held(server.port(), ""));
        }
        final Socket trickling = held(server.port(), "");
        final Thread trickle = new Thread(() ->
        {
            try
            {
                for (final char c : "GET /ok HTTP/1.1\r\nHost: localhost\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n".toCharArray())
                {
                    RawHttp.send(trickling, String.valueOf(c));
                    Thread.sleep(300);
                }
            }
            catch (final IOException | InterruptedException closed)
            {
                // The server closed it, as it should before the request is complete.
            }
        });
        trickle.start();

        for (int i = 0; i < 20; i++)
        {
            final RawHttp.Response answer = RawHttp.call(server.port(), "GET", "/ok?n=" + i);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("ok GET /ok?n=" + i + " ");
        }

        for (final Socket socket : halfSent)
        {
            assertThat(RawHttp.untilClosed(socket)).startsWith("HTTP/1.1 408 Request Timeout\r\n")
                .endsWith("{\"error\":\"the request did not arrive in time; the connection is closed\"}");
        }
        for (final Socket socket : idle)
        {
            assertThat(RawHttp.untilClosed(socket)).as("an idle connection is closed without a word").isEmpty();
        }
        assertThat(RawHttp.untilClosed(trickling)).startsWith("HTTP/1.1 408 ");
        trickle.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(trickle.isAlive()).isFalse();
    }

    @Test
    void pastTheCapNewClientsWaitToBeAcceptedAndAreServedWhenAConnectionCloses() throws Exception
    {
        // A request time-out longer than the test: only the client closing a held connection frees a slot.
        final BoundedHttpServer server = server(HttpLimits.DEFAULT.withMaxConnections(3)
            .withRequestTimeout(Duration.ofMinutes(5)));
        final List<Socket> holders = new ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            holders.add(held(server.port(), "GET /ok HTT"));
        }
        final long accepted = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.openConnections() < 3 && System.nanoTime() < accepted)
        {
            Thread.sleep(10);
        }
        assertThat(server.openConnections()).isEqualTo(3);
        // The kernel completes this client's handshake (the accept queue), but the server does not accept it.
        final Socket waiting = held(server.port(), "GET /ok HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        waiting.setSoTimeout(1000);
        assertThatThrownBy(() -> waiting.getInputStream().read()).as("no answer past the cap")
            .isInstanceOf(SocketTimeoutException.class);
        assertThat(server.openConnections()).isEqualTo(3);

        holders.get(0).close();
        waiting.setSoTimeout(RawHttp.GENEROUS_TIMEOUT_MILLIS);
        final RawHttp.Response served = RawHttp.read(waiting, false);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("ok GET /ok ");

        // No held connection was dropped to make room: each still completes its request.
        for (final Socket holder : holders.subList(1, 3))
        {
            RawHttp.send(holder, "P/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(RawHttp.read(holder, false).status()).isEqualTo(200);
        }
    }

    @Test
    void oversizedRequestsAreRefusedWithAReasonAndTheConnectionClosed() throws Exception
    {
        final BoundedHttpServer server = server(HttpLimits.DEFAULT);
        final RawHttp.Response longLine = RawHttp.call(server.port(), "GET", "/ok?q=" + "x".repeat(100_000));
        assertThat(longLine.status()).isEqualTo(414);
        assertThat(longLine.body()).isEqualTo("{\"error\":\"the request line is longer than 8192 bytes\"}");
        assertThat(longLine.header("Connection")).isEqualTo("close");

        final RawHttp.Response bigHeaders = RawHttp.call(server.port(), "GET", "/ok", "X-Big: " + "y".repeat(100_000));
        assertThat(bigHeaders.status()).isEqualTo(431);
        assertThat(bigHeaders.body()).isEqualTo("{\"error\":\"the request headers are larger than 16384 bytes\"}");

        // Refused on the announced length, before the client sends any of the body.
        final RawHttp.Response bigBody = RawHttp.call(server.port(), "POST", "/ok", "Content-Length: 100000000");
        assertThat(bigBody.status()).isEqualTo(413);
        assertThat(bigBody.body()).isEqualTo("{\"error\":\"the request body is larger than 65536 bytes\"}");
        assertThat(bigBody.header("Content-Type")).isEqualTo("application/json");

        // A chunked body has no announced length: refused once it grows past the cap.
        try (Socket socket = RawHttp.open(server.port()))
        {
            RawHttp.send(socket, "POST /ok HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
            final String chunk = Integer.toHexString(40_000) + "\r\n" + "z".repeat(40_000) + "\r\n";
            RawHttp.send(socket, chunk + chunk);
            assertThat(RawHttp.read(socket, false).status()).isEqualTo(413);
            assertThat(RawHttp.untilClosed(socket)).isEmpty();
        }

        // A body within the cap reaches the handler whole.
        final String body = "b".repeat(60_000);
        try (Socket socket = RawHttp.open(server.port()))
        {
            RawHttp.send(socket, "POST /ok HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            assertThat(RawHttp.read(socket, false).body()).isEqualTo("ok POST /ok " + body);
        }
    }

    @Test
    void routesAnswersAndKeepAliveAreThoseOfTheJdkServer() throws Exception
    {
        final BoundedHttpServer server = server(HttpLimits.DEFAULT);
        final RawHttp.Response deeper = RawHttp.call(server.port(), "GET", "/ok/deeper/still");
        assertThat(deeper.status()).as("the longest prefix wins").isEqualTo(201);
        assertThat(RawHttp.call(server.port(), "GET", "/okay").body()).isEqualTo("ok GET /okay ");

        final RawHttp.Response missing = RawHttp.call(server.port(), "GET", "/nowhere");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("<h1>404 Not Found</h1>No context found for request");

        final RawHttp.Response head = RawHttp.call(server.port(), "HEAD", "/ok");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).isEqualTo("text/plain");
        assertThat(head.header("Date")).isNotBlank();

        final RawHttp.Response failed = RawHttp.call(server.port(), "GET", "/fails");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"error\":\"internal error (IllegalStateException)\"}");

        // Keep-alive, and requests sent in one write answered in order, a slow one first.
        try (Socket socket = RawHttp.open(server.port()))
        {
            RawHttp.send(socket, "GET /ok?1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(RawHttp.read(socket, false).body()).isEqualTo("ok GET /ok?1 ");
            RawHttp.send(socket, "GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\nGET /ok/deeper HTTP/1.1\r\nHost: localhost\r\n\r\n" +
                "GET /nowhere HTTP/1.1\r\nHost: localhost\r\n\r\nGET /ok?2 HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(RawHttp.read(socket, false).body()).isEqualTo("slow");
            assertThat(RawHttp.read(socket, false).body()).isEqualTo("deeper");
            assertThat(RawHttp.read(socket, false).status()).isEqualTo(404);
            assertThat(RawHttp.read(socket, false).body()).isEqualTo("ok GET /ok?2 ");
            RawHttp.send(socket, "GET /ok?3 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            final RawHttp.Response last = RawHttp.read(socket, false);
            assertThat(last.body()).isEqualTo("ok GET /ok?3 ");
            assertThat(last.header("Connection")).isEqualTo("close");
            assertThat(RawHttp.untilClosed(socket)).isEmpty();
        }
    }

    @Test
    void aTakenPortFailsTheBindWithTheSystemsReason() throws Exception
    {
        final BoundedHttpServer first = server(HttpLimits.DEFAULT);
        assertThatThrownBy(() -> BoundedHttpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), first.port()),
            "second", HttpLimits.DEFAULT)).isInstanceOf(IOException.class).hasMessageContaining("in use");
    }
}
