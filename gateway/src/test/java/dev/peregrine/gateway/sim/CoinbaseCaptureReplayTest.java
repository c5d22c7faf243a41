package dev.peregrine.gateway.sim;

import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.gateway.capture.CaptureFormatException;
import dev.peregrine.gateway.capture.CaptureRecord;
import dev.peregrine.gateway.capture.CoinbaseCaptureReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replays the real Coinbase capture over a real loopback WebSocket to the JDK's own client (independent
 * of the gateway's Netty client): every recorded frame arrives, in order, unchanged.
 */
class CoinbaseCaptureReplayTest
{
    private static final String CAPTURE = "coinbase_advtrade_ws_BTC-USD_ETH-USD_20260809.cryptofeed.jsonl.gz";

    @RegisterExtension
    final SimulatorClient client = new SimulatorClient();

    @Test
    void everyRecordedFrameArrivesInOrderAndUnchangedAtMaxSpeed() throws Exception
    {
        final Path file = ExternalResources.sharedDataFile(CAPTURE);
        final List<String> recorded = recordedFrames(file);

        final SimulatedExchange exchange = SimulatedExchange.replaying(file, Double.POSITIVE_INFINITY);
        assertThat(exchange.config().products()).containsExactly("BTC-USD", "ETH-USD");
        client.connect(exchange);
        assertThat(exchange.finished()).isNotDone();
        client.subscribe("ticker", "BTC-USD");

        exchange.finished().get(60, TimeUnit.SECONDS);
        assertThat(exchange.framesReplayed()).isEqualTo(recorded.size());
        // 'finished' means written to the socket; reading them may still be under way.
        final List<String> received = client.awaitMessages(recorded.size(), TimeUnit.SECONDS.toNanos(30));
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
    void refusesWhatItCannotReplay(@TempDir final Path temp) throws Exception
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
        final SimulatedExchange unsubscribed = SimulatedExchange.replaying(capture, 10);
        unsubscribed.start();
        unsubscribed.close();
        assertThat(unsubscribed.finished()).isCompletedExceptionally();
    }

    /** The capture's received frames as its reader gives them (CoinbaseCaptureReaderTest holds it to an independent reading). */
    private static List<String> recordedFrames(final Path file)
    {
        final List<String> frames = new ArrayList<>();
        try (CoinbaseCaptureReader reader = CoinbaseCaptureReader.open(file))
        {
            CaptureRecord frame;
            while ((frame = reader.nextFrame()) != null)
            {
                frames.add(frame.data());
            }
        }
        return frames;
    }
}
