package dev.peregrine.bench.journal;

import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.ops.assembly.EngineAssembly;
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
        // Through JournalFeed, as every journal reader drives its core: the settings check costs nothing per event.
        try (SteppedReplay replay = new SteppedReplay(journal))
        {
            final TradingCore core = replay.core();
            replay.feedUpTo(WARM_UP);
            final long ordersBefore = core.execution().lastOrderId();
            final long before = threads.getCurrentThreadAllocatedBytes();
            final long sequence = replay.feedRest();
            bytes = threads.getCurrentThreadAllocatedBytes() - before;
            orders = core.execution().lastOrderId() - ordersBefore;
            assertThat(sequence).isEqualTo(EVENTS);
            assertThat(core.lastError()).isNull();
        }
        assertThat(orders).as("the replay trades while it is measured").isGreaterThan(1_000);
        assertThat(bytes).as("bytes allocated replaying %d events", EVENTS - WARM_UP).isLessThan(64 * 1024);
        assertThat(EngineAssembly.replay(journal).events()).isEqualTo(EVENTS);
    }
}
