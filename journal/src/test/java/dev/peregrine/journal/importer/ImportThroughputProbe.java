package dev.peregrine.journal.importer;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.number.FixedPoint;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * Not a check (tests never assert wall-clock times): measures how fast a Binance archive imports when
 * asked, {@code -Dperegrine.importProbe=FILE}; skipped otherwise. Figures go to journal/README.md.
 */
class ImportThroughputProbe
{
    @Test
    void binanceArchiveEventsPerSecond()
    {
        final String file = System.getProperty("peregrine.importProbe");
        Assumptions.assumeTrue(file != null, "set -Dperegrine.importProbe=FILE to measure");
        for (int round = 0; round < 3; round++)
        {
            final long start = System.nanoTime();
            long events = 0;
            try (EventSource source = new ClockTicks(new BinanceTradeSource(InputFile.open(Path.of(file)), 0,
                FixedPoint.parse("0.01"), TimeWindow.ALL)))
            {
                final InboundEvent e = new InboundEvent();
                while (source.next(e))
                {
                    events++;
                }
            }
            final double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %,d events in %.2f s: %,.0f events/s%n", round, events, s, events / s);
        }
    }
}
