package dev.peregrine.journal;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader opened while the engine is still writing (what {@code GET /admin/decisions} does on every call)
 * sees whole decisions only, and never reports the writer's decision in progress as damage.
 */
class DecisionJournalLiveReadTest
{
    private static final long WRITTEN = 5_000;

    @TempDir
    Path dir;

    @Test
    void readersOpenedDuringWritesSeeOnlyWholeDecisionsAndNoDamage() throws Exception
    {
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        final Thread writer = new Thread(() ->
        {
            try (DecisionJournal journal = DecisionJournal.open(dir))
            {
                final DecisionRecord note = new DecisionRecord().signal("live");
                final DecisionRecord r = new DecisionRecord();
                for (long id = 1; id <= WRITTEN && !done.get(); id++)
                {
                    r.record(note, 0, id, 0, Side.BUY, OrderType.LIMIT, id, id, id, EventType.TRADE);
                    r.book(100, 1, 101, 1);
                    r.verdict(0, 12, RejectReason.NONE);
                    journal.write(r);
                    LockSupport.parkNanos(200_000); // the pace of a busy engine, so readers open mid-run many times
                }
            }
            catch (final Throwable t)
            {
                writerFailure.set(t);
            }
        }, "decision-writer");
        writer.start();
        try
        {
            long lastSeen = 0;
            final DecisionRecord r = new DecisionRecord();
            int opens = 0;
            while (writer.isAlive())
            {
                if (!DecisionJournalReader.exists(dir))
                {
                    Thread.onSpinWait();
                    continue;
                }
                long count = 0;
                try (DecisionJournalReader reader = DecisionJournalReader.open(dir))
                {
                    while (reader.next(r))
                    {
                        count++;
                        assertThat(r.orderId()).as("decisions in order, none torn").isEqualTo(count);
                    }
                }
                assertThat(count).as("a later reader sees at least what an earlier one saw").isGreaterThanOrEqualTo(lastSeen);
                lastSeen = count;
                if (count > 0)
                {
                    opens++;
                }
            }
            assertThat(opens).as("readers that found decisions while the writer wrote").isGreaterThan(20);
            assertThat(lastSeen).isPositive();
        }
        finally
        {
            done.set(true);
            writer.join();
        }
        assertThat(writerFailure.get()).isNull();
    }

    @Test
    void aReaderRacingTheFirstDecisionSeesNothingOrAWholeOne() throws Exception
    {
        for (int round = 0; round < 40; round++)
        {
            final Path journal = dir.resolve("round-" + round);
            final AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            final Thread writer = new Thread(() ->
            {
                try (DecisionJournal decisions = DecisionJournal.open(journal))
                {
                    final DecisionRecord r = new DecisionRecord();
                    r.record(new DecisionRecord().signal("first"), 0, 1, 0, Side.BUY, OrderType.LIMIT, 1, 1, 1, EventType.TRADE);
                    r.verdict(0, 12, RejectReason.NONE);
                    decisions.write(r);
                }
                catch (final Throwable t)
                {
                    writerFailure.set(t);
                }
            }, "first-decision");
            writer.start();
            final DecisionRecord r = new DecisionRecord();
            long seen = 0;
            while (seen == 0)
            {
                if (DecisionJournalReader.exists(journal))
                {
                    try (DecisionJournalReader reader = DecisionJournalReader.open(journal))
                    {
                        while (reader.next(r))
                        {
                            seen++;
                            assertThat(r.orderId()).isEqualTo(1);
                        }
                    }
                }
                if (!writer.isAlive() && seen == 0)
                {
                    writer.join();
                    assertThat(writerFailure.get()).isNull();
                }
            }
            writer.join();
            assertThat(seen).isEqualTo(1);
        }
    }
}
