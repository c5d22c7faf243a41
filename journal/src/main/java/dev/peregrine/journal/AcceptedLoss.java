package dev.peregrine.journal;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.util.Map;
import java.util.TreeMap;

/**
 * The cut-short files of one queue that the user chose to read anyway ({@link JournalIntegrity}): per
 * roll cycle, the index of its last good entry. A reader steps over what lies past it (the partial entry
 * at the cut reads as zeros), and goes on with the next file, instead of taking it for a torn tail or for
 * corruption in the middle of the journal.
 */
final class AcceptedLoss
{
    static final AcceptedLoss NONE = new AcceptedLoss(null, new TreeMap<>());

    private final RollCycle rollCycle;
    private final Map<Integer, Long> lastGoodIndexByCycle;

    AcceptedLoss(final RollCycle rollCycle, final Map<Integer, Long> lastGoodIndexByCycle)
    {
        this.rollCycle = rollCycle;
        this.lastGoodIndexByCycle = lastGoodIndexByCycle;
    }

    /** True when {@code index} lies past the last good entry of a cut-short file whose loss was accepted. */
    boolean isLost(final long index)
    {
        if (lastGoodIndexByCycle.isEmpty())
        {
            return false;
        }
        final Long lastGood = lastGoodIndexByCycle.get(rollCycle.toCycle(index));
        return lastGood != null && index > lastGood;
    }

    /**
     * At the end of the data of a cut-short file that is not the last: moves the tailer to the first entry
     * of the next file and returns true. (A cut file has lost its end-of-file marker, and Chronicle's tailer
     * only moves on to the next cycle past one.) Returns false at the real end of the journal.
     */
    boolean moveOnFromCut(final ExcerptTailer tailer, final SingleChronicleQueue queue)
    {
        if (lastGoodIndexByCycle.isEmpty() || !lastGoodIndexByCycle.containsKey(tailer.cycle()))
        {
            return false;
        }
        try
        {
            final int next = queue.nextCycle(tailer.cycle(), TailerDirection.FORWARD);
            return next > tailer.cycle() && tailer.moveToIndex(rollCycle.toIndex(next, 0));
        }
        catch (final java.text.ParseException e)
        {
            throw new JournalException("cannot list the files of journal folder " + queue.file() + ": " + e.getMessage(), e);
        }
    }

    boolean isEmpty()
    {
        return lastGoodIndexByCycle.isEmpty();
    }
}
