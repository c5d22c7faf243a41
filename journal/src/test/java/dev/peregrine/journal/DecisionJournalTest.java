package dev.peregrine.journal;

import dev.peregrine.core.decision.DecisionQueue;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RejectReason;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decision records through the queue into their Chronicle journal and back, field for field. */
class DecisionJournalTest
{
    @TempDir
    Path dir;

    private static DecisionRecord decision(final long orderId, final RejectReason outcome, final int values)
    {
        final DecisionRecord note = new DecisionRecord().signal("signal-" + orderId % 3);
        for (int i = 0; i < values; i++)
        {
            note.value("v" + i, orderId * 1.5 + i);
        }
        final DecisionRecord r = new DecisionRecord();
        r.record(note, (int)(orderId % 4), orderId, (int)(orderId % 2), orderId % 2 == 0 ? Side.BUY : Side.SELL,
            orderId % 3 == 0 ? OrderType.MARKET : OrderType.LIMIT, orderId * 1_000_000L, orderId * 7L, 1_000L + orderId,
            EventType.TRADE);
        r.book(100L + orderId, 5L, 101L + orderId, 6L);
        r.verdict(-orderId, outcome == RejectReason.NONE ? 12 : 4, outcome);
        return r;
    }

    @Test
    void decisionsComeBackFieldForFieldInOrder()
    {
        final List<Long> written = new ArrayList<>();
        final SingleWriterCounter dropped = new SingleWriterCounter("dropped");
        final DecisionQueue queue = new DecisionQueue(8, dropped);
        try (DecisionJournal journal = DecisionJournal.open(dir))
        {
            for (long id = 1; id <= 100; id++)
            {
                final DecisionRecord r = decision(id, id % 5 == 0 ? RejectReason.MAX_POSITION : RejectReason.NONE, (int)(id % 9));
                written.add(r.hash(Hash64.SEED));
                queue.append(r);
                if (id % 8 == 0)
                {
                    queue.drain(journal); // the outbound stage drains after every input
                }
            }
            queue.drain(journal);
            assertThat(journal.written()).isEqualTo(100);
            assertThat(journal.failures()).isZero();
        }
        assertThat(dropped.get()).isZero();

        final List<Long> read = new ArrayList<>();
        try (DecisionJournalReader reader = DecisionJournalReader.open(dir))
        {
            final DecisionRecord r = new DecisionRecord();
            while (reader.next(r))
            {
                read.add(r.hash(Hash64.SEED));
                if (r.orderId() == 10)
                {
                    assertThat(r.signal()).isEqualTo("signal-1");
                    assertThat(r.valueCount()).isEqualTo(1);
                    assertThat(r.valueName(0)).isEqualTo("v0");
                    assertThat(r.value(0)).isEqualTo(15.0);
                    assertThat(r.outcome()).isEqualTo(RejectReason.MAX_POSITION);
                    assertThat(r.checksPassed()).isEqualTo(4);
                    assertThat(r.position()).isEqualTo(-10);
                    assertThat(r.askPrice()).isEqualTo(111);
                }
            }
            assertThat(reader.decisionsRead()).isEqualTo(100);
        }
        assertThat(read).isEqualTo(written);
    }

    @Test
    void aFullQueueCountsWhatItDropsAndNeverBlocksTheCore()
    {
        final SingleWriterCounter dropped = new SingleWriterCounter("dropped");
        final DecisionQueue queue = new DecisionQueue(4, dropped);
        for (long id = 1; id <= 6; id++)
        {
            queue.append(decision(id, RejectReason.NONE, 1));
        }
        assertThat(dropped.get()).isEqualTo(2);
        final List<Long> drained = new ArrayList<>();
        queue.drain(r -> drained.add(r.orderId()));
        assertThat(drained).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aJournalWithoutDecisionsAndANewerFormatAreClearErrors()
    {
        assertThat(DecisionJournalReader.exists(dir)).isFalse();
        assertThatThrownBy(() -> DecisionJournalReader.open(dir))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("has no decision journal").hasMessageContaining("--replay");

        try (SingleChronicleQueue raw = SingleChronicleQueueBuilder.binary(dir.resolve(DecisionJournal.FOLDER))
            .rollCycle(JournalWriter.DEFAULT_ROLL_CYCLE).build();
            ExcerptAppender appender = raw.createAppender())
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                DecisionRecordCodec.write(dc.wire().bytes(), decision(1, RejectReason.NONE, 2));
            }
            try (DocumentContext dc = appender.writingDocument())
            {
                final Bytes<?> bytes = dc.wire().bytes();
                bytes.writeByte(DecisionRecordCodec.DECISION);
                bytes.writeShort((short)(DecisionRecordCodec.FORMAT_VERSION + 1));
            }
        }
        try (DecisionJournalReader reader = DecisionJournalReader.open(dir))
        {
            final DecisionRecord r = new DecisionRecord();
            assertThat(reader.next(r)).isTrue();
            assertThatThrownBy(() -> reader.next(r))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("decision record 2")
                .hasMessageContaining("newer than this engine reads");
        }
    }

    @Test
    void aDecisionJournalNothingWasWrittenToReadsAsEmpty()
    {
        DecisionJournal.open(dir).close();
        assertThat(DecisionJournalReader.exists(dir)).isTrue();
        try (DecisionJournalReader reader = DecisionJournalReader.open(dir))
        {
            assertThat(reader.next(new DecisionRecord())).isFalse();
            assertThat(reader.decisionsRead()).isZero();
        }
    }

    @Test
    void aDamagedRecordFailsItsChecksum()
    {
        try (SingleChronicleQueue raw = SingleChronicleQueueBuilder.binary(dir.resolve(DecisionJournal.FOLDER))
            .rollCycle(JournalWriter.DEFAULT_ROLL_CYCLE).build();
            ExcerptAppender appender = raw.createAppender())
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                final Bytes<?> bytes = dc.wire().bytes();
                final long start = bytes.writePosition();
                DecisionRecordCodec.write(bytes, decision(3, RejectReason.NONE, 2));
                bytes.writeLong(start + 7, 4242L); // a different order id under the old checksum
            }
        }
        try (DecisionJournalReader reader = DecisionJournalReader.open(dir))
        {
            assertThatThrownBy(() -> reader.next(new DecisionRecord()))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("decision record 1")
                .hasMessageContaining("checksum");
        }
    }
}
