package dev.peregrine.journal;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.text.ParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cut-short files of one queue that the user chose to read anyway ({@link JournalIntegrity}): per
 * roll cycle, the sequence number of its last good entry (-1: none is left). A reader reads each such file
 * up to that entry and then moves on to the next file.
 *
 * <p>A reader must never ask Chronicle for anything past the last good entry: those bytes lie past the
 * end of the file, and a read of a mapped page past the end of a file faults ({@code InternalError}). That
 * is why the check is made before each read (on the tailer's next index), not on what a read returned,
 * and why a file with nothing left is stepped over without being opened at all. (A cut file has also lost
 * its end-of-file marker, and Chronicle's tailer only moves on to the next cycle past one.)
 */
final class AcceptedLoss
{
    static final AcceptedLoss NONE = new AcceptedLoss(null, new TreeMap<>());

    private final RollCycle rollCycle;
    private final Map<Integer, Long> lastGoodSequenceByCycle;

    AcceptedLoss(final RollCycle rollCycle, final Map<Integer, Long> lastGoodSequenceByCycle)
    {
        this.rollCycle = rollCycle;
        this.lastGoodSequenceByCycle = lastGoodSequenceByCycle;
    }

    /** True when the tailer's next entry lies past the last good entry of a cut-short file: do not read it. */
    boolean pastLastGood(final ExcerptTailer tailer)
    {
        if (lastGoodSequenceByCycle.isEmpty())
        {
            return false;
        }
        final long next = tailer.index();
        final Long lastGood = lastGoodSequenceByCycle.get(rollCycle.toCycle(next));
        return lastGood != null && rollCycle.toSequenceNumber(next) > lastGood;
    }

    /**
     * While the tailer is past the last good entry of a cut-short file, moves it to the first entry of the
     * next file that has one left. Returns false when no file after it has (the end of the journal).
     */
    boolean skipLost(final ExcerptTailer tailer, final SingleChronicleQueue queue)
    {
        while (pastLastGood(tailer))
        {
            int cycle = rollCycle.toCycle(tailer.index());
            do
            {
                cycle = nextCycle(queue, cycle);
            }
            while (cycle != Integer.MIN_VALUE && lastGoodSequenceByCycle.getOrDefault(cycle, 0L) < 0);
            if (cycle == Integer.MIN_VALUE || !tailer.moveToIndex(rollCycle.toIndex(cycle, 0)))
            {
                return false;
            }
        }
        return true;
    }

    private static int nextCycle(final SingleChronicleQueue queue, final int cycle)
    {
        try
        {
            final int next = queue.nextCycle(cycle, TailerDirection.FORWARD);
            return next > cycle ? next : Integer.MIN_VALUE;
        }
        catch (final ParseException e)
        {
            throw new JournalException("cannot list the files of journal folder " + queue.file() + ": " + e.getMessage(), e);
        }
    }
}
