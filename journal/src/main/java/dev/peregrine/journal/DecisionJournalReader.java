package dev.peregrine.journal;

import dev.peregrine.core.decision.DecisionRecord;
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

    /** @param queue null for a decision journal no decision was written to yet (Chronicle creates files lazily). */
    private DecisionJournalReader(final Path dir, final SingleChronicleQueue queue)
    {
        this.dir = dir;
        this.queue = queue;
        this.tailer = queue == null ? null : queue.createTailer().toStart();
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
            throw new JournalException("journal folder " + journalDir + " has no decision journal (" + dir +
                "); journals written before decisions were recorded can be listed with --replay");
        }
        if (!JournalFolder.hasQueueFiles(dir))
        {
            return new DecisionJournalReader(dir, null);
        }
        return new DecisionJournalReader(dir, JournalFolder.openQueue(dir, JournalWriter.DEFAULT_ROLL_CYCLE, true));
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
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            try
            {
                DecisionRecordCodec.read(dc.wire().bytes(), note, into);
            }
            catch (final JournalException e)
            {
                throw new JournalException("decision record " + (read + 1) + " in " + dir + " " + e.getMessage(), e);
            }
            catch (final RuntimeException e)
            {
                throw new JournalException("decision record " + (read + 1) + " in " + dir + " is cut short or damaged: " +
                    JournalException.describe(e), e);
            }
        }
        read++;
        return true;
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
