package dev.peregrine.journal;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.InboundEvent;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A journal whose last record was cut mid-write: the reader returns exactly the complete prefix, each
 * event equal field for field to what was written, ignores the partial record (and says so), and a
 * replay over it succeeds. A damaged record that is not a torn tail is an error naming its index.
 *
 * <p>How a torn write looks: Chronicle writes a document's length word last (it holds a not-complete bit
 * while the body is written), so a process killed mid-write leaves a document no reader is ever given.
 * What a reader can meet is a power loss that persisted the length word's page but not all of the body:
 * the body's tail is then the zeros Chronicle's pre-allocated file held. The test makes exactly that, by
 * zeroing the file from every offset inside the last records to the end of the written data.
 */
class JournalTornTailTest
{
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000);
    private static final int EVENTS = 120;

    @TempDir
    Path tmp;

    private Path original;
    private final List<InboundEvent> written = new ArrayList<>();
    /** Per event document: file offset of its length word, and the end of its bytes. */
    private final List<long[]> spans = new ArrayList<>();
    private Path queueFile;

    @BeforeEach
    void writeJournal() throws IOException
    {
        original = tmp.resolve("original");
        final MarketStream stream = new MarketStream(7);
        try (JournalWriter writer = JournalWriter.open(original, SETTINGS))
        {
            for (int i = 0; i < EVENTS; i++)
            {
                final InboundEvent e = new InboundEvent();
                stream.next(e);
                writer.onEvent(e, i, true);
                written.add(e);
            }
        }
        try (Stream<Path> files = Files.list(original))
        {
            final List<Path> cq4 = files.filter(p -> p.toString().endsWith(".cq4")).toList();
            assertThat(cq4).hasSize(1);
            queueFile = cq4.get(0);
        }
        // Where each document lies in the file: the tailer's bytes are positioned at file offsets.
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(original).readOnly(true).build();
             ExcerptTailer tailer = queue.createTailer())
        {
            boolean header = true;
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    if (!header)
                    {
                        spans.add(new long[] {bytes.readPosition() - 4, bytes.readLimit()});
                    }
                    header = false;
                }
            }
        }
        assertThat(spans).hasSize(EVENTS);
    }

    @Test
    void aTailZeroedFromAnyOffsetInsideTheLastRecordsReadsAsTheCompletePrefix() throws IOException
    {
        final byte[] file = Files.readAllBytes(queueFile);
        final long end = spans.get(EVENTS - 1)[1];
        final long from = spans.get(EVENTS - 3)[0];
        int tornSeen = 0;
        final long last = spans.get(EVENTS - 1)[0];
        // Every offset of the last record (its length word included); every 8th of the two before it
        // (each read of a cut journal takes a few hundred ms here, so the earlier records are sampled).
        for (long cut = from; cut <= end; cut += cut >= last ? 1 : 8)
        {
            // In place, restored after each cut: copying Chronicle's pre-allocated daily file hundreds of times is slow.
            final Path dir = original;
            zero(queueFile, cut, end);
            final int complete = completePrefix(file, cut);

            // Zeros over the length word of a record before the last one lose more than the one record a
            // crash may tear: Chronicle's header still names the last record, so that is damage (refused,
            // JournalIntegrity) unless the loss is accepted. Up to there the reader sees a torn tail.
            final boolean lostMoreThanTheLast = cut <= spans.get(EVENTS - 2)[0];
            if (lostMoreThanTheLast)
            {
                assertThatThrownBy(() -> JournalReader.open(dir)).as("cut at %d", cut)
                    .hasMessageStartingWith("journal damaged: " + queueFile + " is cut short: ");
                JournalIntegrity.acceptTruncation(warning -> { });
            }
            final List<InboundEvent> read = new ArrayList<>();
            final String torn;
            try (JournalReader reader = JournalReader.open(dir))
            {
                InboundEvent slot = new InboundEvent();
                while (reader.next(slot))
                {
                    read.add(slot);
                    slot = new InboundEvent();
                }
                torn = reader.tornTail();
            }
            assertThat(read).as("cut at %d", cut).hasSize(complete);
            for (int i = 0; i < complete; i++)
            {
                assertThat(read.get(i)).as("event %d, cut at %d", i, cut).usingRecursiveComparison().isEqualTo(written.get(i));
            }
            if (complete < EVENTS && cut > spans.get(complete)[0] + 3 && !lostMoreThanTheLast)
            {
                // The length word survived, the body did not: a document the reader saw and ignored.
                assertThat(torn).as("cut at %d", cut).contains("(event #" + (complete + 1) + ")")
                    .contains("taken for a write cut short by a crash and ignored");
                tornSeen++;
            }
            if (cut % 8 == 0)
            {
                assertThat(Replay.run(TestProducts.CATALOG, dir).events()).as("replay, cut at %d", cut).isEqualTo(complete);
            }
            JournalIntegrity.refuseTruncation();
            restore(queueFile, file, cut, end);
        }
        assertThat(tornSeen).isGreaterThan(80);
    }

    @Test
    void aDocumentLeftNotCompleteByAKilledWriterIsNeverRead() throws IOException
    {
        final Path dir = copyOf(original, "not-complete");
        final long header = spans.get(EVENTS - 1)[0];
        try (FileChannel ch = FileChannel.open(dir.resolve(queueFile.getFileName()), StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final ByteBuffer word = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.read(word, header);
            // Chronicle's header word while a write is in progress: the not-complete bit set.
            final int value = word.getInt(0) | 0x80000000;
            word.clear();
            word.putInt(0, value);
            ch.write(word, header);
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            final InboundEvent slot = new InboundEvent();
            long n = 0;
            while (reader.next(slot))
            {
                assertThat(slot).usingRecursiveComparison().isEqualTo(written.get((int)n));
                n++;
            }
            assertThat(n).isEqualTo(EVENTS - 1);
        }
    }

    @Test
    void aFlippedByteInARecordBodyIsACorruptionNamingTheRecordIndex() throws IOException
    {
        for (final int victim : new int[] {0, EVENTS / 2, EVENTS - 1})
        {
            final Path dir = copyOf(original, "flip-" + victim);
            final long body = spans.get(victim)[0] + 4 + 20; // inside venueSequence / times
            try (FileChannel ch = FileChannel.open(dir.resolve(queueFile.getFileName()), StandardOpenOption.READ, StandardOpenOption.WRITE))
            {
                final ByteBuffer b = ByteBuffer.allocate(1);
                ch.read(b, body);
                b.put(0, (byte)(b.get(0) ^ 0x5A));
                b.rewind();
                ch.write(b, body);
            }
            try (JournalReader reader = JournalReader.open(dir))
            {
                final InboundEvent slot = new InboundEvent();
                for (int i = 0; i < victim; i++)
                {
                    assertThat(reader.next(slot)).isTrue();
                }
                assertThatThrownBy(() -> reader.next(slot))
                    .isInstanceOf(JournalException.class)
                    .hasMessageStartingWith("journal " + dir + ": record at index 0x")
                    .hasMessageContaining("(event #" + (victim + 1) + ") is corrupt: checksum");
            }
            assertThatThrownBy(() -> Replay.run(TestProducts.CATALOG, dir)).isInstanceOf(JournalException.class)
                .hasMessageContaining("(event #" + (victim + 1) + ")");
        }
    }

    /** Events whose bytes the zeroing leaves as they were: those ending before the cut, or whose rest was zero anyway. */
    private int completePrefix(final byte[] file, final long cut)
    {
        int n = 0;
        for (final long[] span : spans)
        {
            if (!unchanged(file, Math.max(cut, span[0]), span[1]))
            {
                break;
            }
            n++;
        }
        return n;
    }

    private static boolean unchanged(final byte[] file, final long from, final long to)
    {
        for (long i = from; i < to; i++)
        {
            if (file[(int)i] != 0)
            {
                return false;
            }
        }
        return true;
    }

    private static void zero(final Path file, final long from, final long to) throws IOException
    {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            ch.write(ByteBuffer.allocate((int)(to - from)), from);
        }
    }

    private static void restore(final Path target, final byte[] file, final long from, final long to) throws IOException
    {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE))
        {
            ch.write(ByteBuffer.wrap(file, (int)from, (int)(to - from)), from);
        }
    }

    private Path copyOf(final Path source, final String name)
    {
        final Path target = tmp.resolve(name);
        try (Stream<Path> files = Files.list(source))
        {
            Files.createDirectories(target);
            for (final Path p : (Iterable<Path>)files::iterator)
            {
                if (Files.isRegularFile(p))
                {
                    Files.copy(p, target.resolve(p.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
