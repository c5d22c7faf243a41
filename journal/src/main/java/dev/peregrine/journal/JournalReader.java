package dev.peregrine.journal;

import dev.peregrine.core.event.InboundEvent;
import net.openhft.chronicle.bytes.Bytes;
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
 * <p>Format 3 journals repeat the header as the first document of every roll-cycle file (so retention
 * may delete old files and the journal still opens): {@link #next} checks each repeat is the same
 * journal's header and steps over it.
 *
 * <p>A torn tail, the last record cut short by a crash or a power loss, is ignored, never misread: a
 * record that fails its checks (wrong length, bad checksum), ends in a zero byte (what a write that
 * never reached the disk leaves in Chronicle's zero-filled file, where a checksum almost never ends)
 * and is followed by no other document is the end of the journal; {@link #next} returns false and
 * {@link #tornTail()} says which record it was. Any other failure is corruption: a {@link JournalException} naming the record and
 * its index, because a replay must never run on a guess. (A document whose write never finished still
 * has Chronicle's not-complete bit in its length word; Chronicle never hands such a document to a
 * reader, so it is the end of the journal as well. See the journal README.) After an exception the
 * reader is past the bad record; close it.
 *
 * <p>While open, the reader is registered in {@link JournalReaders} with the roll cycle it reads, so
 * retention in this process never deletes a file it still needs.
 *
 * <p>Single-threaded: one reader per thread.
 */
public final class JournalReader implements AutoCloseable
{
    private final Path dir;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final JournalHeader header;
    private final JournalReaders.Registration registration;
    /** The settings in effect at the reader's position: the header's, then each SETTINGS record's. */
    private final JournalSettings settings;
    private long eventsRead;
    /** Chronicle index of the last event {@link #next} returned, or -1: what a state snapshot records. */
    private long lastEventIndex = -1;
    private int cycle;
    /** The bad last record taken for a torn tail, if any; {@link #tornTail} describes it. */
    private final TornTail torn = new TornTail();
    /** Cut-short files the user chose to read anyway (JournalIntegrity): what lies past their last good entry is skipped. */
    private final AcceptedLoss acceptedLoss;

    private JournalReader(final Path dir, final OpenedJournal opened)
    {
        this.acceptedLoss = opened.acceptedLoss();
        this.dir = dir;
        this.queue = opened.queue();
        this.tailer = opened.tailer();
        this.header = opened.header();
        this.registration = opened.registration();
        this.cycle = registration.cycle();
        this.settings = new JournalSettings(dir, header);
    }

    /**
     * Opens the journal in {@code dir} and reads its header.
     *
     * @throws JournalException naming the folder if it is missing, empty, not a Peregrine journal, or of a
     *                          newer format version
     */
    public static JournalReader open(final Path dir)
    {
        return new JournalReader(dir, OpenedJournal.open(dir));
    }

    public JournalHeader header()
    {
        return header;
    }

    /**
     * Reads the next event into {@code into} (its input fields; {@code receiveNanoTime} and
     * {@code orderCount} are reset to 0).
     *
     * @return false at the end of the journal (or at a torn last record), {@code into} then unspecified
     * @throws JournalException naming the record's index if it is not a good EVENT and is not the last
     *                          document of the journal
     */
    public boolean next(final InboundEvent into)
    {
        try
        {
            return readNext(into);
        }
        catch (final InternalError e)
        {
            // A page of the mapped file the volume cannot back (a full disk): one line, not a JVM trace.
            throw new JournalException("journal folder " + dir + ": cannot read the record after event #" + eventsRead +
                ": " + MappedFileFault.describe(dir, e), e);
        }
    }

    private boolean readNext(final InboundEvent into)
    {
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
    private boolean nextInThisFile(final InboundEvent into)
    {
        while (true)
        {
            if (acceptedLoss.pastLastGood(tailer))
            {
                return false; // the cut of a file whose loss the user accepted: never read past it
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
                    // More came after what looked like a torn tail: it was damage in the middle after all.
                    throw corruptAt(torn.index(), torn.problem());
                }
                noteCycle();
                final Bytes<?> bytes = dc.wire().bytes();
                if (isRecord(bytes, JournalRecordCodec.HEADER))
                {
                    checkRepeatedHeader(bytes, dc.index());
                    continue;
                }
                if (isRecord(bytes, JournalRecordCodec.SETTINGS))
                {
                    onSettings(bytes, dc.index());
                    continue;
                }
                if (isRecord(bytes, JournalRecordCodec.TAIL_REPAIR))
                {
                    throw corruptAt(dc.index(), "is a tail repair with no torn record before it");
                }
                try
                {
                    EventRecordCodec.readEvent(bytes, into);
                    lastEventIndex = dc.index();
                }
                catch (final JournalException e)
                {
                    badIndex = dc.index();
                    bad = e;
                    endsInZero = TornTail.endsInZero(bytes);
                }
            }
            if (bad != null)
            {
                if (endsInZero && repairFollows(badIndex))
                {
                    // A restarted engine marked this torn record before appending after it: skip both.
                    torn.repairedOne();
                    continue;
                }
                if (!endsInZero || TornTail.anotherDocumentFollows(tailer))
                {
                    throw corruptAt(badIndex, bad.getMessage());
                }
                torn.take(badIndex, bad.getMessage(), "record " + describeIndex(badIndex) + " (event #" + (eventsRead + 1) +
                    "), the last in " + dir + ", " + bad.getMessage() + "; taken for a write cut short by a crash and ignored");
                return false;
            }
            eventsRead++;
            return true;
        }
    }

    /** Chronicle index of the last event {@link #next} returned, or -1 before the first. */
    public long lastEventIndex()
    {
        return lastEventIndex;
    }

    /**
     * Moves to just after the event at {@code index}, which a state snapshot says is event number
     * {@code eventsBefore} of this journal, so {@link #next} continues with the tail. Call before the first
     * {@link #next}.
     *
     * @return false, with the reader unmoved, if the journal holds no event at {@code index} (a snapshot
     * of another journal, of events since lost, or of files retention deleted)
     */
    public boolean startAfter(final long index, final long eventsBefore)
    {
        if (eventsRead != 0 || index < 0 || !tailer.moveToIndex(index))
        {
            rewindPastHeader();
            return false;
        }
        final InboundEvent scratch = new InboundEvent();
        try (DocumentContext dc = tailer.readingDocument())
        {
            boolean event = dc.isPresent() && dc.index() == index && !isRecord(dc.wire().bytes(), JournalRecordCodec.HEADER);
            if (event)
            {
                try
                {
                    EventRecordCodec.readEvent(dc.wire().bytes(), scratch);
                }
                catch (final JournalException e)
                {
                    event = false;
                }
            }
            if (!event)
            {
                dc.rollbackOnClose();
            }
            else
            {
                noteCycle();
                eventsRead = eventsBefore;
                lastEventIndex = index;
                return true;
            }
        }
        rewindPastHeader();
        return false;
    }

    /** Back to where {@link #open} left the tailer: just after the header. */
    private void rewindPastHeader()
    {
        try (DocumentContext dc = tailer.toStart().readingDocument())
        {
            noteCycle();
        }
    }

    /**
     * Why the journal ended one record early, or null: the last record was incomplete (a torn write) and
     * was ignored. Every event {@link #next} returned was complete and checked.
     */
    public String tornTail()
    {
        return torn.description();
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

    /** The roll cycle of the oldest file in the folder (later than the journal's creation once retention deleted some). */
    public int firstCycle()
    {
        return queue.firstCycle();
    }

    /** True when retention deleted files from the start: a replay then covers only the events still held. */
    public boolean trimmed()
    {
        final RollCycle rollCycle = queue.rollCycle();
        final long createdMillis = Math.floorDiv(header.createdEpochNanos(), 1_000_000L);
        final long createdCycle = Math.floorDiv(createdMillis - queue.epoch(), rollCycle.lengthInMillis());
        return queue.firstCycle() > createdCycle;
    }

    private void noteCycle()
    {
        final int current = tailer.cycle();
        if (current != cycle)
        {
            cycle = current;
            registration.cycle(current);
        }
    }

    /** The settings in effect at this reader's position (see {@link JournalSettings}). */
    public JournalSettings settings()
    {
        return settings;
    }

    /** A SETTINGS record: not an event; the settings it holds are in effect from here (a feed applies them). */
    private void onSettings(final Bytes<?> bytes, final long index)
    {
        try
        {
            settings.onRecord(SettingsRecordCodec.readSettings(bytes), index, "the SETTINGS record " + describeIndex(index));
        }
        catch (final JournalException e)
        {
            throw e.getMessage().startsWith("journal ") ? e : corruptAt(index, e.getMessage());
        }
    }

    private static boolean isRecord(final Bytes<?> bytes, final byte type)
    {
        return bytes.readRemaining() > 0 && bytes.readByte(bytes.readPosition()) == type;
    }

    /** A format-3 journal repeats its header at the start of each file; anywhere else it is corruption. */
    private void checkRepeatedHeader(final Bytes<?> bytes, final long index)
    {
        final String problem = JournalRecordCodec.checkRepeatedHeader(bytes, header,
            queue.rollCycle().toSequenceNumber(index) == 0);
        if (problem != null)
        {
            throw corruptAt(index, problem);
        }
    }

    /**
     * Consumes the next document if it is the TAIL_REPAIR naming {@code tornIndex} (after the header of a
     * new file, when the engine restarted in a later roll cycle); otherwise leaves it, and the caller reports
     * the torn record as corruption.
     */
    private boolean repairFollows(final long tornIndex)
    {
        while (true)
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    return false;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                if (isRecord(bytes, JournalRecordCodec.HEADER))
                {
                    noteCycle();
                    checkRepeatedHeader(bytes, dc.index());
                    continue;
                }
                if (JournalRecordCodec.readTailRepair(bytes) == tornIndex)
                {
                    return true;
                }
                dc.rollbackOnClose();
                return false;
            }
        }
    }

    /** Torn records a restarted engine marked and this reader skipped (each one event short of the run that tore it). */
    public long repairedTails()
    {
        return torn.repaired();
    }

    /** Index of the torn last record this reader ignored, or -1: what a restarting engine marks before it appends. */
    public long tornTailIndex()
    {
        return torn.index();
    }

    private JournalException corruptAt(final long index, final String problem)
    {
        return new JournalException("journal " + dir + ": record " + describeIndex(index) + " (event #" +
            (eventsRead + 1) + ") " + problem);
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
        registration.close();
    }
}
