package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.number.FixedPoint;

/**
 * Where {@link MarketMaker} wants its two quotes, in exact integer arithmetic on scaled prices:
 * <pre>
 *   mid = bestBid + (bestAsk - bestBid) / 2                      (scaled, rounded down to 1e-8)
 *   r   = clamp(position, -maxPosition, maxPosition) / maxPosition
 *   bid = mid * (1 - spread / 2 - skew * r)   rounded DOWN to the tick, then at most the last tick below bestAsk
 *   ask = mid * (1 + spread / 2 - skew * r)   rounded UP   to the tick, then at least the first tick above bestBid
 * </pre>
 * with spread and skew as fractions of the mid (basis points / 10,000). A long position moves both quotes
 * down (sell sooner, buy later), a short one up; the skew saturates at max-position.
 *
 * <p>Why integers: a double product such as {@code 100.00 x 0.999} lands a hair under 99.90 and would
 * round down a whole tick. Offsets are therefore counted in halves of 1e-8 of the mid ("half units"),
 * which keeps half the spread whole for any spread given to 0.0001 bps, and the product with the mid is
 * split so that it cannot overflow for spreads and skews up to {@link #MAX_BPS} bps. Only the skew's
 * share {@code skew * r} is rounded (to the nearest half unit, ties away from zero); everything else is
 * exact, so a quote is the exact price rounded away from the mid to the tick.
 *
 * <p>The clamps make each quote rest rather than take ("post-only" by price): a skew larger than half the
 * spread can push a bid to or above the best ask, and it is then held one tick inside it.
 *
 * <p>A reused flyweight: {@link #price} writes the results into fields read right after it.
 */
final class QuotePricer
{
    /** Widest spread and largest skew accepted, in basis points: 10 %, far beyond any quoting use. */
    static final double MAX_BPS = 1_000.0;

    private static final long HALF_UNITS_PER_ONE = 2 * FixedPoint.SCALE;
    private static final double HALF_UNITS_PER_BPS = HALF_UNITS_PER_ONE / 10_000.0;

    /** The full spread in half units equals the half spread counted twice over: one offset per quote. */
    private final long halfSpreadInHalfUnits;
    /** Twice the skew in units of 1e-8: the skew in half units. */
    private final long skewInHalfUnits;

    private long mid;
    private long skewShift;
    private long bidPrice;
    private long askPrice;

    /**
     * @param spreadBps full spread, basis points of the mid, > 0 (rounded to 0.0001 bps)
     * @param skewBps   shift of both quotes at full max-position, basis points, >= 0 (rounded to 0.00005 bps)
     */
    QuotePricer(final double spreadBps, final double skewBps)
    {
        if (!(spreadBps > 0 && spreadBps <= MAX_BPS && skewBps >= 0 && skewBps <= MAX_BPS))
        {
            throw new IllegalArgumentException("spread must be in (0, " + MAX_BPS + "] bps and skew in [0, " + MAX_BPS +
                "] bps, got spread " + spreadBps + " and skew " + skewBps);
        }
        // Half of the spread in half units is the spread in units of 1e-8: spread-bps x 10,000.
        this.halfSpreadInHalfUnits = Math.round(spreadBps * HALF_UNITS_PER_BPS / 2);
        this.skewInHalfUnits = Math.round(skewBps * HALF_UNITS_PER_BPS);
        if (halfSpreadInHalfUnits < 1)
        {
            throw new IllegalArgumentException("spread must be at least 0.0001 bps, got " + spreadBps);
        }
    }

    /** True when {@code spreadBps} is wide enough to be represented (at least 0.0001 bps once rounded). */
    static boolean representable(final double spreadBps)
    {
        return Math.round(spreadBps * HALF_UNITS_PER_BPS / 2) >= 1;
    }

    /**
     * Prices both quotes against a two-sided, uncrossed book ({@code bestBid < bestAsk}). The bid may come
     * out at or below zero on a tiny price with a wide spread: the caller then does not quote it.
     */
    void price(final long bestBid, final long bestAsk, final long tick, final long position, final long maxPosition)
    {
        mid = bestBid + (bestAsk - bestBid) / 2;
        skewShift = skewShift(position, maxPosition);
        final long bid = mid - ceilShareOfMid(mid, halfSpreadInHalfUnits + skewShift);
        final long ask = mid + ceilShareOfMid(mid, halfSpreadInHalfUnits - skewShift);
        final long lastTickBelowAsk = ceilToIncrement(bestAsk, tick) - tick;
        final long firstTickAboveBid = FixedPoint.floorToIncrement(bestBid, tick) + tick;
        bidPrice = Math.min(FixedPoint.floorToIncrement(bid, tick), lastTickBelowAsk);
        askPrice = Math.max(ceilToIncrement(ask, tick), firstTickAboveBid);
    }

    /** skew x r in half units, rounded half away from zero so a short mirrors a long exactly. */
    private long skewShift(final long position, final long maxPosition)
    {
        if (position == 0 || skewInHalfUnits == 0)
        {
            return 0;
        }
        final long held = Math.min(Math.abs(position), maxPosition);
        // Double is exact for the usual ratios (1/4, 1/2) and otherwise off by far less than the half unit
        // it is rounded to; Java's double arithmetic is the same on every JVM, so replay agrees either way.
        final long magnitude = Math.round((double)skewInHalfUnits * held / maxPosition);
        return position > 0 ? magnitude : -magnitude;
    }

    /**
     * ceil(mid x halfUnits / 2e8) without overflow: the mid is split into whole multiples of 2e8 (exact
     * products) and a remainder below 2e8 (whose product stays below 2e8 x 3e7, the largest offset).
     */
    private static long ceilShareOfMid(final long mid, final long halfUnits)
    {
        final long whole = mid / HALF_UNITS_PER_ONE;
        final long rest = mid % HALF_UNITS_PER_ONE;
        return whole * halfUnits - Math.floorDiv(-rest * halfUnits, HALF_UNITS_PER_ONE);
    }

    private static long ceilToIncrement(final long value, final long increment)
    {
        return -FixedPoint.floorToIncrement(-value, increment);
    }

    /** The mid of the last {@link #price} call, scaled. */
    long mid()
    {
        return mid;
    }

    long bidPrice()
    {
        return bidPrice;
    }

    long askPrice()
    {
        return askPrice;
    }

    /** The skew applied by the last {@link #price} call, in basis points (positive when long: quotes moved down). */
    double appliedSkewBps()
    {
        return skewShift / HALF_UNITS_PER_BPS;
    }
}
