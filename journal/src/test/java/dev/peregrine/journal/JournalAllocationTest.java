package dev.peregrine.journal;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.InboundEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The hot-path rule, checked where it is cheap: after warm-up, appending and reading events allocates
 * nothing on the calling thread. Measured with the JVM's per-thread allocation counter, so JIT and GC
 * threads do not count; the bound allows a few stray bytes but not one object per event.
 */
class JournalAllocationTest
{
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000);
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 50_000;
    /** Less than one byte per event: a single 16-byte object per event would be 800 KB. */
    private static final long MAX_BYTES = MEASURED;

    @TempDir
    Path dir;

    @Test
    void writingAndReadingEventsAllocatesNothingAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);

        final InboundEvent event = new InboundEvent();
        new MarketStream(5).next(event);
        final long writeBytes;
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
        {
            for (int i = 0; i < WARM_UP; i++)
            {
                event.eventTimeNanos = i;
                writer.onEvent(event, i, true);
            }
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = WARM_UP; i < WARM_UP + MEASURED; i++)
            {
                event.eventTimeNanos = i;
                writer.onEvent(event, i, true);
            }
            writeBytes = threads.getCurrentThreadAllocatedBytes() - before;
        }

        final long readBytes;
        try (JournalReader reader = JournalReader.open(dir))
        {
            for (int i = 0; i < WARM_UP; i++)
            {
                assertThat(reader.next(event)).isTrue();
            }
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < MEASURED; i++)
            {
                if (!reader.next(event))
                {
                    throw new AssertionError("journal ended early at " + i);
                }
            }
            readBytes = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(event.eventTimeNanos).isEqualTo(WARM_UP + MEASURED - 1);
        }

        assertThat(writeBytes).as("bytes allocated by %d appends", MEASURED).isLessThan(MAX_BYTES);
        assertThat(readBytes).as("bytes allocated by %d reads", MEASURED).isLessThan(MAX_BYTES);
    }
}
