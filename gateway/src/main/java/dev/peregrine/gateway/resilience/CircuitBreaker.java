package dev.peregrine.gateway.resilience;

import java.util.function.LongSupplier;

/**
 * Stops sending to a venue that keeps failing, so that orders fail fast instead of piling up behind
 * time-outs.
 *
 * <pre>
 * CLOSED ──N consecutive failures──▶ OPEN ──cool-down elapsed, next request──▶ HALF_OPEN (one probe)
 *   ▲                                  ▲                                           │
 *   └────────── probe succeeds ────────┼───────────────────────────────────────────┤
 *                                      └────────────── probe fails ────────────────┘
 * </pre>
 *
 * <p>A success in CLOSED resets the failure streak. In HALF_OPEN only the probe goes through; every
 * other request is rejected until the probe's answer arrives.
 *
 * <p>Single writer (the adapter thread); {@link #state()} and the counters may be read from any thread.
 */
public final class CircuitBreaker
{
    public enum State
    {
        CLOSED, OPEN, HALF_OPEN
    }

    /** Told about every transition, on the writer thread. */
    @FunctionalInterface
    public interface TransitionListener
    {
        void onTransition(State from, State to);
    }

    private final int failureThreshold;
    private final long coolDownNanos;
    private final LongSupplier nanoClock;
    private final TransitionListener listener;
    private volatile State state = State.CLOSED;
    private volatile long transitions;
    private int consecutiveFailures;
    private long openedAtNanos;
    private boolean probeInFlight;

    public CircuitBreaker(final int failureThreshold, final long coolDownNanos, final LongSupplier nanoClock,
        final TransitionListener listener)
    {
        if (failureThreshold < 1 || coolDownNanos < 0)
        {
            throw new IllegalArgumentException("failureThreshold must be >= 1 and coolDown >= 0, was " +
                failureThreshold + " and " + coolDownNanos + " ns");
        }
        this.failureThreshold = failureThreshold;
        this.coolDownNanos = coolDownNanos;
        this.nanoClock = nanoClock;
        this.listener = listener == null ? (from, to) -> { } : listener;
    }

    /**
     * May a request go out now? In OPEN past the cool-down this moves to HALF_OPEN and lets this one
     * request through as the probe; the caller must then report its outcome.
     */
    public boolean tryAcquire()
    {
        switch (state)
        {
            case CLOSED:
                return true;
            case OPEN:
                if (nanoClock.getAsLong() - openedAtNanos >= coolDownNanos)
                {
                    moveTo(State.HALF_OPEN);
                    probeInFlight = true;
                    return true;
                }
                return false;
            default:
                if (!probeInFlight)
                {
                    probeInFlight = true;
                    return true;
                }
                return false;
        }
    }

    public void onSuccess()
    {
        consecutiveFailures = 0;
        if (state == State.HALF_OPEN)
        {
            probeInFlight = false;
            moveTo(State.CLOSED);
        }
    }

    public void onFailure()
    {
        if (state == State.HALF_OPEN)
        {
            probeInFlight = false;
            open();
            return;
        }
        consecutiveFailures++;
        if (state == State.CLOSED && consecutiveFailures >= failureThreshold)
        {
            open();
        }
    }

    /** Nanoseconds until an OPEN breaker lets a probe through; 0 when not OPEN. */
    public long nanosUntilProbe()
    {
        return state == State.OPEN ? Math.max(0, coolDownNanos - (nanoClock.getAsLong() - openedAtNanos)) : 0;
    }

    public State state()
    {
        return state;
    }

    public long transitions()
    {
        return transitions;
    }

    public int consecutiveFailures()
    {
        return consecutiveFailures;
    }

    private void open()
    {
        openedAtNanos = nanoClock.getAsLong();
        consecutiveFailures = 0;
        moveTo(State.OPEN);
    }

    private void moveTo(final State next)
    {
        final State previous = state;
        state = next;
        transitions = transitions + 1; // single writer
        listener.onTransition(previous, next);
    }
}
