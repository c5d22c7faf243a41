package dev.peregrine.journal;

import dev.peregrine.core.testing.SystemCommand;
import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.testing.ExternalResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The journal on a real 8 MiB tmpfs (as root: {@code mount -t tmpfs -o size=8m}). Chronicle maps sparse 80 MiB
 * files there; without the reserve the append that needs a page the volume cannot back faults, and the JVM
 * reports it late, after a torn record. With it, the writer refuses the first record that would go under
 * 1 MiB free, synchronously and in one line, and the journal reads back every event it counted, with no torn
 * tail; the decision journal likewise; opening either on the full volume is refused in one line. Skipped
 * (a failure under PEREGRINE_REQUIRE_EXTERNAL=true) where the test may not mount.
 */
class JournalOnAFullVolumeTest
{
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000);

    @TempDir
    Path temp;

    private Path volume;

    @BeforeEach
    void mount() throws Exception
    {
        volume = temp.resolve("volume");
        java.nio.file.Files.createDirectories(volume);
        final String failure = SystemCommand.failureOf(List.of("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", volume.toString()));
        ExternalResources.present(failure == null, "permission to mount an 8 MiB tmpfs (root or CAP_SYS_ADMIN, and " +
            "the mount command): " + failure);
    }

    @AfterEach
    void unmount() throws Exception
    {
        if (SystemCommand.failureOf(List.of("umount", volume.toString())) != null)
        {
            SystemCommand.failureOf(List.of("umount", "-l", volume.toString()));
        }
    }

    @Test
    void theAppendThatWouldFillTheVolumeIsRefusedAndEverythingCountedReadsBack()
    {
        final Path dir = volume.resolve("journal");
        final MarketStream stream = new MarketStream(5);
        final InboundEvent event = new InboundEvent();
        long sequence = 0;
        JournalException refused = null;
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
        {
            while (refused == null && sequence < 10_000_000)
            {
                stream.next(event);
                try
                {
                    writer.onEvent(event, sequence, true);
                    sequence++;
                }
                catch (final JournalException e)
                {
                    refused = e;
                }
            }
            assertThat(writer.failed()).isTrue();
            assertThat(writer.eventsWritten()).isEqualTo(sequence);
            assertThat(writer.lastIndexAtFailure()).isPositive();
            writer.onEvent(event, sequence + 1, true); // after the failure: skipped, counted, no throw
            assertThat(writer.skippedAfterFailure()).isEqualTo(1);
        }
        assertThat(refused).as("the writer refused an append").isNotNull();
        assertThat(refused.getMessage()).startsWith("No space left on device (the volume of " + dir)
            .contains("free of 8.0 MiB").doesNotContain("\n");
        assertThat(sequence).as("events that fit in 8 MiB less the reserve").isGreaterThan(50_000);

        try (JournalReader reader = JournalReader.open(dir))
        {
            final InboundEvent read = new InboundEvent();
            long count = 0;
            while (reader.next(read))
            {
                count++;
            }
            assertThat(count).as("every event the writer counted reads back").isEqualTo(sequence);
            assertThat(reader.tornTail()).as("nothing torn").isNull();
        }

        try (DecisionJournal decisions = DecisionJournal.open(dir))
        {
            fail("the decision journal opened on a full volume: " + decisions.directory());
        }
        catch (final JournalException e)
        {
            assertThat(e.getMessage()).contains("cannot be written: No space left on device").contains("free space");
        }
        assertThatThrownBy(() -> JournalWriter.open(dir, SETTINGS)).isInstanceOf(JournalException.class)
            .hasMessageContaining("journal folder " + dir + " cannot be written: No space left on device")
            .hasMessageContaining("free space on that volume");
    }

    @Test
    void decisionsStopAtTheReserveAndReadBack() throws Exception
    {
        final Path dir = volume.resolve("journal");
        // Most of the volume taken by something else, so the decisions reach the reserve quickly.
        try (java.io.OutputStream filler = java.nio.file.Files.newOutputStream(volume.resolve("filler")))
        {
            filler.write(new byte[6 * 1024 * 1024]);
        }
        long written;
        try (DecisionJournal journal = DecisionJournal.open(dir))
        {
            final DecisionRecord r = new DecisionRecord();
            for (long id = 1; journal.failure() == null && id < 10_000_000; id++)
            {
                r.record(new DecisionRecord().signal("s"), 1, id, 0, Side.BUY, OrderType.MARKET, 1_000_000L, 0, id,
                    EventType.TRADE);
                r.verdict(0, 12, RejectReason.NONE);
                journal.write(r);
            }
            written = journal.written();
            assertThat(journal.failure()).isInstanceOf(JournalException.class)
                .hasMessageStartingWith("No space left on device");
        }
        assertThat(written).isPositive();
        try (DecisionJournalReader reader = DecisionJournalReader.open(dir))
        {
            final DecisionRecord r = new DecisionRecord();
            long count = 0;
            while (reader.next(r))
            {
                count++;
            }
            assertThat(count).isEqualTo(written);
            assertThat(reader.tornTail()).isNull();
        }
    }

    private static void fail(final String message)
    {
        throw new AssertionError(message);
    }
}
