package dev.peregrine.ops.engine;

import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.agent.AgentThreads;
import dev.peregrine.journal.JournalRetention;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingIdleStrategy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies the journal's retention policy on a thread of its own ({@code peregrine-journal-retention}):
 * once when started and then every {@code periodSeconds}. Never on the journal or core thread: deleting
 * files and listing a folder block. A failed pass is counted and kept for the operator; the next pass tries
 * again (the engine trades on: retention is housekeeping, and the disk-space metrics warn before it matters).
 * An Agrona agent: its duty cycle runs a pass when one is due, and {@link AgentThreads} runs it on
 * {@code peregrine-journal-retention}; a test calls {@link #runOnce()} or drives {@link #doWork()} inline.
 */
public final class JournalHousekeeper implements Agent, AutoCloseable
{
    /** How long an idle duty cycle sleeps: passes are a minute apart, so a tenth of a second late is nothing. */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final JournalRetention retention;
    private long periodNanos = Long.MAX_VALUE;
    private long nextPassNanos;
    private AgentRunner runner;
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong filesDeleted = new AtomicLong();
    private final AtomicLong bytesDeleted = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure;

    public JournalHousekeeper(final JournalRetention retention)
    {
        this.retention = retention;
    }

    /** Runs a pass now and then every {@code periodSeconds}, on its own thread; its errors count in {@code errors}. */
    public void start(final long periodSeconds, final AgentErrors errors)
    {
        periodNanos = TimeUnit.SECONDS.toNanos(periodSeconds);
        runner = AgentThreads.start(this, new SleepingIdleStrategy(IDLE_NANOS), errors);
    }

    @Override
    public void onStart()
    {
        nextPassNanos = System.nanoTime(); // the first pass at once
    }

    /** A pass when one is due (a fixed delay after the last one ended); 1 if it ran. */
    @Override
    public int doWork()
    {
        if (System.nanoTime() - nextPassNanos < 0)
        {
            return 0;
        }
        runOnce();
        nextPassNanos = System.nanoTime() + periodNanos;
        return 1;
    }

    @Override
    public String roleName()
    {
        return "peregrine-journal-retention";
    }

    /** One pass, on the calling thread (the agent's, or a test's). */
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
            // counted and kept, never thrown into the agent runner, which would count it as the agent's error.
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

    /** Stops the agent's thread, after the pass under way if any; a housekeeper never started has none. */
    @Override
    public void close()
    {
        if (runner != null)
        {
            runner.close();
        }
    }
}
