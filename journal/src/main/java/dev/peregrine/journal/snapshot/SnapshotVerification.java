package dev.peregrine.journal.snapshot;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.journal.JournalCatalog;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.Replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The audit of a journal's snapshots ({@code replay --verify-snapshots}): replays the whole journal and, at
 * each snapshot's event, checks the journal index, the state hash and the output digest it recorded against
 * the replay's. A snapshot that passes is one a restart may trust to equal a full replay.
 */
public final class SnapshotVerification
{
    private SnapshotVerification()
    {
    }

    /**
     * @param catalog the products the engine knows (the journal's header names which it trades)
     * @param lines   told one line per snapshot
     * @return the snapshots that do not match the replay or cannot be read (0: all good, or none)
     */
    public static int verify(final ProductCatalog catalog, final Path dir, final Consumer<String> lines)
    {
        final List<SnapshotFile> snapshots = new ArrayList<>();
        final List<Path> files = new ArrayList<>();
        int bad = 0;
        for (final Path file : new SnapshotStore(dir).newestFirst())
        {
            try
            {
                snapshots.add(SnapshotFile.read(file));
                files.add(file);
            }
            catch (final SnapshotFileException e)
            {
                lines.accept("snapshot " + file + " " + e.getMessage());
                bad++;
            }
        }
        final List<Integer> order = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++)
        {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(i -> snapshots.get(i).events()));
        try (JournalReader reader = JournalReader.open(dir))
        {
            final EngineSettings settings = Replay.settingsOf(dir, reader.header());
            final RecoverableEngine engine = new RecoverableEngine(JournalCatalog.effective(catalog, dir, reader.header()), settings);
            final InboundEvent event = new InboundEvent();
            long events = 0;
            int next = 0;
            while (next < order.size())
            {
                final SnapshotFile s = snapshots.get(order.get(next));
                if (events == s.events())
                {
                    bad += check(files.get(order.get(next)), s, engine, reader, lines) ? 0 : 1;
                    next++;
                    continue;
                }
                if (!reader.next(event))
                {
                    break;
                }
                engine.statistics().onEvent(event, events++, true);
            }
            for (; next < order.size(); next++)
            {
                lines.accept(String.format("snapshot %s covers %,d events, the journal holds %,d", files.get(order.get(next)),
                    snapshots.get(order.get(next)).events(), events));
                bad++;
            }
        }
        return bad;
    }

    private static boolean check(final Path file, final SnapshotFile s, final RecoverableEngine engine,
        final JournalReader reader, final Consumer<String> lines)
    {
        final long hash = engine.core().stateHash();
        final long digest = engine.digest().value();
        final boolean ok = hash == s.stateHash() && digest == s.outputDigest() && reader.lastEventIndex() == s.journalIndex();
        lines.accept(String.format("snapshot %s at event %,d (index 0x%x): %s", file, s.events(), s.journalIndex(), ok ?
            "state hash " + Hash64.hex(hash) + " and output digest equal the replay's" :
            "DIFFERS from the replay: state hash " + Hash64.hex(s.stateHash()) + " vs " + Hash64.hex(hash) +
                ", output digest " + Hash64.hex(s.outputDigest()) + " vs " + Hash64.hex(digest) + ", index 0x" +
                Long.toHexString(reader.lastEventIndex())));
        return ok;
    }
}
