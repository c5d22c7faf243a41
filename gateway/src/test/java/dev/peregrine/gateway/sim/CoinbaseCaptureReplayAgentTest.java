package dev.peregrine.gateway.sim;

import dev.peregrine.gateway.testing.EmbeddedAgentDriver;
import org.agrona.concurrent.AgentInvoker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The capture replay as an agent, driven inline against an embedded event loop: no thread of its own, every
 * step in the test's order.
 */
class CoinbaseCaptureReplayAgentTest
{
    private static final long ONE_HOUR_NANOS = 3_600_000_000_000L;

    @TempDir
    Path temp;

    @RegisterExtension
    final EmbeddedAgentDriver driver = new EmbeddedAgentDriver();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    @Test
    void startsOnTheFirstSubscribeSendsEveryFrameInOrderAndEndsItself() throws Exception
    {
        final CoinbaseCaptureReplay replay = subscribedReplay(capture(0, 1, 2), Double.POSITIVE_INFINITY);
        replay.onRequest(replay.sessions().get(0), "subscribe", "level2", List.of("BTC-USD"));
        assertThat(driver.started()).containsExactly(replay); // one agent, however many subscribes

        final AgentInvoker invoker = driver.start(replay);
        driver.cycles(100);

        assertThat(invoker.isClosed()).isTrue();
        assertThat(finished).isCompleted();
        assertThat(replay.framesSent()).isEqualTo(3);
        assertThat(driver.sentTexts()).containsExactly(frame(0), frame(1), frame(2));
        assertThat(driver.errors()).isEmpty(); // the end of the capture is an expected termination, not an error
    }

    @Test
    void waitsForAFrameThatIsNotDueAndStopsOnClose() throws Exception
    {
        final CoinbaseCaptureReplay replay = subscribedReplay(capture(0, ONE_HOUR_NANOS), 1);
        final AgentInvoker invoker = driver.start(replay);
        driver.cycles(20);
        assertThat(replay.framesSent()).isEqualTo(1);
        assertThat(driver.sentTexts()).containsExactly(frame(0));
        assertThat(finished).isNotDone();

        replay.close();
        invoker.invoke();
        assertThat(invoker.isClosed()).isTrue();
        assertThatThrownBy(finished::join).isInstanceOf(CancellationException.class);
        assertThat(driver.errors()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadEndsTheReplayAsAnError() throws Exception
    {
        final Path file = capture(0);
        final CoinbaseCaptureReplay replay = subscribedReplay(file, Double.POSITIVE_INFINITY);
        Files.delete(file);
        final AgentInvoker invoker = driver.start(replay);
        invoker.invoke();

        assertThat(invoker.isClosed()).isTrue();
        assertThat(finished).isCompletedExceptionally();
        assertThat(driver.errors()).hasSize(1);
        assertThat(replay.framesSent()).isZero();
    }

    /** A replay of {@code file} with one session that has subscribed to the ticker. */
    private CoinbaseCaptureReplay subscribedReplay(final Path file, final double speed)
    {
        final CoinbaseCaptureReplay replay = new CoinbaseCaptureReplay(file, speed, finished, driver::keep);
        replay.start(driver.channel().eventLoop());
        final SimulatedSession session = replay.open(driver.channel());
        assertThat(driver.started()).isEmpty();
        replay.onRequest(session, "subscribe", "ticker", List.of("BTC-USD"));
        assertThat(driver.started()).containsExactly(replay);
        return replay;
    }

    /** A capture whose frame i was received {@code offsetsNanos[i]} after the first. */
    private Path capture(final long... offsetsNanos) throws Exception
    {
        final StringBuilder lines = new StringBuilder();
        for (int i = 0; i < offsetsNanos.length; i++)
        {
            final long epochNanos = 1_754_700_000_000_000_000L + offsetsNanos[i];
            lines.append("{\"t\":\"recv\",\"conn\":\"c\",\"ts\":").append(epochNanos / 1_000_000_000L).append('.')
                .append(String.format("%09d", epochNanos % 1_000_000_000L)).append(",\"data\":\"")
                .append(frame(i).replace("\"", "\\\"")).append("\"}\n");
        }
        return Files.writeString(temp.resolve("capture.jsonl"), lines.toString());
    }

    private static String frame(final int i)
    {
        return "{\"channel\":\"ticker\",\"sequence_num\":" + i + "}";
    }
}
