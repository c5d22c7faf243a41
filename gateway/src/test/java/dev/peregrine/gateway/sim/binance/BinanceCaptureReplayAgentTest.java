package dev.peregrine.gateway.sim.binance;

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
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Binance capture replay as an agent, driven inline by an {@link AgentInvoker} against an
 * {@link EmbeddedChannel}'s event loop (whose tasks run when the test says so).
 */
class BinanceCaptureReplayAgentTest
{
    private static final String DEPTH_1 = "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"U\":1,\"u\":1}}";
    private static final String TRADE = "{\"stream\":\"btcusdt@trade\",\"data\":{\"t\":7}}";
    private static final String DEPTH_2 = "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"U\":2,\"u\":2}}";
    private static final String SNAPSHOT = "{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}";

    @TempDir
    Path temp;

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final List<Agent> started = new ArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown()
    {
        channel.finishAndReleaseAll();
    }

    @Test
    void holdsAtTheRecordedSnapshotUntilOneIsServedAndSendsOnlyTheSubscribedStreams() throws Exception
    {
        final BinanceCaptureReplay replay = replayWithOneClient(0, 0);
        final AgentInvoker invoker = invoker(replay);
        run(invoker);
        assertThat(sentTexts()).containsExactly(DEPTH_1);
        assertThat(replay.finishedSessions()).isZero();

        assertThat(replay.snapshot("BTCUSDT", 100)).isEqualTo(SNAPSHOT);
        run(invoker);
        assertThat(sentTexts()).containsExactly(DEPTH_2); // the trade stream was not asked for
        assertThat(replay.framesSent()).isEqualTo(2);
        assertThat(replay.finishedSessions()).isEqualTo(1);
        assertThat(errors).isEmpty();
    }

    @Test
    void waitsForAFrameThatIsNotDueAndDropsAClientThatLeft() throws Exception
    {
        final BinanceCaptureReplay replay = replayWithOneClient(3_600_000_000_000L, 1);
        replay.snapshot("BTCUSDT", 100);
        final AgentInvoker invoker = invoker(replay);
        run(invoker);
        assertThat(sentTexts()).containsExactly(DEPTH_1);

        channel.close();
        assertThat(invoker.invoke()).isZero();
        assertThat(replay.finishedSessions()).isZero();
        assertThat(replay.framesSent()).isEqualTo(1);
        replay.close(); // no runner: the test drives the agent
        assertThat(errors).isEmpty();
    }

    /** A capture of depth, snapshot, trade, depth ({@code gapNanos} after the first frame), one client of the depth stream. */
    private BinanceCaptureReplay replayWithOneClient(final long gapNanos, final double speed) throws Exception
    {
        final long t0 = 1_723_100_000_000_000_000L;
        final Path file = Files.writeString(temp.resolve("capture.txt"),
            t0 + " " + DEPTH_1 + "\n" + (t0 + 1) + " " + SNAPSHOT + "\n" + (t0 + 2) + " " + TRADE + "\n" +
            (t0 + gapNanos + 3) + " " + DEPTH_2 + "\n");
        final BinanceCaptureReplay replay = new BinanceCaptureReplay(BinanceCapture.load(file), speed, agent ->
        {
            started.add(agent);
            return null;
        });
        replay.start(channel.eventLoop());
        replay.onSession(new BinanceSimSession(channel, Set.of("btcusdt@depth@100ms")));
        assertThat(started).containsExactly(replay);
        return replay;
    }

    private AgentInvoker invoker(final Agent agent)
    {
        final AgentInvoker invoker = new AgentInvoker(errors::add, null, agent);
        invoker.start();
        return invoker;
    }

    private void run(final AgentInvoker invoker)
    {
        for (int i = 0; i < 20; i++)
        {
            invoker.invoke();
            channel.runPendingTasks();
        }
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
