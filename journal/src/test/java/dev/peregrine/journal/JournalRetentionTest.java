package dev.peregrine.journal;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.InboundEvent;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention over real Chronicle files rolled every second by a settable clock: ten files of three events,
 * each starting with the header; retention by age and by size deletes the oldest, never the current file,
 * the newest K, or a file an open reader needs; the journal stays readable and replays what is left.
 */
class JournalRetentionTest
{
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000);
    private static final int FILES = 10;
    private static final int PER_FILE = 3;

    @TempDir
    Path tmp;
    private Path dir;
    private final SetTimeProvider time = new SetTimeProvider(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<InboundEvent> written = new ArrayList<>();
    private JournalWriter writer;
    private final MarketStream stream = new MarketStream(3);

    @BeforeEach
    void writeTenFiles()
    {
        dir = tmp.resolve("journal");
        writer = JournalWriter.open(dir, SETTINGS, TestRollCycles.TEST_SECONDLY, time);
        for (int f = 0; f < FILES; f++)
        {
            for (int i = 0; i < PER_FILE; i++)
            {
                append();
            }
            time.advanceMillis(1000);
        }
        // now = 10 s: the writer's current cycle has no file yet
    }

    @AfterEach
    void closeWriter()
    {
        writer.close();
    }

    private void append()
    {
        final InboundEvent e = new InboundEvent();
        stream.next(e);
        writer.onEvent(e, written.size(), true);
        written.add(e);
    }

    @Test
    void everyFileStartsWithTheHeaderAndTheReaderStepsOverTheRepeats() throws IOException
    {
        assertThat(queueFiles()).hasSize(FILES);
        assertThat(readAll()).isEqualTo(written.size());
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.trimmed()).isFalse();
        }
    }

    @Test
    void byAgeDeletesFilesWhoseCycleEndedLongerAgoAndTheRestStillReadsAndReplays() throws IOException
    {
        // now 10 s; files of cycles 0..9; max age 4 s: cycles ending at or before 6 s go (0..5)
        final JournalRetention.Result result = new JournalRetention(dir, RetentionPolicy.byAge(Duration.ofSeconds(4)), time).apply();
        assertThat(result.deleted()).hasSize(6);
        assertThat(queueFiles()).hasSize(4);
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.trimmed()).isTrue();
            final InboundEvent slot = new InboundEvent();
            for (int i = 6 * PER_FILE; i < written.size(); i++)
            {
                assertThat(reader.next(slot)).isTrue();
                assertThat(slot).usingRecursiveComparison().isEqualTo(written.get(i));
            }
            assertThat(reader.next(slot)).isFalse();
        }
        assertThat(Replay.run(TestProducts.CATALOG, dir).events()).isEqualTo(4 * PER_FILE);

        // the writer goes on into a new file, which starts with the header again
        append();
        assertThat(queueFiles()).hasSize(5);
        assertThat(readAll()).isEqualTo(4 * PER_FILE + 1);
    }

    @Test
    void bySizeDeletesTheOldestUntilTheRestFitButKeepsTheNewestFiles() throws IOException
    {
        final long fileSize = Files.size(queueFiles().get(0));
        final JournalRetention.Result result = new JournalRetention(dir, RetentionPolicy.bySize(3 * fileSize), time).apply();
        assertThat(result.deleted()).hasSize(FILES - 3);
        assertThat(result.bytesKept()).isLessThanOrEqualTo(3 * fileSize);
        assertThat(readAll()).isEqualTo(3 * PER_FILE);

        // a budget no file fits: the newest K (here 2) stay, and the journal still reads
        new JournalRetention(dir, RetentionPolicy.bySize(1), time).apply();
        assertThat(queueFiles()).hasSize(RetentionPolicy.DEFAULT_KEEP_NEWEST_FILES);
        assertThat(readAll()).isEqualTo(2 * PER_FILE);
    }

    @Test
    void neverTheFileBeingWritten() throws IOException
    {
        append(); // a file for the current cycle (10 s)
        time.advanceMillis(60_000); // the clock moves on, the writer has not written since
        final RetentionPolicy everything = new RetentionPolicy(Duration.ofMillis(1), 1, 1);
        new JournalRetention(dir, everything, time).apply();
        assertThat(queueFiles()).hasSize(1);
        append();
        assertThat(readAll()).isEqualTo(1 + 1);
    }

    @Test
    void anOpenReaderKeepsTheFilesItStillNeeds() throws IOException
    {
        final RetentionPolicy everything = new RetentionPolicy(Duration.ofMillis(1), 0, 1);
        try (JournalReader reader = JournalReader.open(dir))
        {
            final InboundEvent slot = new InboundEvent();
            for (int i = 0; i < 4 * PER_FILE + 1; i++)
            {
                assertThat(reader.next(slot)).isTrue(); // now in the file of cycle 4
            }
            assertThat(JournalReaders.oldestCycleInUse(dir)).isEqualTo(queueCycleOfFile(4));
            final JournalRetention.Result result = new JournalRetention(dir, everything, time).apply();
            assertThat(result.deleted()).hasSize(4);
            int rest = 1;
            while (reader.next(slot))
            {
                rest++;
            }
            assertThat(rest).isEqualTo(FILES * PER_FILE - 4 * PER_FILE);
        }
        assertThat(JournalReaders.openReaders(dir)).isZero();
        assertThat(new JournalRetention(dir, everything, time).apply().deleted()).hasSize(FILES - 4 - 1);
    }

    private int queueCycleOfFile(final int index) throws IOException
    {
        final String name = queueFiles().get(index).getFileName().toString();
        // TEST_SECONDLY files are named yyyyMMdd-HHmmss'T'; the cycle counts seconds since the epoch
        final Instant start = java.time.LocalDateTime.parse(name.substring(0, 15),
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")).toInstant(java.time.ZoneOffset.UTC);
        return (int)start.getEpochSecond();
    }

    private long readAll()
    {
        try (JournalReader reader = JournalReader.open(dir))
        {
            final InboundEvent slot = new InboundEvent();
            long n = 0;
            while (reader.next(slot))
            {
                n++;
            }
            return n;
        }
    }

    private List<Path> queueFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(p -> p.toString().endsWith(".cq4")).sorted().toList();
        }
    }
}
