package dev.peregrine.ops.http.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BoundedHttpServer#createEventStream} over real loopback sockets, with counting sources: a stream outlives the
 * request deadline and ends when its source says so, a refused request gets the route's answer and no stream, HEAD
 * gets the head only, and a client that reads nothing has its ticks skipped rather than queued. The status page's own
 * stream (sessions, the cap, a freed slot) is checked in {@code StatusEventsTest}.
 */
class EventStreamsTest
{
    /** Larger than a loopback socket's send buffer can take at once, so the channel stops being writable. */
    private static final int BIG_EVENT_CHARS = 16 * 1024 * 1024;

    private final AtomicInteger asked = new AtomicInteger();
    private BoundedHttpServer server;

    @AfterEach
    void close()
    {
        if (server != null)
        {
            server.close();
        }
    }

    private int start() throws IOException
    {
        // A short request deadline (a stream must outlive it) and a long write time-out (a stuck client stays open).
        final HttpLimits limits = new HttpLimits(Duration.ofMillis(300), Duration.ofSeconds(60), 16, 8 * 1024, 16 * 1024,
            64 * 1024, 2);
        server = BoundedHttpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "test", limits);
        server.createEventStream("/count", exchange ->
        {
            if (!"yes".equals(exchange.getRequestHeaders().getFirst("X-Let-In")))
            {
                final byte[] body = "not you".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(401, body.length);
                try (OutputStream out = exchange.getResponseBody())
                {
                    out.write(body);
                }
                return null;
            }
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            final int last = Integer.parseInt(exchange.getRequestURI().getQuery().substring("last=".length()));
            return () ->
            {
                final int n = asked.incrementAndGet();
                return n > last ? null : "event: count\ndata: " + n + "\n\n";
            };
        });
        server.createEventStream("/big", exchange -> () ->
        {
            final int n = asked.incrementAndGet();
            return "data: " + n + " " + "x".repeat(BIG_EVENT_CHARS) + "\n\n";
        });
        server.start();
        return server.port();
    }

    @Test
    void aStreamOutlivesTheRequestDeadlineAndEndsWhenItsSourceDoes() throws Exception
    {
        final int port = start();
        try (Socket socket = RawHttp.open(port))
        {
            RawHttp.send(socket, "GET /count?last=3 HTTP/1.1\r\nHost: localhost\r\nX-Let-In: yes\r\n\r\n");
            final RawHttp.Response head = RawHttp.read(socket, true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
            assertThat(head.header("Cache-Control")).isEqualTo("no-store");
            assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(head.header("X-Content-Type-Options")).isEqualTo("nosniff");
            final SseReader events = new SseReader(socket);
            // A tick a second: the last of three arrives well past the 300 ms request deadline.
            for (int n = 1; n <= 3; n++)
            {
                assertThat(events.nextEvent()).isEqualTo("event: count\ndata: " + n + "\n");
            }
            assertThat(events.endsCleanly()).as("the last chunk, then the server closes").isTrue();
        }
    }

    @Test
    void aRefusedRequestGetsTheRoutesAnswerAndHeadGetsTheHeadOnly() throws Exception
    {
        final int port = start();
        final RawHttp.Response refused = RawHttp.call(port, "GET", "/count?last=3");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("not you");
        assertThat(refused.header("Transfer-Encoding")).isNull();

        final RawHttp.Response head = RawHttp.call(port, "HEAD", "/count?last=3", "X-Let-In: yes");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
        assertThat(asked.get()).as("events produced for a refused request and a HEAD").isZero();
    }

    @Test
    void aClientThatReadsNothingHasItsTicksSkippedNotQueued() throws Exception
    {
        final int port = start();
        try (Socket socket = new Socket())
        {
            socket.setReceiveBufferSize(8 * 1024);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket.setSoTimeout(RawHttp.GENEROUS_TIMEOUT_MILLIS);
            RawHttp.send(socket, "GET /big HTTP/1.1\r\nHost: localhost\r\n\r\n");
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (asked.get() == 0)
            {
                assertThat(System.nanoTime()).as("the stream's first tick").isLessThan(deadline);
                Thread.sleep(20);
            }
            // Several ticks pass while the first event still waits for the client: none of them produces another.
            Thread.sleep(3500);
            assertThat(asked.get()).as("events produced while the client read nothing").isLessThanOrEqualTo(2);

            // Reading again: whole events, numbered as produced, none of the skipped ticks delivered late.
            assertThat(RawHttp.read(socket, true).status()).isEqualTo(200);
            final SseReader events = new SseReader(socket);
            final int produced = asked.get();
            for (int n = 1; n <= produced + 1; n++)
            {
                final String event = events.nextEvent();
                assertThat(event).startsWith("data: " + n + " xxx").hasSize("data: ".length() + String.valueOf(n).length() + 1 +
                    BIG_EVENT_CHARS + 1);
            }
        }
    }
}
