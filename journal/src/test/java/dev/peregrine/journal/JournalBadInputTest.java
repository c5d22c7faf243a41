package dev.peregrine.journal;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.InboundEvent;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalBadInputTest
{
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000);

    @TempDir
    Path tmp;

    @Test
    void aJournalOfAStrategyThisBuildDoesNotKnowIsAClearErrorNotACrash()
    {
        final Path dir = tmp.resolve("journal");
        JournalWriter.open(dir, SETTINGS.withStrategies(List.of(
            dev.peregrine.core.strategy.config.StrategySpec.parse("martingale:doubling=true", "m")))).close();
        assertThatThrownBy(() -> Replay.run(TestProducts.CATALOG, dir))
            .isInstanceOf(JournalException.class)
            .hasMessageStartingWith("journal " + dir + ": the engine in its header cannot be rebuilt: ")
            .hasMessageContaining("strategy 'm': unknown type 'martingale'");
    }

    @Test
    void aFileInsteadOfAFolderIsRefusedByWriterAndReader() throws IOException
    {
        final Path file = Files.writeString(tmp.resolve("journal"), "not a folder");
        assertThatThrownBy(() -> JournalWriter.open(file, SETTINGS))
            .isInstanceOf(JournalException.class)
            .hasMessage("journal folder " + file + " is not a directory (it is a file); point the journal at a directory");
        assertThatThrownBy(() -> JournalReader.open(file))
            .isInstanceOf(JournalException.class)
            .hasMessage("journal folder " + file + " is not a directory (it is a file)");
    }

    @Test
    void anUnwritableFolderIsRefusedBeforeAnyEventIsAccepted() throws IOException
    {
        final Path dir;
        if (isRoot())
        {
            // Root writes through permission bits, so make the folder impossible to create instead.
            final Path file = Files.writeString(tmp.resolve("plain-file"), "x");
            dir = file.resolve("journal");
            assertThatThrownBy(() -> JournalWriter.open(dir, SETTINGS))
                .isInstanceOf(JournalException.class)
                .hasMessage("cannot create journal folder " + dir + ": Not a directory (at " + dir + ")");
        }
        else
        {
            dir = Files.createDirectory(tmp.resolve("read-only"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
            assertThatThrownBy(() -> JournalWriter.open(dir, SETTINGS))
                .isInstanceOf(JournalException.class)
                .hasMessageStartingWith("journal folder " + dir + " is not writable: ");
        }
    }

    @Test
    void aMissingOrEmptyFolderIsNotAJournal() throws IOException
    {
        final Path missing = tmp.resolve("missing");
        assertThatThrownBy(() -> JournalReader.open(missing))
            .isInstanceOf(JournalException.class)
            .hasMessage("journal folder " + missing + " does not exist");
        final Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertThatThrownBy(() -> JournalReader.open(empty))
            .isInstanceOf(JournalException.class)
            .hasMessage("journal folder " + empty + " holds no journal (no Chronicle Queue *.cq4 files)");
        assertThat(empty).isEmptyDirectory(); // reading never creates anything
        assertThatThrownBy(() -> Replay.run(TestProducts.CATALOG, empty)).isInstanceOf(JournalException.class);
    }

    @Test
    void aQueueWrittenBySomeoneElseIsNotAPeregrineJournal()
    {
        final Path dir = tmp.resolve("foreign");
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build();
             ExcerptAppender appender = queue.createAppender())
        {
            appender.writeText("hello from another application");
        }
        assertThatThrownBy(() -> JournalReader.open(dir))
            .isInstanceOf(JournalException.class)
            .hasMessageStartingWith("journal folder " + dir + " is not a Peregrine journal: ");
        assertThatThrownBy(() -> JournalWriter.open(dir, SETTINGS))
            .isInstanceOf(JournalException.class)
            .hasMessageStartingWith("journal folder " + dir + " is not a Peregrine journal: ")
            .hasMessageEndingWith("; refusing to append to it");
    }

    @Test
    void aHeaderOfANewerFormatVersionIsRefusedWithTheVersions()
    {
        final Path dir = tmp.resolve("newer");
        writeRaw(dir, b ->
        {
            b.writeByte(JournalRecordCodec.HEADER);
            b.writeShort((short)(JournalRecordCodec.FORMAT_VERSION + 1));
            b.writeInt(JournalRecordCodec.HEADER_MAGIC);
            b.writeLong(0); // a newer layout might continue differently: the reader must not look further
        });
        assertThatThrownBy(() -> JournalReader.open(dir))
            .isInstanceOf(JournalException.class)
            .hasMessage("journal folder " + dir + " was written with journal format version " +
                (JournalRecordCodec.FORMAT_VERSION + 1) + ", newer than this reader's " + JournalRecordCodec.FORMAT_VERSION +
                " (upgrade Peregrine to read it)");
        assertThatThrownBy(() -> JournalWriter.open(dir, SETTINGS))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining(dir.toString())
            .hasMessageContaining("format version " + (JournalRecordCodec.FORMAT_VERSION + 1));
    }

    @Test
    void anUnknownRecordTypeStopsTheReadAtItsIndex()
    {
        final Path dir = journalWithOneGoodEventThen(b ->
        {
            b.writeByte((byte)9);
            b.writeShort(JournalRecordCodec.FORMAT_VERSION);
            b.writeLong(123);
        });
        assertBadSecondEvent(dir, "has unknown record type 9 (this reader knows HEADER=1, EVENT=2)");
    }

    @Test
    void aTruncatedEventStopsTheReadAtItsIndex()
    {
        final Path dir = journalWithOneGoodEventThen(b ->
        {
            b.writeByte(JournalRecordCodec.EVENT);
            b.writeShort(JournalRecordCodec.FORMAT_VERSION);
            b.writeInt(1);
            b.writeLong(42);
        });
        assertBadSecondEvent(dir, "is an EVENT of 15 bytes, shorter than any event (truncated or corrupt)");
    }

    @Test
    void aDamagedEventFailsItsChecksum()
    {
        final InboundEvent e = new InboundEvent();
        new MarketStream(1).next(e);
        final Path dir = journalWithOneGoodEventThen(b ->
        {
            EventRecordCodec.writeEvent(b, e);
            b.writeLong(b.writePosition() - 8 - 8 * 4, 12345); // overwrite bidPrice after the fact
        });
        assertBadSecondEvent(dir, "is corrupt: checksum");
    }

    /**
     * A good event, the bad record, and another good event: a bad record in the middle is corruption. (A
     * bad record at the very end that ends in zeros is a torn write instead: JournalTornTailTest.)
     */
    private Path journalWithOneGoodEventThen(final Consumer<Bytes<?>> badRecord)
    {
        final Path dir = tmp.resolve("bad");
        final MarketStream stream = new MarketStream(1);
        final InboundEvent e = new InboundEvent();
        stream.next(e);
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
        {
            writer.onEvent(e, 0, true);
        }
        writeRaw(dir, badRecord);
        stream.next(e);
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
        {
            writer.onEvent(e, 1, true);
        }
        return dir;
    }

    private static void assertBadSecondEvent(final Path dir, final String detail)
    {
        try (JournalReader reader = JournalReader.open(dir))
        {
            final InboundEvent slot = new InboundEvent();
            assertThat(reader.next(slot)).isTrue();
            assertThatThrownBy(() -> reader.next(slot))
                .isInstanceOf(JournalException.class)
                .hasMessageStartingWith("journal " + dir + ": record at index 0x")
                .hasMessageContaining("(event #2) " + detail)
                .hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> Replay.run(TestProducts.CATALOG, dir)).isInstanceOf(JournalException.class).hasMessageContaining(detail);
    }

    private static void writeRaw(final Path dir, final Consumer<Bytes<?>> record)
    {
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir)
                .rollCycle(JournalWriter.DEFAULT_ROLL_CYCLE).build();
             ExcerptAppender appender = queue.createAppender();
             DocumentContext dc = appender.writingDocument())
        {
            record.accept(dc.wire().bytes());
        }
    }

    private static boolean isRoot()
    {
        return "root".equals(System.getProperty("user.name"));
    }

    /** After one failed append nothing more is written: the journal ends at the failure, with no hole. */
    @org.junit.jupiter.api.Test
    void afterAFailedAppendTheJournalEndsThere()
    {
        final Path dir = tmp.resolve("latched");
        final JournalWriter writer = JournalWriter.open(dir, SETTINGS);
        final InboundEvent e = new InboundEvent();
        new MarketStream(5).next(e);
        writer.onEvent(e, 0, true);
        writer.close();                                   // appending now fails, as on a full disk
        assertThatThrownBy(() -> writer.onEvent(e, 1, true)).isNotNull();
        assertThat(writer.failed()).isTrue();
        writer.onEvent(e, 2, true);                       // later events are skipped, not appended after a hole
        writer.onEvent(e, 3, true);
        assertThat(writer.skippedAfterFailure()).isEqualTo(2);
        assertThat(writer.eventsWritten()).isEqualTo(1);
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.next(new InboundEvent())).isTrue();
            assertThat(reader.next(new InboundEvent())).isFalse();
        }
    }
}
