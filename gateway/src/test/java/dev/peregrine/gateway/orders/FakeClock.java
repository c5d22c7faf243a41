package dev.peregrine.gateway.orders;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanosecond clock that moves only when told; safe to read from the adapter thread. */
final class FakeClock implements LongSupplier
{
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

    @Override
    public long getAsLong()
    {
        return nanos.get();
    }

    void advanceMillis(final long millis)
    {
        nanos.addAndGet(millis * 1_000_000L);
    }
}
