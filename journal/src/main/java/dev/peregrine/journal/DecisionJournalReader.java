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
    /** Cut-short files the user chose to read anyway: the reader stops at the last good decision of each. */
    private final AcceptedLoss acceptedLoss;

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

    private boolean nextInThisFile(final DecisionRecord into)
    {
        while (true)
        {
            if (acceptedLoss.pastLastGood(tailer))
            {
                return false; // the cut of a file whose loss was accepted: never read past it
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
