package dev.peregrine.bench.journal;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.journal.JournalReader;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Issue 6: no garbage collection during a replay of ten million events after warm-up. Writes a journal of
 * {@code --events} events (default 10,000,000; see {@link OscillatingJournal}), then replays it through a
 * core on this thread and reports, for the events after {@code --warm-up} (default 1,000,000), the
 * collections every collector counted (JMX), this thread's allocated bytes, and the time.
 * <pre>
 * java @jvm.options -Xlog:gc:file=gc.log -cp bench/target/benchmarks.jar \
 *     dev.peregrine.bench.journal.ReplayGcCheck [--events N] [--warm-up N] [--dir DIR]
 * </pre>
 * Exits 1 if any collection happened after the warm-up.
 */
public final class ReplayGcCheck
{
    private ReplayGcCheck()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        long events = 10_000_000L;
        long warmUp = 1_000_000L;
        Path dir = null;
        for (int i = 0; i < args.length; i += 2)
        {
            switch (args[i])
            {
                case "--events": events = Long.parseLong(args[i + 1]); break;
                case "--warm-up": warmUp = Long.parseLong(args[i + 1]); break;
                case "--dir": dir = Path.of(args[i + 1]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i] + " (--events, --warm-up, --dir)");
            }
        }
        final Path journal = (dir != null ? dir : Files.createTempDirectory("peregrine-gc-check")).resolve("journal");
        final long writeStart = System.nanoTime();
        OscillatingJournal.write(journal, events);
        System.out.printf(Locale.ROOT, "wrote %,d events in %.1f s to %s%n", events, (System.nanoTime() - writeStart) / 1e9,
            journal);

        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        try (JournalReader reader = JournalReader.open(journal))
        {
            final EngineSettings settings = EngineSettings.decode(reader.header().settingsText());
            final TradingCore core = CoreAssembly.build(VenueRegistry.standard().catalog(), settings, new OutputDigest(), new CoreMetrics(settings.products().size()),
                new TradingSwitch());
            final InboundEvent slot = new InboundEvent();
            final dev.peregrine.journal.JournalFeed feed = new dev.peregrine.journal.JournalFeed(reader, core);
            long sequence = 0;
            while (sequence < warmUp && feed.next(slot))
            {
                core.onEvent(slot, sequence++, true);
            }
            final long gcBefore = collections();
            final long bytesBefore = threads.getCurrentThreadAllocatedBytes();
            final long start = System.nanoTime();
            while (feed.next(slot))
            {
                core.onEvent(slot, sequence++, true);
            }
            final double seconds = (System.nanoTime() - start) / 1e9;
            final long gcs = collections() - gcBefore;
            final long bytes = threads.getCurrentThreadAllocatedBytes() - bytesBefore;
            final long measured = sequence - warmUp;
            System.out.printf(Locale.ROOT, "replayed %,d events after a %,d-event warm-up in %.2f s (%,.0f events/s)%n",
                measured, warmUp, seconds, measured / seconds);
            System.out.printf(Locale.ROOT, "collections after warm-up: %d; allocated by the replay thread: %,d B (%.4f B/event)%n",
                gcs, bytes, bytes / (double)Math.max(1, measured));
            System.out.printf(Locale.ROOT, "orders %,d, state-hash %016x%n", core.execution().lastOrderId(), core.stateHash());
            if (gcs != 0)
            {
                System.exit(1);
            }
        }
    }

    private static long collections()
    {
        long total = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }
}
