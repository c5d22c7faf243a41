package dev.peregrine.bench.journal;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.snapshot.StateWriter;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.snapshot.RecoverableEngine;
import dev.peregrine.journal.snapshot.SnapshotRecovery;
import dev.peregrine.journal.snapshot.SnapshotStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 13, 3: start-up recovery time against journal length, full replay against the newest snapshot plus
 * the tail. For each length, writes an {@link OscillatingJournal} of that many events, then times, in
 * alternating rounds in this JVM after a warm-up round:
 * <ul>
 *   <li><b>full</b>: {@code SnapshotRecovery.recover} with no snapshot, i.e. the whole journal through a fresh
 *   engine (core, digest, ledger, statistics), what start-up did before snapshots;</li>
 *   <li><b>snapshot</b>: the same call with one snapshot {@code --tail} events before the end (the engine's
 *   default interval is 1,000,000 events, so a restart's tail is at most that and half of it on average):
 *   read and check the file, restore it into a scratch engine and then the real one, move the reader to its
 *   event, replay the tail.</li>
 * </ul>
 * Both end in the same state: each round checks the output digest and state hash are equal. Also reports the
 * fixed cost (recovery from a snapshot at the last event, no tail), the snapshot's size and the time to take it
 * (the state walk on the core thread, best of 20).
 * <pre>
 * java @jvm.options -cp bench/target/benchmarks.jar dev.peregrine.bench.journal.RecoveryTimeComparison \
 *     [--lengths 1000000,5000000,10000000] [--tail 1000000] [--rounds 3] [--dir DIR]
 * </pre>
 */
public final class RecoveryTimeComparison
{
    private RecoveryTimeComparison()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        long[] lengths = {1_000_000L, 5_000_000L, 10_000_000L};
        long tail = 1_000_000L;
        int rounds = 3;
        Path dir = null;
        for (int i = 0; i < args.length; i += 2)
        {
            switch (args[i])
            {
                case "--lengths": lengths = Arrays.stream(args[i + 1].split(",")).mapToLong(Long::parseLong).toArray(); break;
                case "--tail": tail = Long.parseLong(args[i + 1]); break;
                case "--rounds": rounds = Integer.parseInt(args[i + 1]); break;
                case "--dir": dir = Path.of(args[i + 1]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i] + " (--lengths, --tail, --rounds, --dir)");
            }
        }
        final Path root = dir != null ? dir : Files.createTempDirectory("peregrine-recovery");
        final List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "| %12s | %10s | %12s | %12s | %8s | %14s | %12s | %10s |", "events", "tail",
            "full (s)", "snapshot (s)", "ratio", "no tail (s)", "snapshot MB", "take (ms)"));
        for (final long length : lengths)
        {
            final Path journal = root.resolve("journal-" + length);
            final long writeStart = System.nanoTime();
            OscillatingJournal.write(journal, length);
            System.out.printf(Locale.ROOT, "wrote %,d events in %.1f s to %s%n", length, (System.nanoTime() - writeStart) / 1e9,
                journal);
            // A journal no longer than the tail has its snapshot half-way (a snapshot at event 0 is no snapshot).
            final long cut = length > tail ? length - tail : length / 2;
            final double[] taken = snapshotAt(journal, cut);

            final double[] full = new double[rounds];
            final double[] fromSnapshot = new double[rounds];
            for (int round = -1; round < rounds; round++)
            {
                final Path aside = root.resolve("aside");
                Files.createDirectories(aside);
                final Path snapshotDir = journal.resolve(SnapshotStore.FOLDER);
                Files.move(snapshotDir, aside.resolve(SnapshotStore.FOLDER));
                final Timed f = recover(journal);
                Files.move(aside.resolve(SnapshotStore.FOLDER), snapshotDir);
                final Timed s = recover(journal);
                if (!f.state.equals(s.state) || f.result.snapshot() != null || s.result.snapshot() == null)
                {
                    throw new IllegalStateException("full replay and snapshot recovery differ: " + f.state + " / " + s.state +
                        " (" + s.result.skipped() + ")");
                }
                if (round >= 0)
                {
                    full[round] = f.seconds;
                    fromSnapshot[round] = s.seconds;
                }
                System.out.printf(Locale.ROOT, "%s %,d events: full %.3f s, %s in %.3f s%n", round < 0 ? "warm-up" :
                    "round " + (round + 1), length, f.seconds, s.result.describe(), s.seconds);
            }
            // The fixed cost: a snapshot at the journal's last event, nothing to replay after it.
            snapshotAt(journal, length);
            final double[] restoreOnly = new double[rounds];
            for (int round = 0; round < rounds; round++)
            {
                final Timed r = recover(journal);
                if (r.result.tailEvents() != 0)
                {
                    throw new IllegalStateException("expected no tail: " + r.result.describe());
                }
                restoreOnly[round] = r.seconds;
            }
            final double fullMedian = median(full);
            final double snapshotMedian = median(fromSnapshot);
            table.add(String.format(Locale.ROOT, "| %,12d | %,10d | %12.3f | %12.3f | %8.3f | %14.3f | %12.1f | %10.1f |",
                length, length - cut, fullMedian, snapshotMedian, snapshotMedian / fullMedian, median(restoreOnly),
                taken[0] / 1e6, taken[1]));
        }
        System.out.println();
        System.out.println("medians of " + rounds + " rounds; ratio = snapshot / full");
        table.forEach(System.out::println);
    }

    private record Timed(double seconds, SnapshotRecovery.Result result, String state)
    {
    }

    private static Timed recover(final Path journal)
    {
        final long start = System.nanoTime();
        try (JournalReader reader = JournalReader.open(journal))
        {
            final EngineSettings settings = EngineSettings.decode(reader.header().settingsText());
            final RecoverableEngine engine = new RecoverableEngine(VenueRegistry.standard().catalog(), settings);
            final SnapshotRecovery.Result result = SnapshotRecovery.recover(reader, reader.header().settingsDigest(), engine,
                () -> new RecoverableEngine(VenueRegistry.standard().catalog(), settings), (event, sequence) -> engine.statistics().onEvent(event, sequence, true),
                line -> System.out.println("  " + line));
            final double seconds = (System.nanoTime() - start) / 1e9;
            return new Timed(seconds, result, engine.digest().hex() + "/" + Hash64.hex(engine.core().stateHash()) + "/" +
                engine.metrics().orders.get());
        }
    }

    /** Replays the first {@code cut} events and writes the snapshot there; returns its size in bytes and the walk's ms. */
    private static double[] snapshotAt(final Path journal, final long cut) throws Exception
    {
        try (JournalReader reader = JournalReader.open(journal))
        {
            final EngineSettings settings = EngineSettings.decode(reader.header().settingsText());
            final RecoverableEngine engine = new RecoverableEngine(VenueRegistry.standard().catalog(), settings);
            final InboundEvent event = new InboundEvent();
            long sequence = 0;
            while (sequence < cut && reader.next(event))
            {
                engine.statistics().onEvent(event, sequence++, true);
            }
            final StateWriter writer = new StateWriter();
            int length = 0;
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 20; i++)
            {
                final long start = System.nanoTime();
                length = writer.write(engine.roots());
                best = Math.min(best, System.nanoTime() - start);
            }
            new SnapshotStore(journal).write(sequence, reader.lastEventIndex(), engine.core().clockNanos(),
                reader.header().settingsDigest(), engine.core().stateHash(), engine.digest().value(),
                engine.digest().outputCount(), writer.buffer(), length);
            return new double[]{length, best / 1e6};
        }
    }

    private static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
