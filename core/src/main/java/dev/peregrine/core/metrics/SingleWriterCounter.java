package dev.peregrine.core.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A counter with exactly one writing thread and any number of readers (the metrics sidecar).
 *
 * <p>The writer reads its own last value plainly and publishes the new one with a release store: no
 * CAS, no lock, no allocation. Readers use an acquire load and see a value no newer than the writer's
 * latest, never a torn one. Two writers would lose increments: give each thread its own counter.
 */
public final class SingleWriterCounter
{
    private static final VarHandle VALUE;

    static
    {
        try
        {
            VALUE = MethodHandles.lookup().findVarHandle(SingleWriterCounter.class, "value", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final String name;
    private long value;

    public SingleWriterCounter(final String name)
    {
        this.name = name;
    }

    public String name()
    {
        return name;
    }

    /** Writer thread only. */
    public void increment()
    {
        VALUE.setRelease(this, value + 1);
    }

    /** Writer thread only. */
    public void add(final long delta)
    {
        VALUE.setRelease(this, value + delta);
    }

    /** Writer thread only: for gauges that hold a level rather than a count. */
    public void set(final long newValue)
    {
        VALUE.setRelease(this, newValue);
    }

    /** Any thread. */
    public long get()
    {
        return (long)VALUE.getAcquire(this);
    }
}
