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
import dev.peregrine.journal.Replay;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Replay throughput against the raw read of the same journal, in one run (issue 6: replay at least half
 * the raw read rate). One invocation reads, or replays, the whole journal of {@link #EVENTS} events;
 * the score is per event.
 * <ul>
 *   <li>{@link #read}: {@code JournalReader.next} into one reused slot, touching one field: decoding only.</li>
 *   <li>{@link #replay}: the same reads fed to a {@code TradingCore} rebuilt from the header, as
 *       {@code ./peregrine replay} does: decoding plus the whole core (books, crossover, risk, paper venue,
 *       positions, decisions, digest).</li>
 * </ul>
 * The journal is written once per trial into a temporary folder; after the first invocation it is in the
 * page cache, as a journal being replayed right after a run is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReplayThroughputBenchmark
{
    public static final int EVENTS = 2_000_000;

    private Path dir;

    @Setup(Level.Trial)
    public void writeJournal() throws IOException
    {
        dir = Files.createTempDirectory("peregrine-replay-bench");
        OscillatingJournal.write(dir.resolve("journal"), EVENTS);
    }

    @TearDown(Level.Trial)
    public void deleteJournal() throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long read()
    {
        final InboundEvent slot = new InboundEvent();
        long sum = 0;
        try (JournalReader reader = JournalReader.open(dir.resolve("journal")))
        {
            while (reader.next(slot))
            {
                sum += slot.eventTimeNanos;
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long replay()
    {
        try (JournalReader reader = JournalReader.open(dir.resolve("journal")))
        {
            final EngineSettings settings = EngineSettings.decode(reader.header().settingsText());
            final TradingCore core = CoreAssembly.build(VenueRegistry.standard().catalog(), settings, new OutputDigest(), new CoreMetrics(settings.products().size()),
                new TradingSwitch());
            Replay.feed(reader, core);
            return core.stateHash();
        }
    }
}
