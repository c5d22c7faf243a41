package dev.peregrine.journal;

import dev.peregrine.core.event.InboundEvent;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * Reads a journal from its start: the header at {@link #open}, then one event per {@link #next} into a
 * slot the caller owns, so a replay of millions of events allocates nothing. The queue is opened
 * read-only, so reading never changes the folder.
 *
 * <p>Any record that is not a good EVENT of a known format version stops the read with a
 * {@link JournalException} naming the record and its index: a replay must never run on a guess. After
 * such an exception the reader is past the bad record; close it.
 *
 * <p>Single-threaded: one reader per thread.
 */
public final class JournalReader implements AutoCloseable
{
    private final Path dir;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final JournalHeader header;
    private long eventsRead;

    private JournalReader(final Path dir, final SingleChronicleQueue queue, final ExcerptTailer tailer,
        final JournalHeader header)
    {
        this.dir = dir;
        this.queue = queue;
        this.tailer = tailer;
        this.header = header;
    }

    /**
     * Opens the journal in {@code dir} and reads its header.
     *
     * @throws JournalException naming the folder if it is missing, empty, not a Peregrine journal, or of a
     *                          newer format version
     */
    public static JournalReader open(final Path dir)
    {
        JournalFolder.checkReadable(dir);
        // The roll cycle given here only matters for an empty queue: Chronicle takes an existing
        // queue's cycle from its metadata file.
        final SingleChronicleQueue queue = JournalFolder.openQueue(dir, JournalWriter.DEFAULT_ROLL_CYCLE, true);
        ExcerptTailer tailer = null;
        try
        {
            tailer = queue.createTailer();
            final JournalHeader header;
            try (DocumentContext dc = tailer.toStart().readingDocument())
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
            }
            return new JournalReader(dir, queue, tailer, header);
        }
        catch (final RuntimeException e)
        {
            if (tailer != null)
            {
                tailer.close();
            }
            queue.close();
            if (e instanceof JournalException)
            {
                throw e;
            }
            throw new JournalException("cannot read the journal in " + dir + ": " + JournalException.describe(e), e);
        }
    }

    public JournalHeader header()
    {
        return header;
    }

    /**
     * Reads the next event into {@code into} (its input fields; {@code receiveNanoTime} and
     * {@code orderCount} are reset to 0).
     *
     * @return false at the end of the journal, {@code into} untouched
     * @throws JournalException naming the record's index if it is not a good EVENT
     */
    public boolean next(final InboundEvent into)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            try
            {
                JournalRecordCodec.readEvent(dc.wire().bytes(), into);
            }
            catch (final JournalException e)
            {
                throw new JournalException("journal " + dir + ": record " + describeIndex(dc.index()) +
                    " (event #" + (eventsRead + 1) + ") " + e.getMessage(), e);
            }
        }
        eventsRead++;
        return true;
    }

    /** Events read so far. */
    public long eventsRead()
    {
        return eventsRead;
    }

    public Path directory()
    {
        return dir;
    }

    private String describeIndex(final long index)
    {
        final RollCycle cycle = queue.rollCycle();
        return "at index 0x" + Long.toHexString(index) + " (cycle " + cycle.toCycle(index) + ", seq " +
            cycle.toSequenceNumber(index) + ")";
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }
}
