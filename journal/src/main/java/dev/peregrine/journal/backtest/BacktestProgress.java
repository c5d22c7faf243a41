package dev.peregrine.journal.backtest;

/**
 * How far a running backtest is, for a progress display on another thread. The run publishes its
 * counters every {@link #PUBLISH_EVERY} events with ordered stores (no lock, no allocation), so the
 * display costs the hot loop one branch per event; the display computes rates and time left itself.
 */
public final class BacktestProgress
{
    /** Events between two publications. */
    public static final int PUBLISH_EVERY = 4096;

    private volatile long events;
    private volatile double fraction = -1;
    private volatile boolean done;

    void publish(final long eventsSoFar, final double fractionSoFar)
    {
        events = eventsSoFar;
        fraction = fractionSoFar;
    }

    void finish(final long eventsSoFar)
    {
        events = eventsSoFar;
        fraction = 1.0;
        done = true;
    }

    /** Events fed so far. Any thread. */
    public long events()
    {
        return events;
    }

    /** Fraction of the input read, 0 to 1, or -1 when the source cannot tell (a journal). Any thread. */
    public double fraction()
    {
        return fraction;
    }

    public boolean done()
    {
        return done;
    }
}
