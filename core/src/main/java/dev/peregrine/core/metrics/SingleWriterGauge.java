package dev.peregrine.core.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** A double level (position, PnL) written by one thread and read by the metrics sidecar. */
public final class SingleWriterGauge
{
    private static final VarHandle BITS;

    static
    {
        try
        {
            BITS = MethodHandles.lookup().findVarHandle(SingleWriterGauge.class, "bits", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private long bits;

    /** Writer thread only. */
    public void set(final double value)
    {
        BITS.setRelease(this, Double.doubleToRawLongBits(value));
    }

    /** Any thread. */
    public double get()
    {
        return Double.longBitsToDouble((long)BITS.getAcquire(this));
    }
}
