package dev.peregrine.journal.snapshot;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.snapshot.SnapshotMismatchException;
import dev.peregrine.core.snapshot.StateReader;
import dev.peregrine.journal.JournalFeed;
import dev.peregrine.journal.JournalReader;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Start-up recovery from the newest usable snapshot plus the journal's tail (crash-only: the same path
 * after a crash and after a graceful stop). A snapshot is used only if its file checks out (magic,
 * version, checksum), it was taken under the journal's settings by this build, its state restores into a
 * scratch engine with the state hash and output digest it recorded, and the journal holds the event it
 * points at. Any other is skipped with one line saying why, and the next older one is tried; with none
 * left the whole journal is replayed. {@code replay} never uses snapshots: it is the audit that proves
 * them (see {@link SnapshotVerification}).
 */
public final class SnapshotRecovery
{
    /** Feeds one recovered event to the engine (its core, then whatever follows the core). */
    @FunctionalInterface
    public interface EventSink
    {
        void accept(InboundEvent event, long sequence);
    }

    /**
     * @param snapshot       the snapshot file used, or null for a full replay
     * @param snapshotEvents journal events the snapshot covered (0 without one)
     * @param snapshotIndex  Chronicle index of the last of them (-1 without one)
     * @param tailEvents     events replayed after it
     * @param skipped        one line per snapshot that could not be used
     */
    public record Result(Path snapshot, long snapshotEvents, long snapshotIndex, long tailEvents, List<String> skipped)
    {
        public long events()
        {
            return snapshotEvents + tailEvents;
        }

        /** "recovered N events from snapshot at index X plus M tail events", or the full-replay wording. */
        public String describe()
        {
            if (snapshot == null)
            {
                return String.format("recovered %,d events by replaying the whole journal (no usable snapshot)", events());
            }
            return String.format("recovered %,d events from snapshot at index 0x%x (%,d events) plus %,d tail events",
                events(), snapshotIndex, snapshotEvents, tailEvents);
        }
    }

    private SnapshotRecovery()
    {
    }

    /**
     * Restores {@code target} from the newest usable snapshot of the journal {@code reader} reads (opened,
     * nothing read yet) and feeds it the events after it; or feeds every event when none is usable.
     *
     * @param settingsDigest the digest of the settings the journal runs under: a snapshot of other settings
     *                       is skipped. Today the journal header's; once settings changes are journaled,
     *                       those in force at the snapshot's event.
     * @param scratch        builds a fresh engine of the same settings, to try a snapshot on before
     *                       {@code target} is touched
     * @param skippedLine    told one line per skipped snapshot
     */
    public static Result recover(final JournalReader reader, final long settingsDigest, final RecoverableState target,
        final Supplier<RecoverableState> scratch, final EventSink sink, final Consumer<String> skippedLine)
    {
        final List<String> skipped = new ArrayList<>();
        Path used = null;
        SnapshotFile snapshot = null;
        for (final Path file : new SnapshotStore(reader.directory()).newestFirst())
        {
            final String problem;
            SnapshotFile candidate = null;
            try
            {
                candidate = SnapshotFile.read(file);
                problem = problem(candidate, settingsDigest, scratch, reader);
            }
            catch (final SnapshotFileException e)
            {
                skip(skipped, skippedLine, file, e.getMessage());
                continue;
            }
            if (problem != null)
            {
                skip(skipped, skippedLine, file, problem);
                continue;
            }
            // The scratch engine took it and the reader stands after its event: the same bytes fit the target.
            StateReader.read(new UnsafeBuffer(candidate.state()), 0, candidate.state().length, target.roots());
            used = file;
            snapshot = candidate;
            break;
        }
        final InboundEvent event = new InboundEvent();
        long sequence = snapshot == null ? 0 : snapshot.events();
        // SETTINGS records in the tail are applied where journaled, as every reader does.
        final JournalFeed feed = new JournalFeed(reader, target.core());
        while (feed.next(event))
        {
            sink.accept(event, sequence++);
        }
        return snapshot == null ? new Result(null, 0, -1, sequence, List.copyOf(skipped)) :
            new Result(used, snapshot.events(), snapshot.journalIndex(), sequence - snapshot.events(), List.copyOf(skipped));
    }

    /** Why {@code snapshot} cannot be used, or null; when null, {@code reader} stands just after its event. */
    private static String problem(final SnapshotFile snapshot, final long settingsDigest,
        final Supplier<RecoverableState> scratch, final JournalReader reader)
    {
        if (snapshot.engineVersionHash() != SnapshotFile.thisEngineVersion())
        {
            return "was written by another engine version";
        }
        if (snapshot.settingsDigest() != settingsDigest)
        {
            return "was taken under settings " + Hash64.hex(snapshot.settingsDigest()) + ", not the journal's first (" +
                Hash64.hex(settingsDigest) + "): after a settings change recovery replays the whole journal";
        }
        final RecoverableState trial = scratch.get();
        try
        {
            StateReader.read(new UnsafeBuffer(snapshot.state()), 0, snapshot.state().length, trial.roots());
        }
        catch (final SnapshotMismatchException e)
        {
            return "does not fit this engine: " + e.getMessage();
        }
        if (trial.core().stateHash() != snapshot.stateHash() || trial.digest().value() != snapshot.outputDigest())
        {
            return "restores to state hash " + Hash64.hex(trial.core().stateHash()) + ", not the " +
                Hash64.hex(snapshot.stateHash()) + " it recorded";
        }
        if (!reader.startAfter(snapshot.journalIndex(), snapshot.events()))
        {
            return String.format("points at index 0x%x (event %,d), which this journal does not hold", snapshot.journalIndex(),
                snapshot.events());
        }
        return null;
    }

    private static void skip(final List<String> skipped, final Consumer<String> skippedLine, final Path file,
        final String why)
    {
        final String line = "snapshot " + file + " " + why + "; skipped";
        skipped.add(line);
        skippedLine.accept(line);
    }
}
