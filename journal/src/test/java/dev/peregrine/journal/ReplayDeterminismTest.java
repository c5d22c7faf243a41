package dev.peregrine.journal;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.output.OutputFanOut;
import dev.peregrine.core.testing.RecordingOutputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayDeterminismTest
{
    /** The default crossover trading every cross (no minimum hold): a short synthetic stream gives many orders. */
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000).withMinHold(0);
    private static final int EVENTS = 20_000;
    private static final long SEED = 20260101L;

    @TempDir
    Path tmp;

    /** What a live run ended with. */
    private record Live(String digestHex, String stateHashHex, long outputs, RecordingOutputs recorded)
    {
    }

    @Test
    void replayReachesTheLiveDigestAndStateHash()
    {
        final Path dir = tmp.resolve("journal");
        final Live live = runLive(dir, -1);
        assertThat(live.recorded.count("order")).as("the strategy must trade for this test to mean anything")
            .isGreaterThan(10);
        assertThat(live.recorded.count("fill")).isGreaterThan(10);

        final RecordingOutputs replayed = new RecordingOutputs();
        final ReplayResult result = Replay.run(TestProducts.CATALOG, dir, replayed);

        assertThat(result.events()).isEqualTo(EVENTS);
        assertThat(result.outputs()).isEqualTo(live.outputs);
        assertThat(result.outputDigestHex()).isEqualTo(live.digestHex);
        assertThat(result.stateHashHex()).isEqualTo(live.stateHashHex);
        assertThat(replayed.lines()).containsExactlyElementsOf(live.recorded.lines());
        assertThat(result.settings().encode()).isEqualTo(SETTINGS.encode());
        // Replaying twice gives the same answer: nothing in replay depends on the wall clock.
        // (EngineSettings has no equals, hence the field-by-field comparison.)
        assertThat(Replay.run(TestProducts.CATALOG, dir)).usingRecursiveComparison().isEqualTo(result);
    }

    @Test
    void alteringOneJournaledEventChangesTheDigest()
    {
        final Live original = runLive(tmp.resolve("original"), -1);
        final Live altered = runLive(tmp.resolve("altered"), EVENTS / 2);

        final ReplayResult replayOfOriginal = Replay.run(TestProducts.CATALOG, tmp.resolve("original"));
        final ReplayResult replayOfAltered = Replay.run(TestProducts.CATALOG, tmp.resolve("altered"));
        assertThat(replayOfOriginal.outputDigestHex()).isEqualTo(original.digestHex);
        assertThat(replayOfAltered.outputDigestHex()).isEqualTo(altered.digestHex);
        assertThat(replayOfAltered.outputDigestHex()).isNotEqualTo(replayOfOriginal.outputDigestHex());
        assertThat(replayOfAltered.stateHashHex()).isNotEqualTo(replayOfOriginal.stateHashHex());
    }

    /**
     * Drives a core directly and journals each event first, as the ring does. If {@code alterAt} >= 0,
     * the first trade at or after that event number gets a price 2% off, in both the core and the
     * journal: a different but self-consistent run (a believable move: the core's market-data sanity
     * would drop a 5% jump in one trade as impossible, and the run would not differ).
     */
    private static Live runLive(final Path dir, final int alterAt)
    {
        final OutputDigest digest = new OutputDigest();
        final RecordingOutputs recorded = new RecordingOutputs();
        final TradingCore core = CoreAssembly.build(TestProducts.CATALOG, SETTINGS, new OutputFanOut(digest, recorded), new CoreMetrics(2),
            new TradingSwitch());
        final MarketStream stream = new MarketStream(SEED);
        final InboundEvent event = new InboundEvent();
        boolean altered = alterAt < 0;
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
        {
            for (int i = 0; i < EVENTS; i++)
            {
                stream.next(event);
                if (!altered && i >= alterAt && event.type == EventType.TRADE)
                {
                    event.price += event.price / 50;
                    altered = true;
                }
                event.receiveNanoTime = System.nanoTime(); // live measurement: must not change any decision
                writer.onEvent(event, i, true);
                core.onEvent(event, i, true);
            }
            assertThat(writer.eventsWritten()).isEqualTo(EVENTS);
        }
        return new Live(digest.hex(), Hash64.hex(core.stateHash()), digest.outputCount(), recorded);
    }
}
