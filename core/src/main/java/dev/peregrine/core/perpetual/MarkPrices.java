package dev.peregrine.core.perpetual;

import dev.peregrine.core.output.Hash64;

/**
 * The latest mark price, index price, funding rate and next funding time the venue sent per instrument (MARK_PRICE
 * events), with how many marks each instrument has had. FixedPoint scaled longs; 0 until the first mark. Written by
 * the core thread only; strategies read it through their context.
 */
public final class MarkPrices
{
    private final long[] mark;
    private final long[] index;
    private final long[] fundingRate;
    private final long[] nextFundingTimeNanos;
    /** The venue's time of the latest mark (exchangeTimeNanos). */
    private final long[] venueTimeNanos;
    /** The core's clock when the latest mark arrived. */
    private final long[] eventTimeNanos;
    private final long[] updates;

    public MarkPrices(final int instrumentCount)
    {
        mark = new long[instrumentCount];
        index = new long[instrumentCount];
        fundingRate = new long[instrumentCount];
        nextFundingTimeNanos = new long[instrumentCount];
        venueTimeNanos = new long[instrumentCount];
        eventTimeNanos = new long[instrumentCount];
        updates = new long[instrumentCount];
    }

    /** Records one MARK_PRICE. A mark of 0 or less (a venue's placeholder) keeps the previous mark. No allocation. */
    public void onMark(final int instrumentId, final long markPrice, final long indexPrice, final long rate,
        final long nextFundingNanos, final long venueNanos, final long eventNanos)
    {
        if (markPrice > 0)
        {
            mark[instrumentId] = markPrice;
        }
        if (indexPrice > 0)
        {
            index[instrumentId] = indexPrice;
        }
        fundingRate[instrumentId] = rate;
        if (nextFundingNanos > 0)
        {
            nextFundingTimeNanos[instrumentId] = nextFundingNanos;
        }
        venueTimeNanos[instrumentId] = venueNanos;
        eventTimeNanos[instrumentId] = eventNanos;
        updates[instrumentId]++;
    }

    public int instrumentCount()
    {
        return mark.length;
    }

    /** Whether a mark has arrived for the instrument. */
    public boolean hasMark(final int instrumentId)
    {
        return mark[instrumentId] > 0;
    }

    /** The latest mark price (scaled), 0 before the first. */
    public long mark(final int instrumentId)
    {
        return mark[instrumentId];
    }

    /** The latest index price (scaled), 0 before the first. */
    public long index(final int instrumentId)
    {
        return index[instrumentId];
    }

    /** The venue's current (next) funding rate (scaled: 10000 = 0.0001). */
    public long fundingRate(final int instrumentId)
    {
        return fundingRate[instrumentId];
    }

    /** When the next funding happens, epoch nanoseconds; 0 when the venue has not said. */
    public long nextFundingTimeNanos(final int instrumentId)
    {
        return nextFundingTimeNanos[instrumentId];
    }

    /** The venue's time of the latest mark, epoch nanoseconds. */
    public long venueTimeNanos(final int instrumentId)
    {
        return venueTimeNanos[instrumentId];
    }

    /** The core's clock when the latest mark arrived, epoch nanoseconds. */
    public long eventTimeNanos(final int instrumentId)
    {
        return eventTimeNanos[instrumentId];
    }

    /** How many MARK_PRICE events the instrument has had. */
    public long updates(final int instrumentId)
    {
        return updates[instrumentId];
    }

    /** Mixes every figure into {@code seed}, for the core's state hash. */
    public long hash(final long seed)
    {
        long h = seed;
        for (int i = 0; i < mark.length; i++)
        {
            h = Hash64.mix(h, mark[i]);
            h = Hash64.mix(h, index[i]);
            h = Hash64.mix(h, fundingRate[i]);
            h = Hash64.mix(h, nextFundingTimeNanos[i]);
            h = Hash64.mix(h, venueTimeNanos[i]);
            h = Hash64.mix(h, eventTimeNanos[i]);
            h = Hash64.mix(h, updates[i]);
        }
        return h;
    }
}
