package dev.peregrine.ops.summary;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.TradeFlags;
import dev.peregrine.journal.JournalReader;

import java.nio.file.Path;

/**
 * Per-instrument counts of what the core processed, read back from the run's journal after the run: the
 * journal holds exactly the events the core saw, in its order, so the counts are deterministic and need
 * no hook on the core thread. Events of earlier runs on the same journal are skipped. TRADE counts live
 * trades only; the trades the venue sent as history ({@link TradeFlags#SNAPSHOT}) are counted apart.
 */
public final class ProductCounts
{
    private final long[][] byType;
    private final long[] snapshotTrades;

    private ProductCounts(final int instruments)
    {
        byType = new long[instruments][EventType.FEED_RECOVERED + 1];
        snapshotTrades = new long[instruments];
    }

    /** @param skip events at the start of the journal that belong to earlier runs. */
    public static ProductCounts fromJournal(final Path journalDir, final long skip, final int instruments)
    {
        final ProductCounts counts = new ProductCounts(instruments);
        final InboundEvent event = new InboundEvent();
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            long index = 0;
            while (reader.next(event))
            {
                if (index++ < skip)
                {
                    continue;
                }
                final int id = event.instrumentId;
                if (id >= 0 && id < instruments && TradeFlags.isSnapshot(event))
                {
                    counts.snapshotTrades[id]++;
                }
                else if (id >= 0 && id < instruments && EventType.isKnown(event.type))
                {
                    counts.byType[id][event.type]++;
                }
            }
        }
        return counts;
    }

    /** Trades of the instrument the venue sent as history on subscribe, not counted in {@code count(id, TRADE)}. */
    public long snapshotTrades(final int instrumentId)
    {
        return snapshotTrades[instrumentId];
    }

    /** Events of {@code type} ({@link EventType}) for the instrument; for TRADE, live trades only. */
    public long count(final int instrumentId, final int type)
    {
        return byType[instrumentId][type];
    }
}
