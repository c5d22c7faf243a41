package dev.peregrine.journal;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RejectReason;
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
 * The decision journal's last record torn (a full disk or a crash cut its write; the rest of its page is
 * zeros): readers ignore it and say so, a restart marks it before appending, and afterwards every decision
 * before and after it reads back. A torn-looking record with decisions after it and no mark stays damage.
 */
class DecisionTornTailRepairTest
{
    @TempDir
    Path dir;

    private static DecisionRecord decision(final long orderId)
    {
        final DecisionRecord note = new DecisionRecord().signal("sig-" + orderId);
        note.value("v", orderId * 0.5);
        final DecisionRecord r = new DecisionRecord();
        r.record(note, 1, orderId, 0, Side.BUY, OrderType.MARKET, orderId * 1_000_000L, 0, 1_000L + orderId, EventType.TRADE);
        r.book(100L, 5L, 101L, 6L);
        r.verdict(0, 12, RejectReason.NONE);
        return r;
    }

    private void write(final long fromId, final long toId)
    {
        try (DecisionJournal journal = DecisionJournal.open(dir))
        {
            for (long id = fromId; id <= toId; id++)
            {
                journal.write(decision(id));
            }
            assertThat(journal.failures()).isZero();
        }
    }

    private List<Long> readIds(final long[] repaired)
    {
        final List<Long> ids = new ArrayList<>();
        try (DecisionJournalReader reader = DecisionJournalReader.open(dir))
        {
            final DecisionRecord r = new DecisionRecord();
            while (reader.next(r))
            {
                ids.add(r.orderId());
            }
            assertThat(reader.tornTail()).isNull();
            repaired[0] = reader.repairedTails();
        }
        return ids;
    }

    @Test
    void aTornLastDecisionIsIgnoredThenMarkedByTheRestartAndEverythingElseReadsBack() throws IOException
    {
        write(1, 20);
        QueueTearing.tearLastRecord(dir.resolve(DecisionJournal.FOLDER));

        try (DecisionJournalReader reader = DecisionJournalReader.open(dir))
        {
            final DecisionRecord r = new DecisionRecord();
            long count = 0;
            while (reader.next(r))
            {
                count++;
            }
            assertThat(count).isEqualTo(19);
            assertThat(reader.tornTail()).contains("decision record 20").contains("is cut short").contains("ignored");
            assertThat(reader.tornTailIndex()).isNotNegative();
        }

        write(21, 30); // the restart: open marks the torn decision, then appends
        final long[] repaired = new long[1];
        final List<Long> ids = readIds(repaired);
        final List<Long> expected = new ArrayList<>();
        for (long id = 1; id <= 30; id++)
        {
            if (id != 20)
            {
                expected.add(id);
            }
        }
        assertThat(ids).isEqualTo(expected);
        assertThat(repaired[0]).isEqualTo(1);

        write(31, 31); // a later restart finds nothing to mark
        assertThat(readIds(repaired)).hasSize(30).endsWith(31L);
        assertThat(repaired[0]).isEqualTo(1);
    }

    @Test
    void aTornLookingDecisionWithDecisionsAfterItAndNoMarkIsDamage() throws IOException
    {
        write(1, 5);
        QueueTearing.tearLastRecord(dir.resolve(DecisionJournal.FOLDER));
        // Appended by something that did not mark it (an older engine): the record is now mid-journal damage.
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir.resolve(DecisionJournal.FOLDER)).build();
             var appender = queue.createAppender();
             DocumentContext dc = appender.writingDocument())
        {
            DecisionRecordCodec.write(dc.wire().bytes(), decision(6));
        }
        assertThatThrownBy(() ->
        {
            try (DecisionJournalReader reader = DecisionJournalReader.open(dir))
            {
                final DecisionRecord r = new DecisionRecord();
                while (reader.next(r))
                {
                    assertThat(r.hash(Hash64.SEED)).isNotZero();
                }
            }
        }).isInstanceOf(JournalException.class).hasMessageContaining("decision record 5");
    }
}
