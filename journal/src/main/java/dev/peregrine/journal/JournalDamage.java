package dev.peregrine.journal;

import net.openhft.chronicle.queue.RollCycle;

import java.nio.file.Path;

/** One cut-short file: what is left and what is gone, in the words of the refusal and the warning. */
public final class JournalDamage
{
    final Path file;
    final int cycle;
    final RollCycle rollCycle;
    /** Queue index of the last entry still readable, or -1 when none is. */
    final long lastGoodIndex;
    /** Sequence number of the last entry still readable, or -1. */
    final long lastGoodSequence;
    private final long lastWrittenSequence;
    private final QueueFileScan scan;

    JournalDamage(final Path file, final int cycle, final RollCycle rollCycle, final long lastGoodSequence,
        final long lastWrittenSequence, final QueueFileScan scan)
    {
        this.file = file;
        this.cycle = cycle;
        this.rollCycle = rollCycle;
        this.lastGoodSequence = lastGoodSequence;
        this.lastWrittenSequence = lastWrittenSequence;
        this.scan = scan;
        this.lastGoodIndex = cycle < 0 || lastGoodSequence < 0 ? -1 : rollCycle.toIndex(cycle, lastGoodSequence);
    }

    public Path file()
    {
        return file;
    }

    /** Queue index of the last good entry of the file, or -1 when none is left. */
    public long lastGoodIndex()
    {
        return lastGoodIndex;
    }

    /** Entries the file held that are gone, or -1 when its header is gone too (unknown). */
    public long entriesLost()
    {
        return lastWrittenSequence < 0 ? -1 : lastWrittenSequence - lastGoodSequence;
    }

    String refusal()
    {
        return "journal damaged: " + file + " is cut short: " + lost() + "; pass " + JournalIntegrity.ACCEPT_FLAG +
            " to read what is left";
    }

    String warning()
    {
        return "WARNING: journal damaged: " + file + " is cut short: " + lost() + "; reading what is left (" +
            JournalIntegrity.ACCEPT_FLAG + ")";
    }

    private String lost()
    {
        if (!scan.headerReadable())
        {
            return "its Chronicle header is cut off (" + scan.fileSize() + " bytes left), so none of its entries can be read";
        }
        if (lastGoodSequence < 0)
        {
            return "none of its entries can be read (the file is " + String.format("%,d", scan.fileSize()) + " bytes)";
        }
        final String count = entriesLost() > 0 ? String.format("%,d entries", entriesLost()) : "entries";
        return count + " after index 0x" + Long.toHexString(lastGoodIndex) + " are missing (last good index 0x" +
            Long.toHexString(lastGoodIndex) + "; the file is " + String.format("%,d", scan.fileSize()) +
            " bytes, its Chronicle header records a write at byte " + String.format("%,d", scan.writePosition()) + ")";
    }

    @Override
    public String toString()
    {
        return refusal();
    }
}
