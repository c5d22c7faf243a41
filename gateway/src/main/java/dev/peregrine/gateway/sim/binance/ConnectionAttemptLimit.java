package dev.peregrine.gateway.sim.binance;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/** Binance's limit on stream connections per IP: at most {@code limit} attempts in any {@code windowNanos}. Loop thread only. */
final class ConnectionAttemptLimit
{
    private final int limit;
    private final long windowNanos;
    private final Map<String, ArrayDeque<Long>> attempts = new HashMap<>();

    ConnectionAttemptLimit(final int limit, final long windowNanos)
    {
        this.limit = limit;
        this.windowNanos = windowNanos;
    }

    /** Counts an attempt from {@code ip} at {@code nowNanos}; false when it is one too many. */
    boolean admit(final String ip, final long nowNanos)
    {
        final ArrayDeque<Long> times = attempts.computeIfAbsent(ip, key -> new ArrayDeque<>());
        while (!times.isEmpty() && nowNanos - times.peekFirst() >= windowNanos)
        {
            times.removeFirst();
        }
        if (times.size() >= limit)
        {
            return false;
        }
        times.addLast(nowNanos);
        return true;
    }
}
