package dev.peregrine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.ops.http.server.RawHttp;
import dev.peregrine.ops.http.server.SseReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /ui/events} over raw loopback sockets against a running two-strategy demo: one connection held open carries
 * an overview a second (in order, the first with the reconnect delay); no session gets 401 and no stream; streams are
 * capped per port (the ninth gets 503) and a client that goes frees its slot; logging out ends the stream.
 */
class StatusEventsTest
{
    private static final int MAX_STREAMS = 8;
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([0-9a-f]+)\"");

    @TempDir
    Path temp;

    @Test
    void oneConnectionCarriesAnOverviewASecondForALoggedInSessionOnly() throws Exception
    {
        final BackgroundDemo demo = new BackgroundDemo("--duration", "20s", "--trades-per-second", "200",
            "--journal", temp.resolve("journal").toString(),
            "--strategy", "ma-crossover:name=quick,fast=3,slow=8", "--strategy", "ma-crossover:name=steady,fast=5,slow=13",
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking");
        final int port = URI.create(demo.admin()).getPort();
        final List<Socket> open = new ArrayList<>();
        try
        {
            // No session, or one that does not exist: 401 with a plain body, and the connection is no stream.
            for (final String[] headers : new String[][] {{}, {"Cookie: peregrine_session=0123456789abcdef"}})
            {
                final RawHttp.Response refused = RawHttp.call(port, "GET", "/ui/events", headers);
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.header("Content-Type")).startsWith("text/plain");
                assertThat(refused.header("Transfer-Encoding")).isNull();
                assertThat(refused.body()).isEqualTo("log in at /ui/ with the admin token");
            }

            final String cookie = login(port, demo.token());
            final Socket stream = openStream(port, cookie, open);
            final SseReader events = new SseReader(stream);
            final ObjectMapper mapper = new ObjectMapper();
            final List<Instant> generated = new ArrayList<>();
            final long firstAt = System.nanoTime();
            for (int i = 0; i < 3; i++)
            {
                final String event = events.nextEvent();
                assertThat(event).as("event %d", i).startsWith(i == 0 ? "retry: 1000\nevent: overview\ndata: {" : "event: overview\ndata: {");
                final JsonNode overview = mapper.readTree(event.substring(event.indexOf("data: ") + "data: ".length()));
                assertThat(overview.get("strategies")).hasSize(2);
                generated.add(Instant.parse(overview.get("generatedAt").asText()));
            }
            // Three on one connection, each overview no older than the one before, and not faster than one a second
            // (counted loosely: two periods between the first and the third).
            assertThat(generated).isSorted();
            assertThat(System.nanoTime() - firstAt).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1500));

            // Up to the cap per port; the next one is refused in one line, and a client that goes frees its slot.
            for (int i = 1; i < MAX_STREAMS; i++)
            {
                assertThat(new SseReader(openStream(port, cookie, open)).nextEvent()).contains("event: overview");
            }
            final RawHttp.Response full = RawHttp.call(port, "GET", "/ui/events", "Cookie: " + cookie);
            assertThat(full.status()).isEqualTo(503);
            assertThat(full.body()).doesNotContain("\n").contains("too many event streams open (at most 8)");
            open.remove(open.size() - 1).close();
            assertThat(new SseReader(openStreamOnceFree(port, cookie, open)).nextEvent()).contains("event: overview");

            // Logging out ends that session's streams at their next tick; the page's reconnect is then refused.
            final String page = RawHttp.call(port, "GET", "/ui/", "Cookie: " + cookie).body();
            final Matcher csrf = CSRF.matcher(page);
            assertThat(csrf.find()).as(page).isTrue();
            assertThat(RawHttp.call(port, "POST", "/ui/logout", "Cookie: " + cookie, "X-CSRF-Token: " + csrf.group(1),
                "Content-Length: 0").status()).isEqualTo(204);
            assertThat(events.endsCleanly()).as("the stream ends with its last chunk, then the connection closes").isTrue();
            assertThat(RawHttp.call(port, "GET", "/ui/events", "Cookie: " + cookie).status()).isEqualTo(401);
        }
        finally
        {
            for (final Socket socket : open)
            {
                socket.close();
            }
        }
        demo.awaitCleanExit();
    }

    /** Logs in through the form; the session cookie's {@code name=value}. */
    private static String login(final int port, final String token) throws IOException
    {
        try (Socket socket = RawHttp.open(port))
        {
            final String body = "token=" + token;
            RawHttp.send(socket, "POST /ui/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
                "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
            final RawHttp.Response answer = RawHttp.read(socket, false);
            assertThat(answer.status()).as("login: %s", answer).isEqualTo(303);
            final String setCookie = answer.header("Set-Cookie");
            assertThat(setCookie).startsWith("peregrine_session=");
            return setCookie.substring(0, setCookie.indexOf(';'));
        }
    }

    /** Opens {@code /ui/events} on a new connection and checks the stream's head. */
    private static Socket openStream(final int port, final String cookie, final List<Socket> open) throws IOException
    {
        final Socket socket = RawHttp.open(port);
        open.add(socket);
        final RawHttp.Response head = requestStream(socket, cookie);
        assertThat(head.status()).as("stream %d: %s", open.size(), head).isEqualTo(200);
        assertThat(head.header("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
        assertThat(head.header("Cache-Control")).isEqualTo("no-store");
        assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(head.header("Content-Length")).isNull();
        assertThat(head.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(head.header("Content-Security-Policy")).startsWith("default-src 'none'");
        return socket;
    }

    /** The server frees a slot when it sees the client's connection close: a moment after, not at once. */
    private static Socket openStreamOnceFree(final int port, final String cookie, final List<Socket> open) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true)
        {
            try (Socket probe = RawHttp.open(port))
            {
                final int status = requestStream(probe, cookie).status();
                if (status == 200)
                {
                    break;
                }
                assertThat(status).isEqualTo(503);
            }
            assertThat(System.nanoTime()).as("a closed stream's slot was not freed").isLessThan(deadline);
            Thread.sleep(50);
        }
        // The probe that got in closed again; its slot is free for the stream kept open.
        final long again = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true)
        {
            final Socket socket = RawHttp.open(port);
            final RawHttp.Response head = requestStream(socket, cookie);
            if (head.status() == 200)
            {
                open.add(socket);
                return socket;
            }
            socket.close();
            assertThat(System.nanoTime()).as("the probe's slot was not freed").isLessThan(again);
            Thread.sleep(50);
        }
    }

    private static RawHttp.Response requestStream(final Socket socket, final String cookie) throws IOException
    {
        RawHttp.send(socket, "GET /ui/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nCookie: " + cookie + "\r\n\r\n");
        return RawHttp.read(socket, false);
    }
}
