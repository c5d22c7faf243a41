package dev.peregrine.gateway.resilience;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanosecond clock that moves only when told; safe to read from the adapter thread. */
public final class FakeClock implements LongSupplier
{
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

    @Override
    public long getAsLong()
    {
        return nanos.get();
    }

    public void advanceMillis(final long millis)
    {
        nanos.addAndGet(millis * 1_000_000L);
    }
}
