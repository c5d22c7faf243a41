package dev.peregrine.ops;

import dev.peregrine.ops.http.server.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's "one slow client cannot blind the operator", over a real daemon: while dozens of connections
 * hold half a request line, sit idle or send a byte a second, {@code /health}, {@code /ready}, an admin
 * command and {@code /metrics} still answer, and the held connections are closed at their request
 * deadline (408 for a half-sent request). The admin token is compared exactly.
 */
class SlowClientsTest
{
    private static final String TOKEN = DaemonProcess.PAPER_RUN_TOKEN;

    @TempDir
    Path temp;

    @Test
    void healthReadinessAdminAndMetricsAnswerWhileSlowClientsHoldConnections() throws Exception
    {
        final Path log = temp.resolve("run.log");
        final Process process = DaemonProcess.startPaperRun(temp, log);
        final List<Socket> held = new ArrayList<>();
        final List<Thread> tricklers = new ArrayList<>();
        try
        {
            final DaemonProcess.Endpoints ports = DaemonProcess.awaitStarted(process, log);
            final int metricsPort = ports.metrics();
            final int healthPort = ports.health();

            final List<Socket> halfSent = new ArrayList<>();
            final List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < 40; i++)
            {
                halfSent.add(hold(held, healthPort, "GET /hea"));
            }
            for (int i = 0; i < 10; i++)
            {
                halfSent.add(hold(held, metricsPort, "GET /metr"));
                idle.add(hold(held, i % 2 == 0 ? healthPort : metricsPort, ""));
            }
            final List<Socket> trickling = new ArrayList<>();
            for (int i = 0; i < 5; i++)
            {
                final Socket socket = hold(held, healthPort, "");
                trickling.add(socket);
                tricklers.add(trickleOneByteASecond(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"));
            }

            final RawHttp.Response health = RawHttp.call(healthPort, "GET", "/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(health.header("Content-Type")).isEqualTo("application/json");
            final RawHttp.Response ready = RawHttp.call(healthPort, "GET", "/ready");
            assertThat(ready.status()).isIn(200, 503);
            assertThat(ready.body()).contains("\"ready\":");
            final RawHttp.Response pause = RawHttp.call(healthPort, "POST", "/admin/pause",
                "Authorization: Bearer " + TOKEN, "Content-Length: 0");
            assertThat(pause.status()).as(pause.body()).isEqualTo(202);
            assertThat(pause.body()).isEqualTo("{\"command\":\"pause\",\"accepted\":true}");
            final RawHttp.Response metrics = RawHttp.call(metricsPort, "GET", "/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("peregrine_");

            tokenIsComparedExactly(healthPort);

            for (final Socket socket : halfSent)
            {
                assertThat(RawHttp.untilClosed(socket)).startsWith("HTTP/1.1 408 Request Timeout\r\n");
            }
            for (final Socket socket : idle)
            {
                assertThat(RawHttp.untilClosed(socket)).as("an idle connection is closed without a word").isEmpty();
            }
            for (final Socket socket : trickling)
            {
                assertThat(RawHttp.untilClosed(socket)).startsWith("HTTP/1.1 408 ");
            }
            // Nothing was lost on the way: the pause went through the ring to the core.
            assertThat(RawHttp.call(healthPort, "GET", "/admin/status", "Authorization: Bearer " + TOKEN).body())
                .contains("\"commands\":1");

            process.destroy();
            assertThat(process.waitFor(40, TimeUnit.SECONDS)).isTrue();
        }
        finally
        {
            for (final Thread trickler : tricklers)
            {
                trickler.interrupt();
            }
            for (final Socket socket : held)
            {
                socket.close();
            }
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as(DaemonProcess.read(log)).isZero();
        assertThat(DaemonProcess.read(log)).doesNotContain(TOKEN).doesNotContain("\tat ");
    }

    /**
     * Whitespace around a header line's value is not part of it in HTTP (the parser drops it), but whatever
     * the parser keeps must be the token, byte for byte: a second space after the scheme, or a newline after
     * the token (a folded header line, which the parser turns into a trailing space), is refused.
     */
    private static void tokenIsComparedExactly(final int healthPort) throws IOException
    {
        assertThat(RawHttp.call(healthPort, "GET", "/admin/status", "Authorization: Bearer " + TOKEN).status()).isEqualTo(200);
        assertThat(RawHttp.call(healthPort, "GET", "/admin/status", "Authorization: Bearer  " + TOKEN).status()).isEqualTo(401);
        assertThat(RawHttp.call(healthPort, "GET", "/admin/status", "Authorization: Bearer " + TOKEN + "\r\n ").status())
            .isEqualTo(401);
        assertThat(RawHttp.call(healthPort, "GET", "/admin/status", "Authorization: Bearer " + TOKEN + "\u000b").status())
            .as("a control character after the token").isIn(400, 401);
    }

    private static Socket hold(final List<Socket> held, final int port, final String sent) throws IOException
    {
        final Socket socket = RawHttp.open(port);
        held.add(socket);
        if (!sent.isEmpty())
        {
            RawHttp.send(socket, sent);
        }
        return socket;
    }

    private static Thread trickleOneByteASecond(final Socket socket, final String request)
    {
        final Thread thread = new Thread(() ->
        {
            try
            {
                for (final char c : request.toCharArray())
                {
                    RawHttp.send(socket, String.valueOf(c));
                    Thread.sleep(1000);
                }
            }
            catch (final IOException | InterruptedException closed)
            {
                // Closed by the server at the request deadline, long before the request is complete.
            }
        }, "trickle");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
