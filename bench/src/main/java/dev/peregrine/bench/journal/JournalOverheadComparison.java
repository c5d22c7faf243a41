package dev.peregrine.bench.journal;

import dev.peregrine.gateway.venue.VenueRegistry;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.peregrine.bench.execution.OscillatingMarket;
import dev.peregrine.bench.execution.PaperVenueBenchmark;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.PaperOrderSender;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.ring.OutboundStage;
import dev.peregrine.journal.JournalWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Issue 6: the journal's cost on the live path. The real inbound ring (journal, then core, then outbound;
 * the journal and core ran in parallel until issue 13 put the core after the journal) is fed {@code --events} venue-shaped events as fast as one producer can
 * publish, once with the Chronicle journal consumer and once without it, alternating, {@code --rounds}
 * times each; the figure is events per second from the first publish until every stage has drained.
 * <pre>
 * java @jvm.options -cp bench/target/benchmarks.jar dev.peregrine.bench.journal.JournalOverheadComparison \
 *     [--events 2000000] [--rounds 5] [--wait blocking|yielding]
 * </pre>
 * On a 2-core machine the producer and three consumer threads share two cores, so use {@code blocking}
 * (the default here): a spinning stage would steal the core the others need, and the comparison would
 * measure the scheduler.
 */
public final class JournalOverheadComparison
{
    private JournalOverheadComparison()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        int events = 2_000_000;
        int rounds = 5;
        String wait = "blocking";
        for (int i = 0; i < args.length; i += 2)
        {
            switch (args[i])
            {
                case "--events": events = Integer.parseInt(args[i + 1]); break;
                case "--rounds": rounds = Integer.parseInt(args[i + 1]); break;
                case "--wait": wait = args[i + 1]; break;
                default: throw new IllegalArgumentException("unknown option " + args[i] + " (--events, --rounds, --wait)");
            }
        }
        final List<Double> with = new ArrayList<>();
        final List<Double> without = new ArrayList<>();
        run(true, events / 4, wait);   // warm-up of both paths, not counted
        run(false, events / 4, wait);
        for (int round = 0; round < rounds; round++)
        {
            with.add(run(true, events, wait));
            without.add(run(false, events, wait));
            System.out.printf(Locale.ROOT, "round %d: journal on %,.0f events/s, off %,.0f events/s%n", round + 1,
                with.get(round), without.get(round));
        }
        final double on = median(with);
        final double off = median(without);
        System.out.printf(Locale.ROOT, "median over %d rounds of %,d events (%s wait): journal on %,.0f events/s, off %,.0f "
            + "events/s; on / off = %.2f%n", rounds, events, wait, on, off, on / off);
    }

    private static double run(final boolean journalOn, final int events, final String wait) throws Exception
    {
        final Path dir = Files.createTempDirectory("peregrine-journal-overhead");
        final EngineSettings settings = OscillatingJournal.settings();
        final CoreMetrics metrics = new CoreMetrics(settings.products().size());
        final TradingSwitch tradingSwitch = new TradingSwitch();
        final TradingCore core = CoreAssembly.build(VenueRegistry.standard().catalog(), settings, new OutputDigest(), metrics, tradingSwitch);
        final JournalWriter journal = journalOn ? JournalWriter.open(dir.resolve("journal"), settings) : null;
        final WaitStrategy strategy = "yielding".equals(wait) ? new YieldingWaitStrategy() : new BlockingWaitStrategy();
        final AtomicInteger threads = new AtomicInteger();
        final InboundRing ring = new InboundRing(1 << 14, strategy,
            r -> new Thread(r, "bench-stage-" + threads.incrementAndGet()), journal, core,
            new OutboundStage(new PaperOrderSender(), tradingSwitch, metrics), tradingSwitch);
        final RingBuffer<InboundEvent> buffer = ring.start();
        try
        {
            final OscillatingMarket market = PaperVenueBenchmark.market();
            long time = OscillatingMarket.START_NANOS;
            for (final InboundEvent e : market.snapshot())
            {
                final long sequence = buffer.next();
                buffer.get(sequence).copyInputsFrom(e);
                buffer.get(sequence).eventTimeNanos = time;
                buffer.publish(sequence);
            }
            final InboundEvent[] cycle = market.cycle();
            final long start = System.nanoTime();
            for (int i = 0; i < events; i++)
            {
                time += OscillatingMarket.EVENT_SPACING_NANOS;
                final long sequence = buffer.next();
                final InboundEvent slot = buffer.get(sequence);
                slot.copyInputsFrom(cycle[i % cycle.length]);
                slot.eventTimeNanos = time;
                buffer.publish(sequence);
            }
            ring.drainAndStop(60, TimeUnit.SECONDS);
            final double seconds = (System.nanoTime() - start) / 1e9;
            if (core.eventsProcessed() < events || core.lastError() != null)
            {
                throw new IllegalStateException("the core processed " + core.eventsProcessed() + " of " + events +
                    " events; last error " + core.lastError());
            }
            return events / seconds;
        }
        finally
        {
            if (journal != null)
            {
                journal.close();
            }
            try (Stream<Path> files = Files.walk(dir))
            {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            catch (final IOException ignored)
            {
                // a temp folder left behind is harmless
            }
        }
    }

    private static double median(final List<Double> values)
    {
        final List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
