package dev.peregrine.journal;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.InboundEvent;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An engine that restarts on a journal whose last record was torn (a power loss cut its body) marks that
 * record before it appends, so the journal stays readable: the torn record and its mark are skipped, every
 * event before and after it reads back field for field, and a replay covers them all. Without the mark,
 * appending would leave the torn record in the middle, where it is corruption.
 */
class TornTailRepairTest
{
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000);

    @TempDir
    Path dir;

    private final MarketStream stream = new MarketStream(11);
    private final List<InboundEvent> written = new ArrayList<>();

    private void append(final JournalWriter writer, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final InboundEvent e = new InboundEvent();
            stream.next(e);
            writer.onEvent(e, written.size(), true);
            written.add(e);
        }
    }

    private List<InboundEvent> readAll(final long[] repaired)
    {
        final List<InboundEvent> read = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir))
        {
            InboundEvent slot = new InboundEvent();
            while (reader.next(slot))
            {
                read.add(slot);
                slot = new InboundEvent();
            }
            assertThat(reader.tornTail()).isNull();
            repaired[0] = reader.repairedTails();
        }
        return read;
    }

    @Test
    void aRestartMarksTheTornRecordAndEverythingAroundItReadsBack() throws IOException
    {
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
        {
            append(writer, 50);
        }
        final long tornIndex = QueueTearing.tearLastRecord(dir);
        final InboundEvent torn = written.remove(written.size() - 1);

        // What a restart's recovery sees: 49 events, then the torn record, ignored and named.
        try (JournalReader reader = JournalReader.open(dir))
        {
            final InboundEvent slot = new InboundEvent();
            int n = 0;
            while (reader.next(slot))
            {
                n++;
            }
            assertThat(n).isEqualTo(49);
            assertThat(reader.tornTailIndex()).isEqualTo(tornIndex);
        }
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
        {
            writer.repairTornTail(tornIndex);
            append(writer, 20);
        }

        final long[] repaired = new long[1];
        final List<InboundEvent> read = readAll(repaired);
        assertThat(repaired[0]).isEqualTo(1);
        assertThat(read).hasSize(69);
        for (int i = 0; i < read.size(); i++)
        {
            assertThat(read.get(i)).as("event %d", i).usingRecursiveComparison().isEqualTo(written.get(i));
        }
        assertThat(read).noneSatisfy(e -> assertThat(e).usingRecursiveComparison().isEqualTo(torn));
        assertThat(Replay.run(TestProducts.CATALOG, dir).events()).isEqualTo(69);
    }

    @Test
    void withoutTheMarkOrWithAWrongOneTheTornRecordIsCorruptionOnceSomethingFollows() throws IOException
    {
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
        {
            append(writer, 30);
        }
        final long tornIndex = QueueTearing.tearLastRecord(dir);
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
        {
            writer.repairTornTail(tornIndex + 1); // names another record
            append(writer, 5);
        }
        assertThatThrownBy(() -> readAll(new long[1]))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("record at index 0x" + Long.toHexString(tornIndex));
    }

    @Test
    void aTailRepairRecordWithNoTornRecordBeforeItIsCorruption()
    {
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
        {
            append(writer, 10);
        }
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build();
             ExcerptAppender appender = queue.createAppender();
             DocumentContext dc = appender.writingDocument())
        {
            JournalRecordCodec.writeTailRepair(dc.wire().bytes(), 12345L);
        }
        assertThatThrownBy(() -> readAll(new long[1]))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("is a tail repair with no torn record before it");
    }
}
