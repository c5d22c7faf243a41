package dev.peregrine.acceptance;

import dev.peregrine.acceptance.support.Daemon;
import dev.peregrine.acceptance.support.Http;
import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An operator's probes and kill switch still answer while other clients stall: with 30 connections to the
 * health port each holding half a request line, {@code /ready}, {@code /health} and {@code POST /admin/pause}
 * answer, and the engine closes the stalled connections itself (408) at its request deadline.
 */
class StalledClientsTest
{
    private static final Pattern HEALTH_PORT = Pattern.compile("health: http://127\\.0\\.0\\.1:(\\d+)/health");
    /** Generous: only a server that never closes them runs into it. */
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    @Test
    void healthReadinessAndTheKillSwitchAnswerWhileClientsHoldHalfSentRequests() throws IOException
    {
        final Path dir = Workspace.caseDir("stalled-clients");
        final Daemon run = Daemon.start(dir, Workspace.root().resolve("ops/config/paper.yaml"), dir.resolve("journal"),
            Daemon.newToken(), Map.of());
        final SoftAssertions soft = new SoftAssertions();
        final List<Socket> stalled = new ArrayList<>();
        try
        {
            final int port = Integer.parseInt(run.process().await(HEALTH_PORT, 5).group(1));
            for (int i = 0; i < 30; i++)
            {
                final Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                stalled.add(socket);
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                socket.getOutputStream().write("GET /rea".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            final Http.Response ready = run.awaitReady(60);
            soft.assertThat(ready.status()).as("/ready while 30 clients stall: %s", ready.body()).isEqualTo(200);
            soft.assertThat(run.health().path("status").asText()).as("/health while 30 clients stall").isEqualTo("UP");
            final Http.Response pause = run.command("pause");
            soft.assertThat(pause.status()).as("POST /admin/pause while 30 clients stall: %s", pause.body()).isEqualTo(202);
            for (final Socket socket : stalled)
            {
                soft.assertThat(untilClosed(socket)).as("what a stalled client gets").startsWith("HTTP/1.1 408 ");
            }
        }
        finally
        {
            for (final Socket socket : stalled)
            {
                socket.close();
            }
            final Peregrine.Result stopped = run.process().sigterm(Duration.ofSeconds(60));
            soft.assertThat(stopped.exitCode()).as("exit code after SIGTERM\n%s", stopped.stderr()).isZero();
        }
        soft.assertAll();
    }

    /** What the engine sends until it closes the connection; a read time-out means it never did. */
    private static String untilClosed(final Socket socket)
    {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        try
        {
            final InputStream in = socket.getInputStream();
            for (int b = in.read(); b >= 0; b = in.read())
            {
                received.write(b);
            }
        }
        catch (final IOException e)
        {
            received.writeBytes(("<" + e + ">").getBytes(StandardCharsets.UTF_8));
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }
}
