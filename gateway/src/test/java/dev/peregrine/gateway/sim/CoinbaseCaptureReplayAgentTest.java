package dev.peregrine.gateway.sim;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentInvoker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The capture replay as an agent, driven inline by an {@link AgentInvoker} against an {@link EmbeddedChannel}'s
 * event loop (whose tasks run when the test says so): no thread of its own, every step in the test's order.
 */
class CoinbaseCaptureReplayAgentTest
{
    private static final long ONE_HOUR_NANOS = 3_600_000_000_000L;

    @TempDir
    Path temp;

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final List<Agent> started = new ArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown()
    {
        channel.finishAndReleaseAll();
    }

    @Test
    void startsOnTheFirstSubscribeSendsEveryFrameInOrderAndEndsItself() throws Exception
    {
        final CoinbaseCaptureReplay replay = subscribedReplay(capture(0, 1, 2), Double.POSITIVE_INFINITY);
        replay.onRequest(replay.sessions().get(0), "subscribe", "level2", List.of("BTC-USD"));
        assertThat(started).containsExactly(replay); // one agent, however many subscribes

        final AgentInvoker invoker = invoker(replay);
        for (int i = 0; i < 100 && invoker.isRunning(); i++)
        {
            invoker.invoke();
            channel.runPendingTasks();
        }

        assertThat(invoker.isClosed()).isTrue();
        assertThat(finished).isCompleted();
        assertThat(replay.framesSent()).isEqualTo(3);
        assertThat(sentTexts()).containsExactly(frame(0), frame(1), frame(2));
        assertThat(errors).isEmpty(); // the end of the capture is an expected termination, not an error
    }

    @Test
    void waitsForAFrameThatIsNotDueAndStopsOnClose() throws Exception
    {
        final CoinbaseCaptureReplay replay = subscribedReplay(capture(0, ONE_HOUR_NANOS), 1);
        final AgentInvoker invoker = invoker(replay);
        for (int i = 0; i < 20; i++)
        {
            invoker.invoke();
            channel.runPendingTasks();
        }
        assertThat(replay.framesSent()).isEqualTo(1);
        assertThat(sentTexts()).containsExactly(frame(0));
        assertThat(finished).isNotDone();

        replay.close();
        invoker.invoke();
        assertThat(invoker.isClosed()).isTrue();
        assertThatThrownBy(finished::join).isInstanceOf(CancellationException.class);
        assertThat(errors).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadEndsTheReplayAsAnError() throws Exception
    {
        final Path file = capture(0);
        final CoinbaseCaptureReplay replay = subscribedReplay(file, Double.POSITIVE_INFINITY);
        Files.delete(file);
        final AgentInvoker invoker = invoker(replay);
        invoker.invoke();

        assertThat(invoker.isClosed()).isTrue();
        assertThat(finished).isCompletedExceptionally();
        assertThat(errors).hasSize(1);
        assertThat(replay.framesSent()).isZero();
    }

    /** A replay of {@code file} with one session that has subscribed to the ticker. */
    private CoinbaseCaptureReplay subscribedReplay(final Path file, final double speed)
    {
        final CoinbaseCaptureReplay replay = new CoinbaseCaptureReplay(file, speed, finished, agent ->
        {
            started.add(agent);
            return null;
        });
        replay.start(channel.eventLoop());
        final SimulatedSession session = new SimulatedSession(channel);
        replay.register(session);
        assertThat(started).isEmpty();
        replay.onRequest(session, "subscribe", "ticker", List.of("BTC-USD"));
        assertThat(started).containsExactly(replay);
        return replay;
    }

    private AgentInvoker invoker(final Agent agent)
    {
        final AgentInvoker invoker = new AgentInvoker(errors::add, null, agent);
        invoker.start();
        return invoker;
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

    private List<String> sentTexts()
    {
        final List<String> texts = new ArrayList<>();
        Object written;
        while ((written = channel.readOutbound()) != null)
        {
            final TextWebSocketFrame text = (TextWebSocketFrame)written;
            texts.add(text.text());
            text.release();
        }
        return texts;
    }
}
