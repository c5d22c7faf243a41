package dev.peregrine.ops.engine;

import dev.peregrine.journal.JournalRetention;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies the journal's retention policy on a thread of its own ({@code peregrine-journal-retention}):
 * once when started and then every {@code periodSeconds}. Never on the journal or core thread: deleting
 * files and listing a folder block. A failed pass is counted and kept for the operator; the next pass tries
 * again (the engine trades on: retention is housekeeping, and the disk-space metrics warn before it matters).
 */
public final class JournalHousekeeper implements AutoCloseable
{
    private final JournalRetention retention;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong filesDeleted = new AtomicLong();
    private final AtomicLong bytesDeleted = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure;

    public JournalHousekeeper(final JournalRetention retention)
    {
        this.retention = retention;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r ->
        {
            final Thread t = new Thread(r, "peregrine-journal-retention");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs a pass now and then every {@code periodSeconds}. */
    public void start(final long periodSeconds)
    {
        scheduler.scheduleWithFixedDelay(this::runOnce, 0, periodSeconds, TimeUnit.SECONDS);
    }

    /** One pass, on the calling thread (the scheduler's, or a test's). */
    public void runOnce()
    {
        try
        {
            final JournalRetention.Result result = retention.apply();
            filesDeleted.addAndGet(result.deleted().size());
            bytesDeleted.addAndGet(result.bytesDeleted());
        }
        catch (final RuntimeException ex)
        {
            // JournalException (a file that cannot be deleted, a folder that is not a journal) or worse:
            // counted and kept, never thrown into the scheduler, which would stop every later pass.
            failures.incrementAndGet();
            lastFailure = ex.getMessage();
        }
        passes.incrementAndGet();
    }

    public long passes()
    {
        return passes.get();
    }

    public long filesDeleted()
    {
        return filesDeleted.get();
    }

    public long bytesDeleted()
    {
        return bytesDeleted.get();
    }

    public long failures()
    {
        return failures.get();
    }

    /** The last failed pass's reason, or null. */
    public String lastFailure()
    {
        return lastFailure;
    }

    @Override
    public void close()
    {
        scheduler.shutdownNow();
        try
        {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
