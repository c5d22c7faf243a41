package dev.peregrine.core.indicator;

import dev.peregrine.core.output.Hash64;

/**
 * Volume-weighted average price, anchored to sessions: sum(price * volume) / sum(volume) over the
 * trades (or bars, with a typical price) of the current session. TA-Lib has no VWAP.
 *
 * <p>Convention. Sessions are epoch-aligned intervals of {@code sessionNanos} ({@link #UTC_DAY} gives
 * the UTC day, the crypto convention; {@link #NO_SESSIONS} never resets). An update whose time falls
 * in a later session than the previous update starts the new session: the sums restart from it. Time
 * is the event's time, so replay reproduces the resets. Updates with zero volume are ignored;
 * negative volume or a non-finite price or volume is refused with an exception (a decoder bug, not
 * market data). Not ready until the session has volume. The caller may also {@link #reset()} at any
 * other anchor (an opening auction, a news event). A rolling-window VWAP is a ratio of two rolling sums
 * and is not provided here.
 *
 * <p>Numerics. Session sums only grow, so there is no cancellation, but a long session (millions of
 * trades) would still collect rounding; both sums use Neumaier's compensated summation, so the
 * result stays within a few ulps of the exact ratio however many trades the session holds.
 */
public final class Vwap implements Indicator
{
    public static final long UTC_DAY = 86_400_000_000_000L;
    public static final long NO_SESSIONS = Long.MAX_VALUE;

    private final long sessionNanos;
    private long session = Long.MIN_VALUE;
    private long updates;
    private double notional;
    private double notionalCompensation;
    private double volume;
    private double volumeCompensation;

    public Vwap(final long sessionNanos)
    {
        if (sessionNanos <= 0)
        {
            throw new IllegalArgumentException("session length must be > 0 ns (use NO_SESSIONS to never reset), got " +
                sessionNanos);
        }
        this.sessionNanos = sessionNanos;
    }

    public void update(final double price, final double quantity, final long timeNanos)
    {
        if (!(quantity >= 0.0) || !Double.isFinite(price) || quantity == Double.POSITIVE_INFINITY)
        {
            throw new IllegalArgumentException("VWAP needs a finite price and volume >= 0, got price=" + price +
                " volume=" + quantity);
        }
        final long sessionOfUpdate = Math.floorDiv(timeNanos, sessionNanos);
        if (sessionOfUpdate > session)
        {
            if (session != Long.MIN_VALUE)
            {
                clearSums();
            }
            session = sessionOfUpdate;
        }
        if (quantity == 0.0)
        {
            return;
        }
        updates++;
        final double pv = price * quantity;
        // Neumaier: the compensation collects what each addition rounded away, whichever operand is larger.
        final double n = notional + pv;
        notionalCompensation += Math.abs(notional) >= Math.abs(pv) ? (notional - n) + pv : (pv - n) + notional;
        notional = n;
        final double v = volume + quantity;
        volumeCompensation += volume >= quantity ? (volume - v) + quantity : (quantity - v) + volume;
        volume = v;
    }

    @Override
    public boolean isReady()
    {
        return volume > 0.0;
    }

    public double value()
    {
        return volume > 0.0 ? (notional + notionalCompensation) / (volume + volumeCompensation) : Double.NaN;
    }

    /** Volume traded in the current session. */
    public double sessionVolume()
    {
        return volume + volumeCompensation;
    }

    /** Updates with volume in the current session. */
    public long sessionUpdates()
    {
        return updates;
    }

    /** Start of the current session, epoch nanoseconds; Long.MIN_VALUE before the first update. */
    public long sessionStartNanos()
    {
        return session == Long.MIN_VALUE ? Long.MIN_VALUE : session * sessionNanos;
    }

    private void clearSums()
    {
        updates = 0;
        notional = 0.0;
        notionalCompensation = 0.0;
        volume = 0.0;
        volumeCompensation = 0.0;
    }

    @Override
    public void reset()
    {
        clearSums();
        session = Long.MIN_VALUE;
    }

    @Override
    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, sessionNanos);
        h = Hash64.mix(h, session);
        h = Hash64.mix(h, updates);
        h = Hash64.mix(h, notional);
        h = Hash64.mix(h, notionalCompensation);
        h = Hash64.mix(h, volume);
        return Hash64.mix(h, volumeCompensation);
    }
}
