package dev.peregrine.gateway.sim.binance;

import dev.peregrine.gateway.testing.EmbeddedAgentDriver;
import org.agrona.concurrent.AgentInvoker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Binance capture replay as an agent, driven inline against an embedded event loop. */
class BinanceCaptureReplayAgentTest
{
    private static final String DEPTH_1 = "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"U\":1,\"u\":1}}";
    private static final String TRADE = "{\"stream\":\"btcusdt@trade\",\"data\":{\"t\":7}}";
    private static final String DEPTH_2 = "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"U\":2,\"u\":2}}";
    private static final String SNAPSHOT = "{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}";

    @TempDir
    Path temp;

    @RegisterExtension
    final EmbeddedAgentDriver driver = new EmbeddedAgentDriver();

    @Test
    void holdsAtTheRecordedSnapshotUntilOneIsServedAndSendsOnlyTheSubscribedStreams() throws Exception
    {
        final BinanceCaptureReplay replay = replayWithOneClient(0, 0);
        driver.start(replay);
        driver.cycles(20);
        assertThat(driver.sentTexts()).containsExactly(DEPTH_1);
        assertThat(replay.finishedSessions()).isZero();

        assertThat(replay.snapshot("BTCUSDT", 100)).isEqualTo(SNAPSHOT);
        driver.cycles(20);
        assertThat(driver.sentTexts()).containsExactly(DEPTH_2); // the trade stream was not asked for
        assertThat(replay.framesSent()).isEqualTo(2);
        assertThat(replay.finishedSessions()).isEqualTo(1);
        assertThat(driver.errors()).isEmpty();
    }

    @Test
    void waitsForAFrameThatIsNotDueAndDropsAClientThatLeft() throws Exception
    {
        final BinanceCaptureReplay replay = replayWithOneClient(3_600_000_000_000L, 1);
        replay.snapshot("BTCUSDT", 100);
        final AgentInvoker invoker = driver.start(replay);
        driver.cycles(20);
        assertThat(driver.sentTexts()).containsExactly(DEPTH_1);

        driver.channel().close();
        assertThat(invoker.invoke()).isZero();
        assertThat(replay.finishedSessions()).isZero();
        assertThat(replay.framesSent()).isEqualTo(1);
        replay.close(); // no runner: the test drives the agent
        assertThat(driver.errors()).isEmpty();
    }

    /** A capture of depth, snapshot, trade, depth ({@code gapNanos} after the first frame), one client of the depth stream. */
    private BinanceCaptureReplay replayWithOneClient(final long gapNanos, final double speed) throws Exception
    {
        final long t0 = 1_723_100_000_000_000_000L;
        final Path file = Files.writeString(temp.resolve("capture.txt"),
            t0 + " " + DEPTH_1 + "\n" + (t0 + 1) + " " + SNAPSHOT + "\n" + (t0 + 2) + " " + TRADE + "\n" +
            (t0 + gapNanos + 3) + " " + DEPTH_2 + "\n");
        final BinanceCaptureReplay replay = new BinanceCaptureReplay(BinanceCapture.load(file), speed, driver::keep);
        replay.start(driver.channel().eventLoop(),
            new BinanceStreamPublisher(new BinanceMarketTape(List.of("BTCUSDT")), null, System::currentTimeMillis));
        replay.onSession(new BinanceSimSession(driver.channel(), List.of("btcusdt@depth@100ms"), true, null));
        assertThat(driver.started()).containsExactly(replay);
        return replay;
    }
}
