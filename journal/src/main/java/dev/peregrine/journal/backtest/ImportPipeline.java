package dev.peregrine.journal.backtest;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.journal.importer.EventSource;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Import and replay on two threads: an import thread drains an {@link EventSource} (reading and parsing the
 * file) into a ring of pre-allocated events while the backtest's thread feeds the core from the ring behind it,
 * so a run takes about the longer of the two instead of their sum. The events, and their order, are exactly
 * the source's: the core cannot tell. No allocation per event; the slots are written in place by the source.
 *
 * <p>Single producer, single consumer. Each side publishes its position with a release store every
 * {@link #BATCH} events (and whenever it is about to wait, or at the end), and reads the other's with an
 * acquire load only when its cached copy says it must wait, so the two threads share a cache line rarely.
 * The ring's capacity is well above the batch, so neither side can wait for a position the other has not
 * published. A slot handed out by {@link #take()} is the consumer's until its next {@code take()}.
 *
 * <p>A failure of the source (a bad row) is handed over after every event before it: the consumer sees the
 * same events and then the same exception as when it reads the source itself. {@link #close()} stops the
 * import thread, also when the consumer stopped early, so the source can be closed after it.
 */
final class ImportPipeline implements AutoCloseable
{
    private static final int CAPACITY = 1 << 14;
    private static final int MASK = CAPACITY - 1;
    static final int BATCH = 256;

    private final EventSource source;
    private final InboundEvent[] slots = new InboundEvent[CAPACITY];
    /** Events written by the import thread and visible to the consumer. */
    private final AtomicLong published = new AtomicLong();
    /** Events the consumer is done with, so their slots may be written again. */
    private final AtomicLong consumed = new AtomicLong();
    private final Thread importer;
    private volatile boolean ended;
    private volatile boolean stopped;
    private volatile Throwable failure;

    // Consumer side only.
    /**
     * The core runs faster than the file parses, so the consumer is the side that waits: it spins a little (a batch is
     * usually microseconds away), yields, then parks from 10 us up (about 30 events at 3 M/s, far below the ring). On
     * the quiet 2-core machine this took end to end from 2.0-2.6 M to 4.2-4.5 M trades/s against parking at once; on a
     * machine loaded by other builds parking at once did better (the spin takes CPU the parser needs): bench results
     * 2026-12-07-backtest-csv.
     */
    private final IdleStrategy consumerIdle = new BackoffIdleStrategy(100, 10, 10_000, 1_000_000);
    private long taken;
    private long publishedSeen;

    ImportPipeline(final EventSource source)
    {
        this.source = source;
        for (int i = 0; i < CAPACITY; i++)
        {
            slots[i] = new InboundEvent();
        }
        importer = new Thread(this::importAll, "peregrine-backtest-import");
        importer.setDaemon(true);
        importer.start();
    }

    private void importAll()
    {
        final IdleStrategy idle = new BackoffIdleStrategy(64, 16, 1_000, 100_000);
        long next = 0;
        long consumedSeen = 0;
        try
        {
            while (!stopped)
            {
                if (next - consumedSeen >= CAPACITY)
                {
                    published.setRelease(next);
                    consumedSeen = consumed.getAcquire();
                    if (next - consumedSeen >= CAPACITY)
                    {
                        idle.idle();
                        continue;
                    }
                    idle.reset();
                }
                if (!source.next(slots[(int)(next & MASK)]))
                {
                    break;
                }
                next++;
                if ((next & (BATCH - 1)) == 0)
                {
                    published.setRelease(next);
                }
            }
        }
        catch (final Throwable t)
        {
            failure = t;
        }
        finally
        {
            published.setRelease(next);
            ended = true;
        }
    }

    /**
     * The next event, or null at the end of the source.
     *
     * @throws RuntimeException the source's own failure (an {@code ImportException} naming the bad row), after
     *                          every event before it was taken
     */
    InboundEvent take()
    {
        if ((taken & (BATCH - 1)) == 0)
        {
            consumed.setRelease(taken);
        }
        while (taken == publishedSeen)
        {
            publishedSeen = published.getAcquire();
            if (taken < publishedSeen)
            {
                break;
            }
            consumed.setRelease(taken);
            if (ended)
            {
                publishedSeen = published.getAcquire(); // the last publication comes before ended is set
                if (taken == publishedSeen)
                {
                    return endOrFailure();
                }
                break;
            }
            consumerIdle.idle();
        }
        consumerIdle.reset();
        return slots[(int)(taken++ & MASK)];
    }

    private InboundEvent endOrFailure()
    {
        final Throwable t = failure;
        if (t == null)
        {
            return null;
        }
        if (t instanceof RuntimeException)
        {
            throw (RuntimeException)t;
        }
        if (t instanceof Error)
        {
            throw (Error)t;
        }
        throw new IllegalStateException(t);
    }

    /** Stops the import thread (at once if the consumer stopped early); the source's owner closes it after. */
    @Override
    public void close()
    {
        stopped = true;
        boolean interrupted = false;
        while (importer.isAlive())
        {
            try
            {
                importer.join();
            }
            catch (final InterruptedException e)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }
}
