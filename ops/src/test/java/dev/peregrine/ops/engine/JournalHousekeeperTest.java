package dev.peregrine.ops.engine;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.JournalRetention;
import dev.peregrine.journal.JournalWriter;
import dev.peregrine.journal.RetentionPolicy;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live engine's retention pass over real Chronicle files rolled each second by a settable clock:
 * it deletes the aged files, counts what it deleted, keeps the journal readable, and a pass that fails
 * is counted and described instead of stopping the passes after it.
 */
class JournalHousekeeperTest
{
    private static final EngineSettings SETTINGS = EngineSettings.defaults(VenueRegistry.standard().catalog(), List.of("BTC-USD", "ETH-USD"), 1000);

    @TempDir
    Path tmp;

    private static long queueFiles(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(p -> p.toString().endsWith(".cq4")).count();
        }
    }

    @Test
    void aPassDeletesAgedFilesAndCountsThem() throws IOException
    {
        final Path dir = tmp.resolve("journal");
        final SetTimeProvider time = new SetTimeProvider(Instant.parse("2026-01-01T00:00:00Z"));
        final InboundEvent clock = new InboundEvent();
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS, TestRollCycles.TEST_SECONDLY, time))
        {
            for (int second = 0; second < 8; second++)
            {
                clock.clearInputs();
                clock.type = EventType.CLOCK;
                clock.eventTimeNanos = second * 1_000_000_000L;
                writer.onEvent(clock, second, true);
                time.advanceMillis(1000);
            }
        }
        assertThat(queueFiles(dir)).isEqualTo(8);

        try (JournalHousekeeper housekeeper = new JournalHousekeeper(
            new JournalRetention(dir, RetentionPolicy.byAge(Duration.ofSeconds(3)), time)))
        {
            housekeeper.runOnce();
            assertThat(housekeeper.failures()).as("%s", housekeeper.lastFailure()).isZero();
            assertThat(housekeeper.filesDeleted()).isPositive();
            assertThat(housekeeper.bytesDeleted()).isPositive();
            assertThat(queueFiles(dir)).isEqualTo(8 - housekeeper.filesDeleted());
            housekeeper.runOnce();
            assertThat(housekeeper.passes()).isEqualTo(2);
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.trimmed()).isTrue();
            final InboundEvent slot = new InboundEvent();
            int left = 0;
            while (reader.next(slot))
            {
                left++;
            }
            assertThat(left).as("one event a file left").isEqualTo((int)queueFiles(dir));
        }
    }

    @Test
    void aFailedPassIsCountedAndTheNextOneStillRuns() throws IOException
    {
        final Path notAJournal = Files.createDirectories(tmp.resolve("empty"));
        try (JournalHousekeeper housekeeper = new JournalHousekeeper(
            new JournalRetention(notAJournal, RetentionPolicy.bySize(1024))))
        {
            housekeeper.runOnce();
            housekeeper.runOnce();
            assertThat(housekeeper.failures()).isEqualTo(2);
            assertThat(housekeeper.passes()).isEqualTo(2);
            assertThat(housekeeper.lastFailure()).contains(notAJournal.toString());
        }
    }

    @Test
    void asAnAgentTheFirstPassRunsAtOnceAndTheNextOnlyAfterThePeriod() throws IOException
    {
        final Path notAJournal = Files.createDirectories(tmp.resolve("agent"));
        try (JournalHousekeeper housekeeper = new JournalHousekeeper(
            new JournalRetention(notAJournal, RetentionPolicy.bySize(1024))))
        {
            final org.agrona.concurrent.AgentInvoker invoker = new org.agrona.concurrent.AgentInvoker(
                Throwable::printStackTrace, null, housekeeper);
            invoker.start();
            invoker.invoke();
            assertThat(housekeeper.passes()).as("the first pass at start").isEqualTo(1);
            invoker.invoke();
            assertThat(housekeeper.passes()).as("not again before the period").isEqualTo(1);
            assertThat(housekeeper.roleName()).isEqualTo("peregrine-journal-retention");
            invoker.close();
        }
    }
}
