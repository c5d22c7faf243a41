package dev.peregrine.journal.statistics;

import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.event.InboundEvent;
import com.lmax.disruptor.EventHandler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The statistics of a running engine, for /admin/status and the run summary: the core's handler on the
 * ring, it hands each event to the core, then feeds {@link EquityStatistics} the PnL after it (the series
 * the backtest and the report use, so a live run and the report of its journal give the same figures).
 *
 * <p>The core thread writes a copy after every event under a sequence lock: an odd version means a copy is
 * being written; a reader copies the fields and retries if the version moved. The writer never waits and
 * allocates nothing; a reader ({@link #snapshot()}, any thread) allocates its own copy.
 */
public final class PublishedStatistics implements EventHandler<InboundEvent>
{
    private static final VarHandle VERSION;

    static
    {
        try
        {
            VERSION = MethodHandles.lookup().findVarHandle(PublishedStatistics.class, "version", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final TradingCore core;
    private final EquityStatistics live = new EquityStatistics();
    private final EquityStatistics shared = new EquityStatistics();
    @SuppressWarnings("unused") // through VERSION
    private long version;

    public PublishedStatistics(final TradingCore core)
    {
        this.core = core;
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
    {
        core.onEvent(event, sequence, endOfBatch);
        live.observe(core.clockNanos(), EquityStatistics.pnlOf(core));
        final long v = (long)VERSION.getOpaque(this);
        VERSION.setOpaque(this, v + 1);
        VarHandle.storeStoreFence(); // the odd version is visible before any field of the copy changes
        shared.copyFrom(live);
        VERSION.setRelease(this, v + 2);
    }

    /** The statistics so far (the current periods closed as partial ones), on the default capital. */
    public EquityStatistics snapshot()
    {
        final EquityStatistics copy = new EquityStatistics();
        while (true)
        {
            final long before = (long)VERSION.getAcquire(this);
            if ((before & 1) == 0)
            {
                copy.copyFrom(shared);
                VarHandle.loadLoadFence(); // the fields are read before the version is read again
                if ((long)VERSION.getAcquire(this) == before)
                {
                    return copy.finish();
                }
            }
            Thread.onSpinWait();
        }
    }

    /** Once the core has stopped (the summary at exit): the core thread's own figures. */
    public EquityStatistics finished()
    {
        final EquityStatistics copy = new EquityStatistics();
        copy.copyFrom(live);
        return copy.finish();
    }
}
