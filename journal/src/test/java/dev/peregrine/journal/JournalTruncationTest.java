package dev.peregrine.journal;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RejectReason;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real Chronicle files written by the real writers, then cut short for real ({@link FileChannel#truncate}):
 * every reader and writer refuses with one line naming the file and the last good index, reads exactly
 * the entries left when the loss is accepted, and a crash's torn tail or a journal trimmed by retention
 * still opens without complaint.
 */
class JournalTruncationTest
{
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000);
    /** Daily files indexed every 4th entry in arrays of 32: 6,000 events fill dozens of index blocks. */
    private static final RollCycle SMALL_INDEX_DAILY = TestRollCycles.TEST4_DAILY;

    @TempDir
    Path tmp;

    private final List<String> warnings = new ArrayList<>();

    @AfterEach
    void refuseAgain()
    {
        JournalIntegrity.refuseTruncation();
    }

    @Test
    void aFileCutInHalfIsRefusedByTheReaderTheReplayAndTheWriterNamingTheLastGoodIndex() throws IOException
    {
        final OneFile journal = OneFile.write(tmp.resolve("journal"), 4_000);
        final Path dir = journal.dir();
        final Path file = journal.file();
        final List<long[]> docs = journal.docs(); // index, start, end of every entry
        assertThat(docs).hasSize(4_001);
        final long cut = docs.get(docs.size() - 1)[2] / 2;
        final long[] lastGood = lastEndingBy(docs, cut);
        truncate(file, cut);

        final String expected = "journal damaged: " + file + " is cut short: ";
        assertThatThrownBy(() -> JournalReader.open(dir)).isInstanceOf(JournalException.class)
            .hasMessageStartingWith(expected)
            .hasMessageContaining("entries after index 0x" + Long.toHexString(lastGood[0]) + " are missing")
            .hasMessageContaining("(last good index 0x" + Long.toHexString(lastGood[0]))
            .hasMessageEndingWith("pass --accept-truncated to read what is left")
            .satisfies(e -> assertThat(((JournalException)e).notAJournal()).isFalse());
        assertThatThrownBy(() -> Replay.run(TestProducts.CATALOG, dir)).hasMessageStartingWith(expected);
        assertThatThrownBy(() -> JournalWriter.open(dir, SETTINGS, SMALL_INDEX_DAILY)).hasMessageStartingWith(expected);
        // Refused before Chronicle mapped it writable: the evidence is still there for the next reader.
        assertThat(Files.size(file)).isEqualTo(cut);

        JournalIntegrity.acceptTruncation(warnings::add);
        final List<InboundEvent> read = readAll(dir);
        final int left = docs.indexOf(lastGood); // the header is entry 0
        assertThat(fields(read)).isEqualTo(fields(journal.written().subList(0, left)));
        assertThat(warnings).singleElement().asString()
            .startsWith("WARNING: journal damaged: " + file + " is cut short: " + String.format("%,d", 4_000 - left + 0) + " entries after")
            .contains("reading what is left");
        // Replay too reads what is left (and warns once per process and file).
        assertThat(Replay.run(TestProducts.CATALOG, dir).events()).isEqualTo(left);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void aMiddleFileCutShortIsRefusedAndWhenAcceptedTheLaterFilesAreStillRead() throws IOException
    {
        final Path dir = tmp.resolve("rolled");
        final List<InboundEvent> written = writeRolled(dir, newYear(), 11, 3, 400);
        final List<Path> files = queueFiles(dir);
        assertThat(files).hasSize(3);
        final Path middle = files.get(1);
        // Each file: its header, then 400 events; cut the middle one inside its 200th event.
        final List<long[]> docs = QueueTearing.documents(dir);
        final List<long[]> middleDocs = docs.subList(401, 802);
        final long cut = middleDocs.get(200)[1] + 20;
        final long[] lastGood = middleDocs.get(199);
        truncate(middle, cut);

        assertThatThrownBy(() -> JournalReader.open(dir))
            .hasMessageStartingWith("journal damaged: " + middle + " is cut short: 201 entries after index 0x" +
                Long.toHexString(lastGood[0]) + " are missing");

        JournalIntegrity.acceptTruncation(warnings::add);
        final List<InboundEvent> read = readAll(dir);
        final List<InboundEvent> expected = new ArrayList<>(written.subList(0, 400 + 199));
        expected.addAll(written.subList(800, 1200));
        assertThat(fields(read)).isEqualTo(fields(expected));
        assertThat(warnings).singleElement().asString().contains(middle.toString());
    }

    @Test
    void aMiddleFileWithNothingLeftIsSteppedOverWithoutBeingReadWhenAccepted() throws IOException
    {
        final Path dir = tmp.resolve("rolled");
        final List<InboundEvent> written = writeThreeFiles(dir, 300);
        final Path middle = queueFiles(dir).get(1);
        truncate(middle, 1_000); // inside Chronicle's index area: before any entry

        assertThatThrownBy(() -> JournalReader.open(dir)).hasMessage("journal damaged: " + middle +
            " is cut short: none of its entries can be read (the file is 1,000 bytes); pass --accept-truncated to read what is left");
        JournalIntegrity.acceptTruncation(warnings::add);
        final List<InboundEvent> expected = new ArrayList<>(written.subList(0, 300));
        expected.addAll(written.subList(600, 900));
        // Reading past the end of a mapped file faults: the reader must not touch the middle file at all.
        assertThat(fields(readAll(dir))).isEqualTo(fields(expected));
    }

    @Test
    void aFileChronicleWasStillCreatingWhenItsWriterStoppedIsNotDamage() throws IOException
    {
        final Path dir = tmp.resolve("rolled");
        writeThreeFiles(dir, 10);
        final List<Path> files = queueFiles(dir);
        // The next second's file, as a crash right after Chronicle created it leaves it: zeros, no header yet.
        final Path creating = dir.resolve(files.get(2).getFileName().toString().replace("000002T", "000003T"));
        Files.write(creating, new byte[64 << 10]);
        assertThat(JournalIntegrity.inspect(dir, TestRollCycles.TEST_SECONDLY)).isEmpty();
        // A file cut to nothing, though, is damage: its entries are gone.
        truncate(files.get(1), 0);
        assertThat(JournalIntegrity.inspect(dir, TestRollCycles.TEST_SECONDLY)).singleElement()
            .satisfies(d -> assertThat(d.file()).isEqualTo(files.get(1)));
    }

    private static List<InboundEvent> writeThreeFiles(final Path dir, final int perFile)
    {
        return writeRolled(dir, newYear(), 13, 3, perFile);
    }

    private static SetTimeProvider newYear()
    {
        return new SetTimeProvider(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * A journal of {@code files} files (one a second of {@code time}, which it advances) of {@code perFile} events
     * each from a {@link MarketStream} of {@code seed}; returns the events written.
     */
    private static List<InboundEvent> writeRolled(final Path dir, final SetTimeProvider time, final int seed,
        final int files, final int perFile)
    {
        final List<InboundEvent> written = new ArrayList<>();
        final MarketStream stream = new MarketStream(seed);
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS, TestRollCycles.TEST_SECONDLY, time))
        {
            for (int f = 0; f < files; f++)
            {
                for (int i = 0; i < perFile; i++)
                {
                    final InboundEvent e = new InboundEvent();
                    stream.next(e);
                    writer.onEvent(e, written.size(), true);
                    written.add(e);
                }
                time.advanceMillis(1000);
            }
        }
        return written;
    }

    @Test
    void acceptedByAWriterTheFileIsRewrittenWithItsGoodEntriesAndAppendsAreReadAfterThem() throws IOException
    {
        final OneFile journal = OneFile.write(tmp.resolve("journal"), 3_000);
        final long cut = journal.docs().get(1_500)[1] + 30;
        truncate(journal.file(), cut);

        JournalIntegrity.acceptTruncation(warnings::add);
        final MarketStream more = new MarketStream(99);
        final List<InboundEvent> appended = new ArrayList<>();
        try (JournalWriter writer = JournalWriter.open(journal.dir(), SETTINGS, SMALL_INDEX_DAILY))
        {
            for (int i = 0; i < 50; i++)
            {
                final InboundEvent e = new InboundEvent();
                more.next(e);
                writer.onEvent(e, i, true);
                appended.add(e);
            }
        }
        assertThat(warnings).singleElement().asString().contains("appending after the last good entry")
            .contains(journal.file().getFileName() + ".damaged");
        assertThat(journal.dir().resolve(journal.file().getFileName() + ".damaged")).exists();
        JournalIntegrity.refuseTruncation(); // the rewritten journal is whole: no flag needed any more
        final List<InboundEvent> read = readAll(journal.dir());
        final List<InboundEvent> expected = new ArrayList<>(journal.written().subList(0, 1_499));
        expected.addAll(appended);
        assertThat(fields(read)).isEqualTo(fields(expected));
    }

    @Test
    void aFileCutInsideItsChronicleHeaderIsRefused() throws IOException
    {
        final Path dir = tmp.resolve("journal");
        write(dir, 100);
        final Path file = onlyFile(dir);
        truncate(file, 100);
        assertThatThrownBy(() -> JournalReader.open(dir))
            .hasMessage("journal damaged: " + file + " is cut short: its Chronicle header is cut off (100 bytes left), " +
                "so none of its entries can be read; pass --accept-truncated to read what is left");
    }

    @Test
    void aCrashStyleTornTailOpensWithoutComplaint() throws IOException
    {
        final OneFile journal = OneFile.write(tmp.resolve("journal"), 2_000);
        final long[] last = journal.docs().get(journal.docs().size() - 1);
        // A power loss that kept the last record's length word but not the rest: zeros, file of full length.
        zero(journal.file(), last[1] + 10, last[2]);
        try (JournalReader reader = JournalReader.open(journal.dir()))
        {
            final InboundEvent e = new InboundEvent();
            int n = 0;
            while (reader.next(e))
            {
                n++;
            }
            assertThat(n).isEqualTo(journal.written().size() - 1);
            assertThat(reader.tornTail()).isNotNull();
        }
        // The record never finished at all (its length word zero): simply not there.
        zero(journal.file(), last[1], last[2]);
        assertThat(readAll(journal.dir()).size()).isEqualTo(journal.written().size() - 1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aJournalTrimmedByRetentionOpensWithoutComplaint() throws IOException
    {
        final Path dir = tmp.resolve("rolled");
        final SetTimeProvider time = newYear();
        writeRolled(dir, time, 5, 5, 50);
        final int deleted = new JournalRetention(dir, RetentionPolicy.byAge(Duration.ofSeconds(2)), time).apply().deleted().size();
        assertThat(deleted).isPositive();
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.trimmed()).isTrue();
        }
        assertThat(readAll(dir).size()).isEqualTo(50 * (5 - deleted));
    }

    @Test
    void aDecisionJournalCutShortIsRefusedAndReadUpToItsLastGoodDecisionWhenAccepted() throws IOException
    {
        final Path journal = tmp.resolve("journal");
        final List<Long> written = new ArrayList<>();
        try (DecisionJournal decisions = DecisionJournal.open(journal))
        {
            for (long id = 1; id <= 3_000; id++)
            {
                final DecisionRecord r = decision(id);
                written.add(r.hash(Hash64.SEED));
                decisions.write(r);
            }
        }
        final Path dir = journal.resolve(DecisionJournal.FOLDER);
        final Path file = onlyFile(dir);
        final List<long[]> docs = QueueTearing.documents(dir);
        final long cut = docs.get(docs.size() - 1)[2] / 2;
        final int left = docs.indexOf(lastEndingBy(docs, cut)) + 1;
        truncate(file, cut);

        assertThatThrownBy(() -> DecisionJournalReader.open(journal))
            .hasMessageStartingWith("journal damaged: " + file + " is cut short: " + String.format("%,d", 3_000 - left) +
                " entries after index");
        assertThatThrownBy(() -> DecisionJournal.open(journal)).hasMessageStartingWith("journal damaged: " + file);

        JournalIntegrity.acceptTruncation(warnings::add);
        final List<Long> read = new ArrayList<>();
        try (DecisionJournalReader reader = DecisionJournalReader.open(journal))
        {
            final DecisionRecord r = new DecisionRecord();
            while (reader.next(r))
            {
                read.add(r.hash(Hash64.SEED));
            }
        }
        assertThat(read).isEqualTo(written.subList(0, left));
        assertThat(warnings).hasSize(1);
    }

    private static DecisionRecord decision(final long orderId)
    {
        final DecisionRecord note = new DecisionRecord().signal("signal-" + orderId % 3);
        note.value("v", orderId * 1.5);
        final DecisionRecord r = new DecisionRecord();
        r.record(note, (int)(orderId % 4), orderId, (int)(orderId % 2), orderId % 2 == 0 ? Side.BUY : Side.SELL,
            OrderType.LIMIT, orderId * 1_000_000L, orderId * 7L, 1_000L + orderId, EventType.TRADE);
        r.book(100L + orderId, 5L, 101L + orderId, 6L);
        r.verdict(-orderId, 12, RejectReason.NONE);
        return r;
    }

    /** Every input field of each event (InboundEvent's text form), compared as one list. */
    private static List<String> fields(final List<InboundEvent> events)
    {
        return events.stream().map(InboundEvent::toString).toList();
    }

    private static List<InboundEvent> write(final Path dir, final int events)
    {
        final List<InboundEvent> written = new ArrayList<>();
        final MarketStream stream = new MarketStream(7);
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS, SMALL_INDEX_DAILY))
        {
            for (int i = 0; i < events; i++)
            {
                final InboundEvent e = new InboundEvent();
                stream.next(e);
                writer.onEvent(e, i, true);
                written.add(e);
            }
        }
        return written;
    }

    private static List<InboundEvent> readAll(final Path dir)
    {
        final List<InboundEvent> read = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir))
        {
            while (true)
            {
                final InboundEvent e = new InboundEvent();
                if (!reader.next(e))
                {
                    break;
                }
                read.add(e);
            }
        }
        return read;
    }

    private static long[] lastEndingBy(final List<long[]> docs, final long cut)
    {
        long[] last = null;
        for (final long[] d : docs)
        {
            if (d[2] <= cut)
            {
                last = d;
            }
        }
        return last;
    }

    /**
     * A journal of one file written by {@link #write}: its folder, the events written, its queue file and where each
     * entry lies (index, start, end: {@link QueueTearing#documents}).
     */
    private record OneFile(Path dir, List<InboundEvent> written, Path file, List<long[]> docs)
    {
        static OneFile write(final Path dir, final int events) throws IOException
        {
            final List<InboundEvent> written = JournalTruncationTest.write(dir, events);
            return new OneFile(dir, written, onlyFile(dir), QueueTearing.documents(dir));
        }
    }

    private static Path onlyFile(final Path dir) throws IOException
    {
        final List<Path> files = queueFiles(dir);
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    private static List<Path> queueFiles(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(p -> p.toString().endsWith(".cq4")).sorted().toList();
        }
    }

    private static void truncate(final Path file, final long size) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(size);
        }
        assertThat(Files.size(file)).isEqualTo(size);
    }

    private static void zero(final Path file, final long from, final long to) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.allocate((int)(to - from)), from);
        }
    }
}
