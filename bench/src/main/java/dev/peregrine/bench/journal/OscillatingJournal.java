package dev.peregrine.bench.journal;

import dev.peregrine.bench.execution.OscillatingMarket;
import dev.peregrine.bench.execution.PaperVenueBenchmark;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.journal.JournalWriter;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes a journal of {@code events} venue-shaped inputs: the {@link OscillatingMarket}'s book snapshot,
 * then its cycle (trades, L2 level updates, quotes, two products) repeated, one event a millisecond of
 * event time, with a CLOCK event every second as the live timer adds. The engine settings are the paper
 * venue benchmark's (the moving-average crossover, market orders, risk limits that never bind), so a
 * replay trades, fills and explains every cycle: a journal as a busy live run would leave it.
 */
public final class OscillatingJournal
{
    public static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");
    private static final long[] ORDER_QUANTITY = {FixedPoint.parse("0.01"), FixedPoint.parse("0.1")};

    private OscillatingJournal()
    {
    }

    public static EngineSettings settings()
    {
        return EngineSettings.builder(PRODUCTS).windows(3, 8).orderQuantity(ORDER_QUANTITY).risk(RiskLimits.basic(new long[]{ORDER_QUANTITY[0] * 10, ORDER_QUANTITY[1] * 10}, new long[]{ORDER_QUANTITY[0] * 10, ORDER_QUANTITY[1] * 10})).paperVenue(PaperVenueSettings.DEFAULT).build();
    }

    /** Writes {@code events} events into a new journal in {@code dir}; returns how many were written. */
    public static long write(final Path dir, final long events)
    {
        final OscillatingMarket market = PaperVenueBenchmark.market();
        final InboundEvent slot = new InboundEvent();
        long time = OscillatingMarket.START_NANOS;
        long written = 0;
        try (JournalWriter writer = JournalWriter.open(dir, settings()))
        {
            for (final InboundEvent e : market.snapshot())
            {
                if (written == events)
                {
                    return written;
                }
                slot.copyInputsFrom(e);
                slot.eventTimeNanos = time;
                writer.onEvent(slot, written++, true);
            }
            final InboundEvent[] cycle = market.cycle();
            int next = 0;
            while (written < events)
            {
                time += OscillatingMarket.EVENT_SPACING_NANOS;
                if (time % 1_000_000_000L == 0)
                {
                    slot.clearInputs();
                    slot.type = EventType.CLOCK;
                    slot.eventTimeNanos = time;
                    writer.onEvent(slot, written++, true);
                    continue;
                }
                slot.copyInputsFrom(cycle[next]);
                next = next + 1 == cycle.length ? 0 : next + 1;
                slot.eventTimeNanos = time;
                writer.onEvent(slot, written++, true);
            }
        }
        return written;
    }
}
