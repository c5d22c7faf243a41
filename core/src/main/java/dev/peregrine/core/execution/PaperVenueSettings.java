package dev.peregrine.core.execution;

import java.util.Locale;

/**
 * The paper venue's assumptions, all in event time: how long an order and a cancel take to reach the
 * venue, how long a fill report takes to come back, and the fees. Part of {@code EngineSettings}, so
 * the journal header records them and a replay fills exactly as the live run did.
 */
public final class PaperVenueSettings
{
    /** Zero latency and no fees: for tests that want to see the mechanics without the frictions. */
    public static final PaperVenueSettings FRICTIONLESS = new PaperVenueSettings(0, 0, 0, 0.0, 0.0);
    /**
     * Defaults that do not flatter: 20 ms to reach the venue (a good retail link to Coinbase), 5 ms for
     * the fill report, Coinbase Advanced Trade's entry-tier fees (0.40% maker, 0.60% taker).
     */
    public static final PaperVenueSettings DEFAULT = new PaperVenueSettings(20_000_000L, 20_000_000L, 5_000_000L, 40.0, 60.0);

    private final long orderLatencyNanos;
    private final long cancelLatencyNanos;
    private final long fillLatencyNanos;
    private final double makerFeeBps;
    private final double takerFeeBps;

    public PaperVenueSettings(
        final long orderLatencyNanos,
        final long cancelLatencyNanos,
        final long fillLatencyNanos,
        final double makerFeeBps,
        final double takerFeeBps)
    {
        if (orderLatencyNanos < 0 || cancelLatencyNanos < 0 || fillLatencyNanos < 0)
        {
            throw new IllegalArgumentException("paper venue latencies must be >= 0");
        }
        if (!(makerFeeBps > -100 && makerFeeBps < 1000 && takerFeeBps >= 0 && takerFeeBps < 1000))
        {
            throw new IllegalArgumentException("paper venue fees out of range: maker " + makerFeeBps + " bps, taker " +
                takerFeeBps + " bps (maker may be a small rebate, taker >= 0, both under 1000 bps)");
        }
        this.orderLatencyNanos = orderLatencyNanos;
        this.cancelLatencyNanos = cancelLatencyNanos;
        this.fillLatencyNanos = fillLatencyNanos;
        this.makerFeeBps = makerFeeBps;
        this.takerFeeBps = takerFeeBps;
    }

    public long orderLatencyNanos()
    {
        return orderLatencyNanos;
    }

    public long cancelLatencyNanos()
    {
        return cancelLatencyNanos;
    }

    public long fillLatencyNanos()
    {
        return fillLatencyNanos;
    }

    public double makerFeeBps()
    {
        return makerFeeBps;
    }

    public double takerFeeBps()
    {
        return takerFeeBps;
    }

    /** Fee in quote currency for a fill of {@code notional}. */
    public double fee(final double notional, final Liquidity liquidity)
    {
        return notional * (liquidity == Liquidity.MAKER ? makerFeeBps : takerFeeBps) / 10_000.0;
    }

    /** The assumptions in one line, printed wherever paper results are shown. */
    public String describe()
    {
        return String.format(Locale.ROOT,
            "paper venue: order latency %.1f ms, cancel latency %.1f ms, fill report latency %.1f ms (event time); " +
            "fees maker %.1f bps, taker %.1f bps; market orders walk the L2 book (the touch when there is no book), " +
            "limit orders rest behind the visible size at their price and fill when trades print at or through it; " +
            "liquidity we take stays taken until the venue's next book or quote message",
            orderLatencyNanos / 1e6, cancelLatencyNanos / 1e6, fillLatencyNanos / 1e6, makerFeeBps, takerFeeBps);
    }

    @Override
    public boolean equals(final Object o)
    {
        if (!(o instanceof PaperVenueSettings))
        {
            return false;
        }
        final PaperVenueSettings other = (PaperVenueSettings)o;
        return orderLatencyNanos == other.orderLatencyNanos && cancelLatencyNanos == other.cancelLatencyNanos &&
            fillLatencyNanos == other.fillLatencyNanos && Double.compare(makerFeeBps, other.makerFeeBps) == 0 &&
            Double.compare(takerFeeBps, other.takerFeeBps) == 0;
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(orderLatencyNanos * 31 + cancelLatencyNanos * 17 + fillLatencyNanos) ^
            Double.hashCode(makerFeeBps) ^ Double.hashCode(takerFeeBps * 3);
    }
}
