package dev.peregrine.gateway.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a bounded deadline, checking it every millisecond: no fixed sleeps. */
public final class Await
{
    private Await()
    {
    }

    /** As {@link #until(String, Duration, BooleanSupplier)}, naming {@code state} in the timeout's message. */
    public static void until(final String what, final Duration timeout, final BooleanSupplier condition,
        final java.util.function.Supplier<String> state)
    {
        try
        {
            until(what, timeout, condition);
        }
        catch (final AssertionError timedOut)
        {
            throw new AssertionError(timedOut.getMessage() + " (" + state.get() + ")", timedOut);
        }
    }

    public static void until(final String what, final Duration timeout, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }
}
