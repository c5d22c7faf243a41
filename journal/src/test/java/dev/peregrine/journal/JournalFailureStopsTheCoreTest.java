package dev.peregrine.journal;

import dev.peregrine.core.testing.TestProducts;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.PaperOrderSender;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.ring.HaltingExceptionHandler;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.ring.JournalGate;
import dev.peregrine.core.ring.OutboundStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real ring with the real writer and core, on a disk that fills up after {@value #JOURNALED} events (the
 * append fails as it does on a full tmpfs: an {@link InternalError} from the mapped file). The core must take
 * exactly the journaled events and nothing after, so its digest and state hash equal a replay of the journal;
 * the failure reaches the journal stage's handler once; the later inputs are counted as not taken.
 * (The same on a real 8 MiB tmpfs, through the CLI, is the acceptance module's JournalOnAFullDiskTest.)
 */
class JournalFailureStopsTheCoreTest
{
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000).withMinHold(0);
    private static final int EVENTS = 20_000;
    private static final int JOURNALED = 12_345;

    @TempDir
    Path dir;

    @Test
    void afterAFailedAppendTheCoreTakesNoInputAndItsHashesEqualAReplayOfTheJournal() throws Exception
    {
        final TradingSwitch tradingSwitch = new TradingSwitch();
        final CoreMetrics metrics = new CoreMetrics(2);
        final OutputDigest digest = new OutputDigest();
        final TradingCore core = CoreAssembly.build(TestProducts.CATALOG, SETTINGS, digest, metrics, tradingSwitch);
        final JournalWriter writer = JournalWriter.open(dir, SETTINGS);
        final PaperOrderSender paper = new PaperOrderSender();
        final InboundRing ring = new InboundRing(256, new BlockingWaitStrategy(), JournalStageWrapper::daemon,
            new DiskFullAfter(writer, JOURNALED), core, new OutboundStage(paper, tradingSwitch, metrics), tradingSwitch);

        final RingBuffer<InboundEvent> ringBuffer = ring.start();
        final MarketStream stream = new MarketStream(99);
        for (int i = 0; i < EVENTS; i++)
        {
            final long sequence = ringBuffer.next();
            final InboundEvent slot = ringBuffer.get(sequence);
            slot.clearInputs();
            stream.next(slot);
            slot.receiveNanoTime = System.nanoTime();
            InboundRing.publish(ringBuffer, sequence);
        }
        ring.drainAndStop(30, TimeUnit.SECONDS);
        writer.close();

        final JournalGate gate = ring.journalGate();
        assertThat(gate.closed()).isTrue();
        assertThat(gate.failedSequence()).isEqualTo(JOURNALED);
        assertThat(gate.cause()).isInstanceOf(InternalError.class);
        assertThat(gate.inputsNotTaken()).isEqualTo(EVENTS - JOURNALED);
        assertThat(metrics.events.get()).as("inputs the core took").isEqualTo(JOURNALED);
        assertThat(writer.eventsWritten()).isEqualTo(JOURNALED);
        assertThat(tradingSwitch.isHalted()).isTrue();
        for (final HaltingExceptionHandler handler : ring.exceptionHandlers())
        {
            assertThat(handler.errorCount()).as(handler.stage() + " errors").isEqualTo(handler.stage().equals("journal") ? 1 : 0);
        }
        assertThat(metrics.orders.get()).as("orders decided before the disk filled").isGreaterThan(5);

        final ReplayResult replay = Replay.run(TestProducts.CATALOG, dir);
        assertThat(replay.events()).isEqualTo(JOURNALED);
        assertThat(replay.outputs()).isEqualTo(digest.outputCount());
        assertThat(replay.outputDigestHex()).isEqualTo(digest.hex());
        assertThat(replay.stateHashHex()).isEqualTo(Hash64.hex(core.stateHash()));
    }

    /**
     * The real writer on a volume with room for {@code room} events: the next append faults as a full tmpfs
     * does, once, and nothing is appended after it (what JournalWriter does after a failure).
     */
    private static final class DiskFullAfter extends JournalStageWrapper
    {
        private final long room;

        DiskFullAfter(final JournalWriter writer, final long room)
        {
            super(writer);
            this.room = room;
        }

        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
        {
            if (sequence == room)
            {
                throw new InternalError("a fault occurred in a recent unsafe memory access operation");
            }
            if (sequence < room)
            {
                writer.onEvent(event, sequence, endOfBatch);
            }
            // later: a writer that failed appends nothing more (JournalWriter.onEvent after a failure)
        }
    }
}
