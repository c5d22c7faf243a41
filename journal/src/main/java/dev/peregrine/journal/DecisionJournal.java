package dev.peregrine.journal;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.decision.DecisionSink;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes decision records ({@link DecisionRecordCodec}) to {@code <journal>/decisions}, a Chronicle
 * Queue of its own so the input journal stays inputs only and its writer is never contended.
 *
 * <p>A failed write is counted and ends the decision journal there, but does not halt trading: the
 * decisions are outputs, regenerated exactly by replaying the input journal ({@code ./peregrine
 * decisions --replay}), so the audit trail is never lost, only this copy of it.
 *
 * <p>Threads: {@link #write} on one thread (the outbound stage's); counters from any thread.
 */
public final class DecisionJournal implements DecisionSink, AutoCloseable
{
    /** The folder inside a journal folder that holds its decisions. */
    public static final String FOLDER = "decisions";

    private final Path dir;
    private final SingleChronicleQueue queue;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private ExcerptAppender appender;
    private volatile Throwable failure;
    private long repairedTail = -1;
    /** As the input journal's: no write into a page the volume cannot back (see {@link VolumeReserve}). */
    private final VolumeReserve reserve;
    /** What one decision is charged against the reserve: more than most (signal text and values included). */
    private static final int RECORD_BYTES_CHARGED = 512;

    private DecisionJournal(final Path dir, final SingleChronicleQueue queue)
    {
        this.dir = dir;
        this.queue = queue;
        this.reserve = VolumeReserve.of(dir);
    }

    /** Opens (or creates) the decision journal of the journal in {@code journalDir}. */
    public static DecisionJournal open(final Path journalDir)
    {
        final Path dir = journalDir.resolve(FOLDER);
        JournalFolder.prepareForWriting(dir);
        JournalIntegrity.checkBeforeAppending(dir, JournalWriter.DEFAULT_ROLL_CYCLE);
        VolumeReserve.of(dir).checkAtOpen();
        // A torn last decision (a crash or a full disk) is marked before anything is appended after it, or it
        // would sit in the middle of the decision journal and every reader would refuse it as damage.
        final long torn = DecisionJournalReader.tornTailOf(journalDir);
        final DecisionJournal journal = new DecisionJournal(dir, JournalFolder.openQueue(dir, JournalWriter.DEFAULT_ROLL_CYCLE, false));
        if (torn >= 0)
        {
            try (ExcerptAppender repair = journal.queue.createAppender(); DocumentContext dc = repair.writingDocument())
            {
                DecisionTailRepair.write(dc.wire().bytes(), torn);
            }
            journal.repairedTail = torn;
        }
        return journal;
    }

    @Override
    public void write(final DecisionRecord record)
    {
        if (failure != null)
        {
            failures.lazySet(failures.get() + 1);
            return;
        }
        try
        {
            reserve.claim(RECORD_BYTES_CHARGED);
            if (appender == null)
            {
                appender = queue.createAppender();
            }
            try (DocumentContext dc = appender.writingDocument())
            {
                try
                {
                    DecisionRecordCodec.write(dc.wire().bytes(), record);
                }
                catch (final RuntimeException | Error e)
                {
                    dc.rollbackOnClose();
                    throw e;
                }
            }
            written.lazySet(written.get() + 1);
        }
        catch (final RuntimeException | InternalError e)
        {
            // InternalError: a page of the mapped file the volume could not back (a full disk).
            failure = e;
            failures.lazySet(failures.get() + 1);
        }
    }

    /** Index of the torn last decision {@link #open} found and marked, or -1. */
    public long repairedTail()
    {
        return repairedTail;
    }

    /** Decisions written by this session. Any thread. */
    public long written()
    {
        return written.get();
    }

    /** Decisions not written (the first failure and every one after it). Any thread. */
    public long failures()
    {
        return failures.get();
    }

    /** The first write failure, or null. */
    public Throwable failure()
    {
        return failure;
    }

    public Path directory()
    {
        return dir;
    }

    /** Call once the writing thread has stopped. */
    @Override
    public void close()
    {
        if (appender != null)
        {
            appender.close();
            appender = null;
        }
        queue.close();
    }
}
