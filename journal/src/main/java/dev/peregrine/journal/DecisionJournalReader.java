package dev.peregrine.journal;

import dev.peregrine.core.decision.DecisionRecord;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the decision journal of a journal folder, oldest first. Not thread-safe. */
public final class DecisionJournalReader implements AutoCloseable
{
    private final Path dir;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final DecisionRecord note = new DecisionRecord();
    private long read;
    /** Cut-short files the user chose to read anyway: the reader stops at the last good decision of each. */
    private final AcceptedLoss acceptedLoss;
    private final TornTail torn = new TornTail();

    /** @param queue null for a decision journal no decision was written to yet (Chronicle creates files lazily). */
    private DecisionJournalReader(final Path dir, final SingleChronicleQueue queue, final AcceptedLoss acceptedLoss)
    {
        this.acceptedLoss = acceptedLoss;
        this.dir = dir;
        this.queue = queue;
        this.tailer = queue == null ? null : queue.createTailer().toStart();
        if (tailer != null)
        {
            acceptedLoss.skipLost(tailer, queue); // a first file with nothing left is never read
        }
    }

    /**
     * Whether the journal in {@code journalDir} has a decision journal (journals of older versions do not;
     * a run that decided nothing has an empty one).
     */
    public static boolean exists(final Path journalDir)
    {
        return Files.isDirectory(journalDir.resolve(DecisionJournal.FOLDER));
    }

    /**
     * @throws JournalException naming the folder when there is no decision journal or it cannot be read.
     */
    public static DecisionJournalReader open(final Path journalDir)
    {
        final Path dir = journalDir.resolve(DecisionJournal.FOLDER);
        if (!exists(journalDir))
        {
            throw JournalException.notAJournal("journal folder " + journalDir + " has no decision journal (" + dir +
                "); journals written before decisions were recorded can be listed with --replay");
        }
        if (!JournalFolder.hasQueueFiles(dir))
        {
            return new DecisionJournalReader(dir, null, AcceptedLoss.NONE);
        }
        final SingleChronicleQueue queue = JournalFolder.openQueue(dir, JournalWriter.DEFAULT_ROLL_CYCLE, true);
        try
        {
            return new DecisionJournalReader(dir, queue, JournalIntegrity.check(dir, queue.rollCycle()));
        }
        catch (final RuntimeException e)
        {
            queue.close();
            throw e;
        }
    }

    /**
     * Reads the next decision into {@code into}.
     *
     * @return false at the end.
     * @throws JournalException naming the record's position when it is damaged or of a newer format.
     */
    public boolean next(final DecisionRecord into)
    {
        try
        {
            return readNext(into);
        }
        catch (final InternalError e)
        {
            // A page of the mapped file the volume cannot back (a full disk): one line, not a JVM trace.
            throw new JournalException("cannot read decision record " + (read + 1) + " in " + dir + ": " +
                MappedFileFault.describe(dir, e), e);
        }
    }

    private boolean readNext(final DecisionRecord into)
    {
        if (tailer == null)
        {
            return false;
        }
        while (!nextInThisFile(into))
        {
            if (!acceptedLoss.pastLastGood(tailer) || !acceptedLoss.skipLost(tailer, queue))
            {
                return false;
            }
        }
        return true;
    }

    /** {@link #next}, up to the end of the data of the file being read (the journal's, unless a file was cut short). */
    private boolean nextInThisFile(final DecisionRecord into)
    {
        while (true)
        {
            if (acceptedLoss.pastLastGood(tailer))
            {
                return false; // the cut of a file whose loss was accepted: never read past it
            }
            long badIndex = -1;
            JournalException bad = null;
            boolean endsInZero = false;
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    return false;
                }
                if (torn.taken())
                {
                    throw bad(torn.index(), "is damaged (more decisions follow it, so it is no torn tail)", null);
                }
                final Bytes<?> bytes = dc.wire().bytes();
                if (DecisionTailRepair.looksLikeOne(bytes))
                {
                    throw bad(dc.index(), "is a tail repair with no torn decision before it", null);
                }
                final boolean newer = newerFormat(bytes);
                try
                {
                    DecisionRecordCodec.read(bytes, note, into);
                }
                catch (final JournalException e)
                {
                    bad = new JournalException("decision record " + (read + 1) + " in " + dir + " " + e.getMessage(), e);
                }
                catch (final RuntimeException e)
                {
                    bad = new JournalException("decision record " + (read + 1) + " in " + dir + " is cut short or damaged: " +
                        JournalException.describe(e), e);
                }
                if (bad != null && !newer)
                {
                    badIndex = dc.index();
                    endsInZero = TornTail.endsInZero(bytes);
                }
            }
            if (bad != null)
            {
                if (badIndex < 0)
                {
                    throw bad; // a newer format is never a torn write
                }
                if (endsInZero && repairFollows(badIndex))
                {
                    torn.repairedOne(); // a restart marked this torn decision before appending after it
                    continue;
                }
                if (!endsInZero || TornTail.anotherDocumentFollows(tailer))
                {
                    throw bad;
                }
                // The last decision, cut short (ends in the zeros of a page never written): a crash or a full
                // disk tore it. Ignored, as the input journal's torn tail is; the next start marks it.
                torn.take(badIndex, bad.getMessage(), "decision record " + (read + 1) + " (index 0x" +
                    Long.toHexString(badIndex) + "), the last in " + dir +
                    ", is cut short; taken for a write a crash or a full disk tore, and ignored");
                return false;
            }
            read++;
            return true;
        }
    }

    /** A decision of a format newer than this code: refused as such, never taken for a torn write. */
    private static boolean newerFormat(final Bytes<?> bytes)
    {
        final long start = bytes.readPosition();
        return bytes.readLimit() - start >= 3 && bytes.readByte(start) == DecisionRecordCodec.DECISION &&
            bytes.readShort(start + 1) > DecisionRecordCodec.FORMAT_VERSION;
    }

    private JournalException bad(final long index, final String problem, final Throwable cause)
    {
        return new JournalException("decision record at index 0x" + Long.toHexString(index) + " in " + dir + " " + problem,
            cause);
    }

    /** Consumes the next document if it is the repair naming {@code tornIndex}; otherwise leaves it. */
    private boolean repairFollows(final long tornIndex)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            if (DecisionTailRepair.read(dc.wire().bytes()) == tornIndex)
            {
                return true;
            }
            dc.rollbackOnClose();
            return false;
        }
    }

    /** Why the decision journal ended one record early (its last decision was torn and ignored), or null. */
    public String tornTail()
    {
        return torn.description();
    }

    /** Index of the torn last decision this reader ignored, or -1: what {@link DecisionJournal#open} marks. */
    public long tornTailIndex()
    {
        return torn.index();
    }

    /** Torn decisions a restart marked and this reader skipped. */
    public long repairedTails()
    {
        return torn.repaired();
    }

    /**
     * Reads the whole decision journal of {@code journalDir} and returns the index of its torn last decision,
     * or -1 (none, or no decision journal yet).
     */
    static long tornTailOf(final Path journalDir)
    {
        if (!exists(journalDir))
        {
            return -1;
        }
        try (DecisionJournalReader reader = open(journalDir))
        {
            final DecisionRecord scratch = new DecisionRecord();
            while (reader.next(scratch))
            {
                // to the end
            }
            return reader.tornTailIndex();
        }
    }

    public long decisionsRead()
    {
        return read;
    }

    @Override
    public void close()
    {
        if (tailer != null)
        {
            tailer.close();
            queue.close();
        }
    }
}
