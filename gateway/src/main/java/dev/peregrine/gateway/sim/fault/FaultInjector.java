package dev.peregrine.gateway.sim.fault;

import java.time.Duration;

/**
 * Faults a test injects into a running simulated exchange, over its real sockets:
 * {@code exchange.faults().disconnectAll()}, {@code .stall(Duration)}, {@code .skipSequence(n)},
 * {@code .sendGarbage()}, {@code .sendOversized(bytes)}. Each returns the number of sessions it touched
 * (stall: of sessions open when it started). Any thread; the work runs on the simulator's event loop.
 */
public final class FaultInjector
{
    /** Not JSON: the decoder must count it as malformed and keep the connection. */
    public static final String GARBAGE = "{\"channel\":\"ticker\",\"events\":[{]";

    private final FaultTarget target;

    public FaultInjector(final FaultTarget target)
    {
        this.target = target;
    }

    /** Closes every connection abruptly. */
    public int disconnectAll()
    {
        return target.onSessions(sessions -> sessions.forEach(SessionControl::disconnect));
    }

    /** Sends no market data for {@code duration}; heartbeats continue, so the socket stays alive. */
    public int stall(final Duration duration)
    {
        return stall(duration, false);
    }

    /** Sends no market data, and heartbeats neither if {@code heartbeatsToo}, for {@code duration}. */
    public int stall(final Duration duration, final boolean heartbeatsToo)
    {
        target.pauseData(System.nanoTime() + duration.toNanos(), heartbeatsToo);
        return target.onSessions(sessions -> { });
    }

    /** Every session skips the next {@code count} sequence numbers. */
    public int skipSequence(final long count)
    {
        if (count <= 0)
        {
            throw new IllegalArgumentException("count must be > 0, was " + count);
        }
        return target.onSessions(sessions -> sessions.forEach(s -> s.skipSequence(count)));
    }

    /** Sends {@link #GARBAGE} to every session. */
    public int sendGarbage()
    {
        return target.onSessions(sessions -> sessions.forEach(s -> s.sendText(GARBAGE)));
    }

    /** Sends a syntactically valid text frame of exactly {@code bytes} bytes to every session. */
    public int sendOversized(final int bytes)
    {
        if (bytes < 16)
        {
            throw new IllegalArgumentException("bytes must be >= 16, was " + bytes);
        }
        final String frame = "{\"pad\":\"" + "x".repeat(bytes - 10) + "\"}";
        return target.onSessions(sessions -> sessions.forEach(s -> s.sendText(frame)));
    }
}
