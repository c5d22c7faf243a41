package dev.peregrine.bench.journal;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.Replay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The replay path allocates nothing per event after warm-up (what makes a ten-million-event replay free of
 * garbage collection, measured at full size by {@code ReplayGcCheck}): decoding from Chronicle and the
 * whole core, trading every cycle, on this thread, counted by the JVM's per-thread allocation counter.
 */
class ReplayAllocationTest
{
    private static final int EVENTS = 400_000;
    private static final int WARM_UP = 100_000;

    @TempDir
    Path dir;

    @Test
    void replayingAJournalAllocatesNothingPerEventAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        final Path journal = dir.resolve("journal");
        assertThat(OscillatingJournal.write(journal, EVENTS)).isEqualTo(EVENTS);

        final long bytes;
        final long orders;
        try (JournalReader reader = JournalReader.open(journal))
        {
            final EngineSettings settings = EngineSettings.decode(reader.header().settingsText());
            final TradingCore core = CoreAssembly.build(VenueRegistry.standard().catalog(), settings, new OutputDigest(), new CoreMetrics(settings.products().size()),
                new TradingSwitch());
            final InboundEvent slot = new InboundEvent();
            // Through JournalFeed, as every journal reader drives its core: the settings check costs nothing per event.
            final dev.peregrine.journal.JournalFeed feed = new dev.peregrine.journal.JournalFeed(reader, core);
            long sequence = 0;
            while (sequence < WARM_UP && feed.next(slot))
            {
                core.onEvent(slot, sequence++, true);
            }
            final long ordersBefore = core.execution().lastOrderId();
            final long before = threads.getCurrentThreadAllocatedBytes();
            while (feed.next(slot))
            {
                core.onEvent(slot, sequence++, true);
            }
            bytes = threads.getCurrentThreadAllocatedBytes() - before;
            orders = core.execution().lastOrderId() - ordersBefore;
            assertThat(sequence).isEqualTo(EVENTS);
            assertThat(core.lastError()).isNull();
        }
        assertThat(orders).as("the replay trades while it is measured").isGreaterThan(1_000);
        assertThat(bytes).as("bytes allocated replaying %d events", EVENTS - WARM_UP).isLessThan(64 * 1024);
        assertThat(Replay.run(VenueRegistry.standard().catalog(), journal).events()).isEqualTo(EVENTS);
    }
}
