package dev.peregrine.journal.importer;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.journal.JournalReader;

/**
 * A Peregrine journal as backtest input (DESIGN.md, determinism rule 5: a backtest feeds only market
 * data and lets the paper venue answer): every recorded event except the venue's answers
 * ({@code VENUE_*}, which belong to the recorded run's orders, not this one's) and operator commands
 * (a pause or flatten was a decision about that run). Clocks, trades, quotes, book levels, candles,
 * instrument info and feed health pass through with their recorded times, so no clocks are synthesized.
 * Instrument ids are the journal's: the backtest takes its products from the journal's header.
 */
public final class JournalSource implements EventSource
{
    private final JournalReader reader;
    private final TimeWindow window;
    private long skipped;

    public JournalSource(final JournalReader reader, final TimeWindow window)
    {
        this.reader = reader;
        this.window = window;
    }

    @Override
    public boolean next(final InboundEvent into)
    {
        while (reader.next(into))
        {
            if (EventType.isVenueReport(into.type) || into.type == EventType.COMMAND || !window.contains(into.eventTimeNanos))
            {
                skipped++;
                continue;
            }
            into.orderCount = 0;
            return true;
        }
        return false;
    }

    /** Events of the journal not fed (venue answers, commands, outside the window). */
    public long skipped()
    {
        return skipped;
    }

    @Override
    public void close()
    {
        reader.close();
    }
}
