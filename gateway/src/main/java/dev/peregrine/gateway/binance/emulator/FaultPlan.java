package dev.peregrine.gateway.binance.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The faults injected into the emulator: each the next N requests to a path (or any path) get. */
final class FaultPlan
{
    private static final class Injected
    {
        final BinanceEmulatorFault fault;
        final String path;
        int remaining;

        Injected(final BinanceEmulatorFault fault, final String path, final int remaining)
        {
            this.fault = fault;
            this.path = path;
            this.remaining = remaining;
        }
    }

    private final List<Injected> faults = new ArrayList<>();
    private long holdMillis = 10_000;

    void inject(final BinanceEmulatorFault fault, final String path, final int count)
    {
        if (count < 1)
        {
            throw new IllegalArgumentException("fault " + fault + " injected for " + count + " requests: need at least 1");
        }
        faults.add(new Injected(fault, path, count));
    }

    void clear()
    {
        faults.clear();
    }

    void holdMillis(final long millis)
    {
        holdMillis = millis;
    }

    long holdMillis()
    {
        return holdMillis;
    }

    /** The fault the next request to {@code path} gets (used up by this call), or null. */
    BinanceEmulatorFault next(final String path)
    {
        final Iterator<Injected> it = faults.iterator();
        while (it.hasNext())
        {
            final Injected injected = it.next();
            if (injected.path == null || injected.path.equals(path))
            {
                if (--injected.remaining == 0)
                {
                    it.remove();
                }
                return injected.fault;
            }
        }
        return null;
    }
}
