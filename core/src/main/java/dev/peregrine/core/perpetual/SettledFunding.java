package dev.peregrine.core.perpetual;

import dev.peregrine.core.output.Hash64;

import java.util.Arrays;

/**
 * The latest funding time settled per instrument, and how: so one funding time is settled once whichever source
 * tells the engine first. A live venue can tell it twice (Binance USD-M: the market feed's settlement computed from
 * the position, {@code fee} 0, and the account's own {@code FUNDING_FEE} income row, {@code fee} = what was booked),
 * in either order. Kept per instrument for the latest funding time: who held how many contracts then (so a
 * correction is split over the same holders), what the computation booked, the rate and mark it used, and whether
 * the venue's own figure has been booked. Also counts the corrections and the ignored settlements (a metric reads
 * them). Core thread only; no allocation after a strategy count change.
 */
public final class SettledFunding
{
    /** What {@link #classify} found. */
    public static final int NEW = 0;
    /** The time was settled by computation and this is the venue's figure for it: book the difference. */
    public static final int CORRECTION = 1;
    /** Already settled by the venue's figure, or a repeat, or older than the latest time settled: ignore. */
    public static final int IGNORE = 2;

    private static final long NONE = Long.MIN_VALUE;

    private final int instrumentCount;
    private final long[] time;
    private final boolean[] byVenue;
    private final double[] computed;
    private final long[] rate;
    private final long[] mark;
    /** [slot * instrumentCount + instrumentId]: slot = strategy id, 0 = the engine's own orders. */
    private long[] held;
    private long corrections;
    private long ignored;

    SettledFunding(final int strategySlots, final int instrumentCount)
    {
        this.instrumentCount = instrumentCount;
        this.time = new long[instrumentCount];
        Arrays.fill(time, NONE);
        this.byVenue = new boolean[instrumentCount];
        this.computed = new double[instrumentCount];
        this.rate = new long[instrumentCount];
        this.mark = new long[instrumentCount];
        this.held = new long[strategySlots * instrumentCount];
    }

    void ensureSlots(final int strategySlots)
    {
        if (strategySlots * instrumentCount > held.length)
        {
            held = Arrays.copyOf(held, strategySlots * instrumentCount);
        }
    }

    /**
     * What a settlement of the instrument's funding time {@code fundingTimeNanos} is: {@link #NEW}, a
     * {@link #CORRECTION} (a venue figure, {@code venueReported}, for a time computed before) or to {@link #IGNORE}
     * (counted). A time of 0 (a source that names none) is always new.
     */
    public int classify(final int instrumentId, final long fundingTimeNanos, final boolean venueReported)
    {
        final long last = time[instrumentId];
        if (fundingTimeNanos == 0 || last == NONE || fundingTimeNanos > last)
        {
            return NEW;
        }
        if (fundingTimeNanos == last && venueReported && !byVenue[instrumentId])
        {
            return CORRECTION;
        }
        ignored++;
        return IGNORE;
    }

    /** Starts the record of a new funding time: holdings cleared, then {@link #hold} per holder. */
    void begin(final int instrumentId, final long fundingTimeNanos, final long rateUsed, final long markUsed,
        final boolean venueReported)
    {
        time[instrumentId] = fundingTimeNanos == 0 ? time[instrumentId] : fundingTimeNanos;
        byVenue[instrumentId] = venueReported;
        computed[instrumentId] = 0.0;
        rate[instrumentId] = rateUsed;
        mark[instrumentId] = markUsed;
        for (int s = 0, n = slots(); s < n; s++)
        {
            held[s * instrumentCount + instrumentId] = 0;
        }
    }

    void hold(final int slot, final int instrumentId, final long contracts, final double computedPayment)
    {
        held[slot * instrumentCount + instrumentId] = contracts;
        computed[instrumentId] += computedPayment;
    }

    /** The venue's figure replaced the computed one for the instrument's latest time. */
    void corrected(final int instrumentId)
    {
        byVenue[instrumentId] = true;
        corrections++;
    }

    long held(final int slot, final int instrumentId)
    {
        return held[slot * instrumentCount + instrumentId];
    }

    double computed(final int instrumentId)
    {
        return computed[instrumentId];
    }

    long rate(final int instrumentId)
    {
        return rate[instrumentId];
    }

    long mark(final int instrumentId)
    {
        return mark[instrumentId];
    }

    int slots()
    {
        return instrumentCount == 0 ? 0 : held.length / instrumentCount;
    }

    /** Venue figures that replaced a computed settlement of the same funding time. */
    public long corrections()
    {
        return corrections;
    }

    /** Settlements ignored: a repeat, a computed one after the venue's, or one older than the latest settled. */
    public long ignored()
    {
        return ignored;
    }

    /** Mixes the record in; {@code seed} unchanged while nothing was settled (hashes of older runs stay). */
    long hash(final long seed)
    {
        long h = seed;
        for (int i = 0; i < instrumentCount; i++)
        {
            if (time[i] != NONE)
            {
                h = Hash64.mix(h, time[i]);
                h = Hash64.mix(h, byVenue[i] ? 1 : 0);
                h = Hash64.mix(h, Double.doubleToLongBits(computed[i]));
            }
        }
        if (corrections != 0 || ignored != 0)
        {
            h = Hash64.mix(Hash64.mix(h, corrections), ignored);
        }
        return h;
    }
}
