package dev.peregrine.gateway.coinbase.emulator;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * The venue's request rate limits, when a test turns them on: at most {@code perSecond} requests in any one
 * second, public and private endpoints counted apart (Coinbase documents 10 a second per IP for public ones
 * and 30 a second per user for private ones). Off by default, so that the adapter's tests, whose throttle may
 * burst past a sliding second, stay deterministic. Called under the emulator's lock.
 */
final class EmulatorRateLimit
{
    /** The documented limits. */
    static final int PUBLIC_PER_SECOND = 10;
    static final int PRIVATE_PER_SECOND = 30;

    private final LongSupplier epochMillis;
    private final ArrayDeque<Long> publicTimes = new ArrayDeque<>();
    private final ArrayDeque<Long> privateTimes = new ArrayDeque<>();
    private int publicLimit;
    private int privateLimit;

    EmulatorRateLimit(final LongSupplier epochMillis)
    {
        this.epochMillis = epochMillis;
    }

    /** 0 turns a limit off. */
    void limits(final int publicPerSecond, final int privatePerSecond)
    {
        publicLimit = publicPerSecond;
        privateLimit = privatePerSecond;
        publicTimes.clear();
        privateTimes.clear();
    }

    /** Counts one request; false when it is over its limit (it is not counted then). */
    boolean admit(final boolean open)
    {
        final int limit = open ? publicLimit : privateLimit;
        if (limit <= 0)
        {
            return true;
        }
        final ArrayDeque<Long> times = open ? publicTimes : privateTimes;
        final long now = epochMillis.getAsLong();
        while (!times.isEmpty() && times.peekFirst() <= now - 1000)
        {
            times.pollFirst();
        }
        if (times.size() >= limit)
        {
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** The limit that applies, for the {@code x-ratelimit-limit} header. */
    int limit(final boolean open)
    {
        final int limit = open ? publicLimit : privateLimit;
        return limit > 0 ? limit : open ? PUBLIC_PER_SECOND : PRIVATE_PER_SECOND;
    }
}
