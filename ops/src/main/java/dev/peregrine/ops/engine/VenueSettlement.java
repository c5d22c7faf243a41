package dev.peregrine.ops.engine;

import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.ring.InboundRing;

import java.util.concurrent.TimeUnit;

/**
 * Before a live venue closes: waits (at most {@link #SETTLE_MILLIS}) until no order awaits the venue's word (an
 * unanswered new or cancel, an unfinished market or IOC order) and its answers have passed the ring. Without it,
 * an order released just before the stop fills at the venue while the engine, closing, never hears of it: the
 * summary's position would be wrong until a restart reconciled it. What is still open at the deadline stays
 * open in the journal, and the next start reconciles it.
 */
final class VenueSettlement
{
    /** Longest a stop waits for the venue to answer the orders in flight. */
    static final long SETTLE_MILLIS = 5_000;

    private VenueSettlement()
    {
    }

    static void await(final InboundRing ring, final CoreMetrics coreMetrics) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        while (System.nanoTime() < deadline)
        {
            ring.awaitIdle(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (coreMetrics.awaitingVenue.get() == 0)
            {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(10); // answers arrive from the venue's thread; the gauge follows them
        }
    }
}
