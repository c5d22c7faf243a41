package dev.peregrine.bench.cluster;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How the bench's thread waits for an event to be applied, the same for the ring and the cluster: spin a little, then
 * yield (as the Disruptor's yielding strategy and the hand-off benchmark wait). The latency is read from the applying
 * thread's own timestamp ({@link AppliedTimes}), so the waiter's wake-up delay is not in the figure; it only shares
 * the two cores with the threads it waits for.
 */
final class AppliedWait
{
    private static final int SPIN_TRIES = 100;

    private AppliedWait()
    {
    }

    /** Waits until {@code applied} reaches {@code count}, failing after {@code timeoutNanos}. */
    static void await(final LongSupplier applied, final long count, final long timeoutNanos, final String what)
    {
        int tries = SPIN_TRIES;
        long deadline = 0;
        while (applied.getAsLong() < count)
        {
            if (tries > 0)
            {
                tries--;
                Thread.onSpinWait();
                continue;
            }
            if (deadline == 0)
            {
                deadline = System.nanoTime() + timeoutNanos;
            }
            else if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException(what + ": " + applied.getAsLong() + " of " + count + " events applied after " +
                    TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
            }
            Thread.yield();
        }
    }
}
