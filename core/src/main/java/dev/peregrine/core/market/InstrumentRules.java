package dev.peregrine.core.market;

import dev.peregrine.core.event.InstrumentStatus;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.output.Hash64;

/**
 * The venue's current rules per instrument: tick size, lot size, minimum size and trading status. They start from
 * the product catalog and follow INSTRUMENT_INFO events (Coinbase {@code status} channel), which are
 * journaled, so a replay validates orders against the same rules. Owned by the core thread.
 */
public final class InstrumentRules
{
    private final long[] priceIncrement;
    private final long[] sizeIncrement;
    private final long[] minSize;
    private final int[] status;

    public InstrumentRules(final InstrumentRegistry instruments)
    {
        final int n = instruments.size();
        priceIncrement = new long[n];
        sizeIncrement = new long[n];
        minSize = new long[n];
        status = new int[n];
        for (int i = 0; i < n; i++)
        {
            priceIncrement[i] = instruments.get(i).priceIncrement();
            sizeIncrement[i] = instruments.get(i).sizeIncrement();
            minSize[i] = sizeIncrement[i];
        }
    }

    /** Applies a venue update; a non-positive value (not sent) leaves the current one. */
    public void onInfo(final int instrumentId, final long priceIncrement, final long sizeIncrement, final long minSize,
        final int status)
    {
        if (minSize > 0)
        {
            this.minSize[instrumentId] = minSize;
        }
        if (priceIncrement > 0)
        {
            this.priceIncrement[instrumentId] = priceIncrement;
        }
        if (sizeIncrement > 0)
        {
            this.sizeIncrement[instrumentId] = sizeIncrement;
        }
        this.status[instrumentId] = status;
    }

    public long priceIncrement(final int instrumentId)
    {
        return priceIncrement[instrumentId];
    }

    public long sizeIncrement(final int instrumentId)
    {
        return sizeIncrement[instrumentId];
    }

    /** Smallest order quantity the venue takes (the size increment unless the venue says more). */
    public long minSize(final int instrumentId)
    {
        return minSize[instrumentId];
    }

    public int status(final int instrumentId)
    {
        return status[instrumentId];
    }

    /** True unless the venue said the product does not take new orders ({@code UNKNOWN} trades). */
    public boolean acceptsOrders(final int instrumentId)
    {
        final int s = status[instrumentId];
        return s == InstrumentStatus.UNKNOWN || s == InstrumentStatus.ONLINE;
    }

    public long hash(final long seed)
    {
        long h = seed;
        for (int i = 0; i < status.length; i++)
        {
            h = Hash64.mix(h, priceIncrement[i]);
            h = Hash64.mix(h, sizeIncrement[i]);
            h = Hash64.mix(h, minSize[i]);
            h = Hash64.mix(h, status[i]);
        }
        return h;
    }
}
