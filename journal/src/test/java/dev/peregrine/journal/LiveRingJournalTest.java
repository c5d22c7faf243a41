package dev.peregrine.journal;

import dev.peregrine.core.testing.TestProducts;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.execution.OrderSender;
import dev.peregrine.core.execution.PaperOrderSender;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.ring.HaltingExceptionHandler;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.ring.JournalGate;
import dev.peregrine.core.ring.OutboundStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal in the real ring: producer, then journal, core and outbound stages, the real writer and a real core,
 * wired as the engine wires them, with a twist on the journal stage per test; each ends with a replay of the
 * journal equal to the live run.
 * <ul>
 *   <li>A slow journal (the core then waits for it): the outbound stage must still release each order only once
 *   the event that caused it is in the journal.</li>
 *   <li>A disk that fills up after {@value #JOURNALED} events (the append fails as it does on a full tmpfs: an
 *   {@link InternalError} from the mapped file): the core must take exactly the journaled events and nothing
 *   after; the failure reaches the journal stage's handler once; the later inputs are counted as not taken. (The
 *   same on a real 8 MiB tmpfs, through the CLI, is the acceptance module's JournalOnAFullDiskTest.)</li>
 * </ul>
 */
class LiveRingJournalTest
{
    /** The default crossover trading every cross (no minimum hold): a short synthetic stream gives many orders. */
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000).withMinHold(0);
    private static final int EVENTS = 20_000;
    private static final int JOURNALED = 12_345;

    @TempDir
    Path dir;

    private final TradingSwitch tradingSwitch = new TradingSwitch();
    private final CoreMetrics metrics = new CoreMetrics(SETTINGS.products().size());
    private final OutputDigest digest = new OutputDigest();
    private final TradingCore core = CoreAssembly.build(TestProducts.CATALOG, SETTINGS, digest, metrics, tradingSwitch);
    private JournalWriter writer;
    private InboundRing ring;

    @BeforeEach
    void openJournal()
    {
        writer = JournalWriter.open(dir, SETTINGS);
    }

    @Test
    void ordersLeaveOnlyAfterTheirCauseIsJournaledAndReplayMatchesLive() throws Exception
    {
        final CausalitySender sender = new CausalitySender(new PaperOrderSender(), writer);
        final RingBuffer<InboundEvent> ringBuffer = start(new SlowJournal(writer), sender);
        final Thread producer = new Thread(() ->
        {
            final MarketStream stream = new MarketStream(99);
            for (int i = 0; i < EVENTS; i++)
            {
                final long sequence = ringBuffer.next();
                final InboundEvent slot = ringBuffer.get(sequence);
                stream.next(slot);
                slot.receiveNanoTime = System.nanoTime();
                ringBuffer.publish(sequence);
            }
        }, "test-producer");
        producer.start();
        producer.join(60_000);
        assertThat(producer.isAlive()).isFalse();
        ring.drainAndStop(30, TimeUnit.SECONDS);
        writer.close();

        for (final HaltingExceptionHandler handler : ring.exceptionHandlers())
        {
            assertThat(handler.firstError()).as(handler.stage() + " stage error").isNull();
        }
        assertThat(tradingSwitch.isHalted()).isFalse();
        assertThat(writer.eventsWritten()).isEqualTo(EVENTS);

        // Every order the core made was released, and none before its cause was journaled.
        assertThat(metrics.orders.get()).isGreaterThan(10);
        assertThat(sender.paper.sentCount()).isEqualTo(metrics.orders.get());
        assertThat(metrics.ordersReleased.get()).isEqualTo(metrics.orders.get());
        assertThat(sender.released.get()).isEqualTo(metrics.orders.get());
        assertThat(sender.early.get()).as("orders released before their cause was journaled").isZero();
        assertThat(sender.lastCause).isPositive();

        assertReplayEqualsLive(EVENTS);
    }

    @Test
    void afterAFailedAppendTheCoreTakesNoInputAndItsHashesEqualAReplayOfTheJournal() throws Exception
    {
        final RingBuffer<InboundEvent> ringBuffer = start(new DiskFullAfter(writer, JOURNALED), new PaperOrderSender());
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

        assertReplayEqualsLive(JOURNALED);
    }

    /** Builds and starts the ring: {@code journalStage} wraps {@link #writer}; released orders go to {@code sender}. */
    private RingBuffer<InboundEvent> start(final JournalStageWrapper journalStage, final OrderSender sender)
    {
        ring = new InboundRing(256, new BlockingWaitStrategy(), JournalStageWrapper::daemon, journalStage, core,
            new OutboundStage(sender, tradingSwitch, metrics), tradingSwitch);
        return ring.start();
    }

    /** A replay of the journal took {@code events} events to this live run's outputs, digest and state. */
    private void assertReplayEqualsLive(final long events)
    {
        final ReplayResult replay = Replay.run(TestProducts.CATALOG, dir);
        assertThat(replay.events()).isEqualTo(events);
        assertThat(replay.outputs()).isEqualTo(digest.outputCount());
        assertThat(replay.outputDigestHex()).isEqualTo(digest.hex());
        assertThat(replay.stateHashHex()).isEqualTo(Hash64.hex(core.stateHash()));
    }

    /**
     * Checks, for each order, that the journal had written at least as many events as the number of its
     * causing event: the journal writes in ring order from an empty folder, so {@code eventsWritten()
     * > n} means event n is in the journal. The cause is found from the order's own time, which the
     * stream makes unique per event, so the check cannot be fooled by which slot the order sits in.
     */
    private static final class CausalitySender implements OrderSender
    {
        final PaperOrderSender paper;
        final JournalWriter writer;
        final AtomicLong released = new AtomicLong();
        final AtomicLong early = new AtomicLong();
        volatile long lastCause = -1;

        CausalitySender(final PaperOrderSender paper, final JournalWriter writer)
        {
            this.paper = paper;
            this.writer = writer;
        }

        @Override
        public void send(final OrderCommand order)
        {
            final long cause = MarketStream.eventNumberOf(order.eventTimeNanos);
            if (writer.eventsWritten() <= cause)
            {
                early.incrementAndGet();
            }
            if (cause < lastCause)
            {
                early.incrementAndGet(); // released out of ring order: also a broken pipeline
            }
            lastCause = cause;
            released.incrementAndGet();
            paper.send(order);
        }
    }

    /** The writer, held back now and then, so the core is often ahead of the journal. */
    private static final class SlowJournal extends JournalStageWrapper
    {
        SlowJournal(final JournalWriter writer)
        {
            super(writer);
        }

        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
        {
            if ((sequence & 63) == 0)
            {
                LockSupport.parkNanos(50_000);
            }
            writer.onEvent(event, sequence, endOfBatch);
        }
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
