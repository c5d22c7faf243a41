package dev.peregrine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * What a reader of a Chronicle journal (inputs or decisions) knows about a torn last record: the tests
 * that tell a torn write from damage, and which record it took for one. The rule both readers follow: a
 * record that fails its checks, ends in a zero byte (what a write that never reached the disk leaves in
 * Chronicle's zero-filled file, where a checksum almost never ends) and is followed by no other document
 * is the end of the journal, ignored and reported; followed by the repair record naming it (a restart
 * marked it), it is skipped with its repair and counted; anything else is corruption.
 */
final class TornTail
{
    private long index = -1;
    private String problem;
    private String description;
    private long repaired;

    /** Whether the bad record in {@code bytes} ends in a zero byte, as a torn write does. */
    static boolean endsInZero(final Bytes<?> bytes)
    {
        return bytes.readLimit() > bytes.start() && bytes.readByte(bytes.readLimit() - 1) == 0;
    }

    /** Looks at the next document without consuming it. */
    static boolean anotherDocumentFollows(final ExcerptTailer tailer)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            final boolean present = dc.isPresent();
            if (present)
            {
                dc.rollbackOnClose();
            }
            return present;
        }
    }

    /** Takes the record at {@code index} for the torn tail: {@code problem} is what failed, {@code description} the report. */
    void take(final long index, final String problem, final String description)
    {
        this.index = index;
        this.problem = problem;
        this.description = description;
    }

    /** Counts a torn record skipped with the repair record that names it. */
    void repairedOne()
    {
        repaired++;
    }

    /** Whether a record was taken for the torn tail (more documents after it make it damage after all). */
    boolean taken()
    {
        return index >= 0;
    }

    /** Index of the record taken for the torn tail, or -1. */
    long index()
    {
        return index;
    }

    /** What failed in the record taken for the torn tail, or null. */
    String problem()
    {
        return problem;
    }

    /** Why the journal ended one record early, or null. */
    String description()
    {
        return description;
    }

    /** Torn records a restart marked and the reader skipped. */
    long repaired()
    {
        return repaired;
    }
}
