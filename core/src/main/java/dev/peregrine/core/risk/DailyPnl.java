package dev.peregrine.core.risk;

import dev.peregrine.core.output.Hash64;

/**
 * The account's equity (realized PnL after fees plus unrealized PnL) against the start of the trading
 * day and the day's peak, in event time. A new local day (in the risk zone) starts a new baseline: the
 * equity at the first event of the day. Owned by the core thread, updated on every event.
 */
public final class DailyPnl
{
    private final ZonedClock clock;
    private long day = Long.MIN_VALUE;
    private double dayStartEquity;
    private double peakEquity;
    private double equity;

    public DailyPnl(final ZonedClock clock)
    {
        this.clock = clock;
    }

    public void update(final long nowNanos, final double currentEquity)
    {
        final long today = clock.localEpochDay(nowNanos);
        equity = currentEquity;
        if (today != day)
        {
            day = today;
            dayStartEquity = currentEquity;
            peakEquity = currentEquity;
            return;
        }
        if (currentEquity > peakEquity)
        {
            peakEquity = currentEquity;
        }
    }

    /** Equity change since the day started: negative is a loss. */
    public double dayPnl()
    {
        return equity - dayStartEquity;
    }

    /** Equity below the day's peak: 0 or negative. */
    public double drawdown()
    {
        return equity - peakEquity;
    }

    /** The local trading day the figures are for. */
    public long day()
    {
        return day;
    }

    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, day);
        h = Hash64.mix(h, dayStartEquity);
        h = Hash64.mix(h, peakEquity);
        return Hash64.mix(h, equity);
    }
}
