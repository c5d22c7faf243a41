package dev.peregrine.bench.cluster;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.PaperOrderSender;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.ring.OutboundStage;
import dev.peregrine.journal.JournalWriter;
import dev.peregrine.journal.snapshot.RecoverableEngine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The baseline: the single-node engine's inbound ring as {@code run} wires it (journal, then the core, then the
 * outbound stage, each on its own thread; {@link InboundRing}), its core stage the handler a cluster member applies
 * each event with ({@link RecoverableEngine#statistics()}: the core, then the PnL statistics), the journal the real
 * Chronicle {@link JournalWriter} in a temporary folder (or none). One event is published, and the next only once the
 * core applied it: the latency of one event from publish to applied, not a burst's throughput.
 */
final class RingLatency
{
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    private RingLatency()
    {
    }

    /**
     * A fresh engine and ring: {@code warmUp} events (not measured), then {@code events[from, to)} one at a time, each
     * event's publish-to-applied time added to {@code sample}.
     */
    static void round(final List<InboundEvent> events, final int warmUp, final int from, final int to,
        final boolean journalOn, final WaitStrategy waitStrategy, final LatencySample sample) throws Exception
    {
        final EngineSettings settings = ClusterMarket.settings();
        final RecoverableEngine engine = new RecoverableEngine(ClusterMarket.catalog(), settings);
        final AppliedTimes times = new AppliedTimes(warmUp + to - from);
        final Path dir = Files.createTempDirectory("peregrine-cluster-bench-ring");
        final JournalWriter journal = journalOn ? JournalWriter.open(dir.resolve("journal"), settings) : null;
        final TradingSwitch tradingSwitch = new TradingSwitch();
        final AtomicInteger threads = new AtomicInteger();
        final InboundRing ring = new InboundRing(1 << 12, waitStrategy,
            r -> new Thread(r, "bench-ring-stage-" + threads.incrementAndGet()), journal,
            new TimedCore(engine.statistics(), times),
            new OutboundStage(new PaperOrderSender(), tradingSwitch, engine.metrics()), tradingSwitch);
        final RingBuffer<InboundEvent> buffer = ring.start();
        try
        {
            long sent = 0;
            for (int i = 0; i < warmUp; i++)
            {
                publish(buffer, events.get(i));
                AppliedWait.await(times::applied, ++sent, TIMEOUT_NS, "ring warm-up");
            }
            for (int i = from; i < to; i++)
            {
                final long start = System.nanoTime();
                publish(buffer, events.get(i));
                AppliedWait.await(times::applied, ++sent, TIMEOUT_NS, "ring");
                sample.add(times.appliedAt(sent - 1) - start);
            }
            ring.drainAndStop(30, TimeUnit.SECONDS);
            if (engine.core().lastError() != null)
            {
                throw new IllegalStateException("the ring's core failed", engine.core().lastError());
            }
        }
        finally
        {
            ring.halt();
            if (journal != null)
            {
                journal.close();
            }
            delete(dir);
        }
    }

    private static void publish(final RingBuffer<InboundEvent> buffer, final InboundEvent event)
    {
        final long sequence = buffer.next();
        buffer.get(sequence).copyInputsFrom(event);
        buffer.publish(sequence);
    }

    static void delete(final Path dir)
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final IOException ignored)
        {
            // a temporary folder left behind is harmless
        }
    }

    /** The core stage, then the timestamp: applied means the core and its statistics are done with the event. */
    private static final class TimedCore implements EventHandler<InboundEvent>
    {
        private final EventHandler<InboundEvent> core;
        private final AppliedTimes times;
        private long index;

        TimedCore(final EventHandler<InboundEvent> core, final AppliedTimes times)
        {
            this.core = core;
            this.times = times;
        }

        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) throws Exception
        {
            core.onEvent(event, sequence, endOfBatch);
            times.onApplied(index++, event.venueSequence);
        }
    }
}
