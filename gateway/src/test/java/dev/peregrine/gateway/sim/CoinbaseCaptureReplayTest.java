package dev.peregrine.gateway.sim;

import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.gateway.capture.CaptureFormatException;
import dev.peregrine.gateway.testing.TestJson;
import dev.peregrine.gateway.testing.TextCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replays the real Coinbase capture over a real loopback WebSocket to the JDK's own client (independent
 * of the gateway's Netty client): every recorded frame arrives, in order, unchanged.
 */
class CoinbaseCaptureReplayTest
{
    private static final String CAPTURE = "coinbase_advtrade_ws_BTC-USD_ETH-USD_20260809.cryptofeed.jsonl.gz";

    @TempDir
    Path temp;

    private SimulatedExchange exchange;
    private WebSocket socket;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown()
    {
        if (socket != null)
        {
            socket.abort();
        }
        if (exchange != null)
        {
            exchange.close();
        }
    }

    @Test
    void everyRecordedFrameArrivesInOrderAndUnchangedAtMaxSpeed() throws Exception
    {
        final Path file = ExternalResources.sharedDataFile(CAPTURE);
        final List<String> recorded = recordedFrames(file);

        exchange = SimulatedExchange.replaying(file, Double.POSITIVE_INFINITY);
        assertThat(exchange.config().products()).containsExactly("BTC-USD", "ETH-USD");
        exchange.start();
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .buildAsync(exchange.uri(), new TextCollector(received)).get(10, TimeUnit.SECONDS);
        assertThat(exchange.finished()).isNotDone();
        socket.sendText("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channel\":\"ticker\"}", true)
            .get(10, TimeUnit.SECONDS);

        exchange.finished().get(60, TimeUnit.SECONDS);
        assertThat(exchange.framesReplayed()).isEqualTo(recorded.size());
        // 'finished' means written to the socket; reading them may still be under way.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (received)
        {
            while (received.size() < recorded.size() && System.nanoTime() < deadline)
            {
                received.wait(100);
            }
        }
        assertThat(received).hasSize(recorded.size());
        for (int i = 0; i < recorded.size(); i++)
        {
            // Strings compare UTF-16 units of valid UTF-8 text: equal strings mean identical bytes on the wire.
            assertThat(received.get(i)).as("frame %d", i).isEqualTo(recorded.get(i));
        }
        // Nothing of the simulator's own: no confirmation of the request, no extra heartbeat.
        assertThat(received.stream().filter(f -> f.startsWith("{\"channel\":\"subscriptions\"")).count()).isEqualTo(5);
    }

    @Test
    void refusesWhatItCannotReplay() throws Exception
    {
        assertThatThrownBy(() -> SimulatedExchange.replaying(temp.resolve("nope.jsonl.gz"), 1))
            .isInstanceOf(CaptureFormatException.class).hasMessageContaining("does not exist");
        final Path text = Files.writeString(temp.resolve("x.jsonl"), "{\"a\":1}\n");
        assertThatThrownBy(() -> SimulatedExchange.replaying(text, 1))
            .isInstanceOf(CaptureFormatException.class).hasMessageContaining("is not a capture");
        final Path capture = Files.writeString(temp.resolve("c.jsonl"),
            "{\"t\":\"recv\",\"conn\":\"c\",\"ts\":1,\"data\":\"{\\\"channel\\\":\\\"l2_data\\\",\\\"events\\\":[{\\\"product_id\\\":\\\"BTC-USD\\\"}]}\"}\n");
        assertThatThrownBy(() -> SimulatedExchange.replaying(capture, 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speed");
        // Closing before anyone subscribed ends the replay exceptionally, so a waiter never hangs.
        exchange = SimulatedExchange.replaying(capture, 10);
        exchange.start();
        exchange.close();
        assertThat(exchange.finished()).isCompletedExceptionally();
    }

    private static List<String> recordedFrames(final Path file) throws Exception
    {
        final List<String> frames = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = lines.readLine()) != null)
            {
                final Map<String, Object> envelope = TestJson.object(line);
                if ("recv".equals(envelope.get("t")))
                {
                    frames.add((String)envelope.get("data"));
                }
            }
        }
        return frames;
    }
}
