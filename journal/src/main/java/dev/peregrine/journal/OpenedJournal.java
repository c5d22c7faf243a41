package dev.peregrine.journal;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * A journal folder opened for reading, its tailer just past the header: the checks a {@link JournalReader}
 * starts from (the folder is a journal, its cut-short files are accepted or refused, the header is one this
 * code reads), with the reader registered in {@link JournalReaders} before the first look, so retention in
 * this process cannot delete the first file under it. On any failure everything opened is closed again.
 */
record OpenedJournal(SingleChronicleQueue queue, ExcerptTailer tailer, JournalHeader header,
    JournalReaders.Registration registration, AcceptedLoss acceptedLoss)
{
    /**
     * @throws JournalException naming the folder if it is missing, empty, not a Peregrine journal, or of a
     *                          newer format version
     */
    static OpenedJournal open(final Path dir)
    {
        JournalFolder.checkReadable(dir);
        // The roll cycle given here only matters for an empty queue: Chronicle takes an existing
        // queue's cycle from its metadata file.
        final SingleChronicleQueue queue = JournalFolder.openQueue(dir, JournalWriter.DEFAULT_ROLL_CYCLE, true);
        ExcerptTailer tailer = null;
        JournalReaders.Registration registration = null;
        try
        {
            final AcceptedLoss acceptedLoss = JournalIntegrity.check(dir, queue.rollCycle());
            // Registered before the first look, so retention cannot delete the first file under us.
            registration = JournalReaders.register(dir, () ->
            {
                queue.refreshDirectoryListing();
                return queue.firstCycle();
            });
            tailer = queue.createTailer();
            final JournalHeader header;
            tailer.toStart();
            if (!acceptedLoss.skipLost(tailer, queue))
            {
                throw new JournalException("journal folder " + dir + ": no entry is left in its files that were cut short");
            }
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    throw new JournalException("journal folder " + dir + " holds an empty queue: no header record");
                }
                try
                {
                    header = JournalRecordCodec.readHeader(dc.wire().bytes());
                }
                catch (final JournalException e)
                {
                    throw new JournalException("journal folder " + dir + " " + e.getMessage(), e);
                }
                registration.cycle(tailer.cycle());
            }
            return new OpenedJournal(queue, tailer, header, registration, acceptedLoss);
        }
        catch (final RuntimeException | InternalError e)
        {
            if (tailer != null)
            {
                tailer.close();
            }
            if (registration != null)
            {
                registration.close();
            }
            queue.close();
            if (e instanceof JournalException)
            {
                throw e;
            }
            throw new JournalException("cannot read the journal in " + dir + ": " + MappedFileFault.describe(dir, e), e);
        }
    }
}
