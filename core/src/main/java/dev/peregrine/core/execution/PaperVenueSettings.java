package dev.peregrine.core.execution;

import java.util.Locale;

/**
 * The paper venue's assumptions, all in event time: how long an order and a cancel take to reach the
 * venue, how long a fill report takes to come back, the fees, and the {@link FillModel} with its
 * parameters. Part of {@code EngineSettings}, so the journal header records them and a replay fills
 * exactly as the live run did.
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
    private final FillModel fillModel;
    private final double participation;
    private final long fillWindowNanos;
    private final double slippageBps;
    /** Set only by {@link #withLiquidationFeeRate}, on its new copy before anyone sees it. */
    private double liquidationFeeRate;

    /**
     * The liquidation clearance fee, a fraction of the liquidated notional: 0.012 is the {@code liquidationFee}
     * Binance USD-M's {@code exchangeInfo} gives BTCUSDT (in the real capture under shared data; other contracts
     * 0.005 to 0.015). Charged on a paper liquidation fill instead of the taker fee.
     */
    public static final double DEFAULT_LIQUIDATION_FEE_RATE = 0.012;

    /** A quarter of the volume that trades: a share a desk could take without being the market itself. */
    public static final double DEFAULT_PARTICIPATION = 0.25;
    /** One minute: long enough for a retail-sized order to fill on a liquid product, short enough to stay a market order. */
    public static final long DEFAULT_FILL_WINDOW_NANOS = 60_000_000_000L;
    /** Five bps: what an order walking past the touch typically pays on a liquid product (unlimited model). */
    public static final double DEFAULT_SLIPPAGE_BPS = 5.0;

    /** The {@link FillModel#TOUCH} model: what every journal recorded before fill models existed. */
    public PaperVenueSettings(
        final long orderLatencyNanos,
        final long cancelLatencyNanos,
        final long fillLatencyNanos,
        final double makerFeeBps,
        final double takerFeeBps)
    {
        this(orderLatencyNanos, cancelLatencyNanos, fillLatencyNanos, makerFeeBps, takerFeeBps, FillModel.TOUCH,
            DEFAULT_PARTICIPATION, DEFAULT_FILL_WINDOW_NANOS, DEFAULT_SLIPPAGE_BPS);
    }

    public PaperVenueSettings(
        final long orderLatencyNanos,
        final long cancelLatencyNanos,
        final long fillLatencyNanos,
        final double makerFeeBps,
        final double takerFeeBps,
        final FillModel fillModel,
        final double participation,
        final long fillWindowNanos,
        final double slippageBps)
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
        if (fillModel == null)
        {
            throw new IllegalArgumentException("paper venue fill model missing (one of " + FillModel.names() + ")");
        }
        if (!(participation > 0 && participation <= 1))
        {
            throw new IllegalArgumentException("fill participation must be above 0 and at most 1 (a share of the " +
                "traded volume, e.g. 0.25), was " + participation);
        }
        if (fillWindowNanos <= 0)
        {
            throw new IllegalArgumentException("fill window must be positive (e.g. 60s), was " + fillWindowNanos + " ns");
        }
        if (!(slippageBps >= 0 && slippageBps < 1000))
        {
            throw new IllegalArgumentException("fill slippage must be >= 0 and under 1000 bps, was " + slippageBps);
        }
        this.orderLatencyNanos = orderLatencyNanos;
        this.cancelLatencyNanos = cancelLatencyNanos;
        this.fillLatencyNanos = fillLatencyNanos;
        this.makerFeeBps = makerFeeBps;
        this.takerFeeBps = takerFeeBps;
        this.fillModel = fillModel;
        // The touch model uses none of the parameters, and its journal header records none (the header of
        // every journal before fill models existed): its settings carry the defaults, so they equal after decode.
        final boolean touch = fillModel == FillModel.TOUCH;
        this.participation = touch ? DEFAULT_PARTICIPATION : participation;
        this.fillWindowNanos = touch ? DEFAULT_FILL_WINDOW_NANOS : fillWindowNanos;
        this.slippageBps = touch ? DEFAULT_SLIPPAGE_BPS : slippageBps;
        this.liquidationFeeRate = DEFAULT_LIQUIDATION_FEE_RATE;
    }

    /** These latencies and fees with another fill model and its parameters. */
    public PaperVenueSettings withFillModel(final FillModel model, final double participation, final long windowNanos,
        final double slippageBps)
    {
        return new PaperVenueSettings(orderLatencyNanos, cancelLatencyNanos, fillLatencyNanos, makerFeeBps, takerFeeBps,
            model, participation, windowNanos, slippageBps).withLiquidationFeeRate(liquidationFeeRate);
    }

    /** These latencies, fill model and liquidation fee with other maker and taker fees (basis points). */
    public PaperVenueSettings withFees(final double makerBps, final double takerBps)
    {
        return new PaperVenueSettings(orderLatencyNanos, cancelLatencyNanos, fillLatencyNanos, makerBps, takerBps,
            fillModel, participation, fillWindowNanos, slippageBps).withLiquidationFeeRate(liquidationFeeRate);
    }

    /** These settings with another liquidation clearance fee (a fraction of the liquidated notional). */
    public PaperVenueSettings withLiquidationFeeRate(final double rate)
    {
        if (!(rate >= 0 && rate < 1))
        {
            throw new IllegalArgumentException("liquidation fee rate must be >= 0 and under 1 (a fraction of the " +
                "liquidated notional, e.g. 0.012), was " + rate);
        }
        final PaperVenueSettings copy = new PaperVenueSettings(orderLatencyNanos, cancelLatencyNanos, fillLatencyNanos,
            makerFeeBps, takerFeeBps, fillModel, participation, fillWindowNanos, slippageBps);
        copy.liquidationFeeRate = rate;
        return copy;
    }

    /** The liquidation clearance fee, a fraction of the notional a paper liquidation closes. */
    public double liquidationFeeRate()
    {
        return liquidationFeeRate;
    }

    /** Fee in the settlement currency for a liquidation fill of {@code notional}. */
    public double liquidationFee(final double notional)
    {
        return notional * liquidationFeeRate;
    }

    /** Adds {@code paper.liquidationFeeRate} only when it is not the default: older and spot settings stay as they were. */
    public void encodeLiquidationInto(final java.util.Map<String, String> map)
    {
        if (Double.compare(liquidationFeeRate, DEFAULT_LIQUIDATION_FEE_RATE) != 0)
        {
            map.put("paper.liquidationFeeRate", Double.toString(liquidationFeeRate));
        }
    }

    /** Reads what {@link #encodeLiquidationInto} wrote into these settings (the default when absent). */
    public PaperVenueSettings withLiquidationFeeFrom(final java.util.Map<String, String> map)
    {
        final String text = map.get("paper.liquidationFeeRate");
        return text == null ? this : withLiquidationFeeRate(Double.parseDouble(text));
    }

    public FillModel fillModel()
    {
        return fillModel;
    }

    /** Share of each later trade's size a working market order fills ({@link FillModel#VOLUME}). */
    public double participation()
    {
        return participation;
    }

    /** How long a market order keeps working after it reaches the venue ({@link FillModel#VOLUME}). */
    public long fillWindowNanos()
    {
        return fillWindowNanos;
    }

    /** Price worsening of what fills beyond the displayed liquidity ({@link FillModel#UNLIMITED}). */
    public double slippageBps()
    {
        return slippageBps;
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

    /** The assumptions in one line, the fill model's included, printed wherever paper results are shown. */
    public String describe()
    {
        return String.format(Locale.ROOT,
            "paper venue: order latency %.1f ms, cancel latency %.1f ms, fill report latency %.1f ms (event time); " +
            "fees maker %.1f bps, taker %.1f bps; market orders walk the L2 book (the touch when there is no book), " +
            "limit orders rest behind the visible size at their price and fill when trades print at or through it " +
            "or the L2 book moves through it; liquidity we take stays taken until the venue's next book or quote message; %s",
            orderLatencyNanos / 1e6, cancelLatencyNanos / 1e6, fillLatencyNanos / 1e6, makerFeeBps, takerFeeBps,
            describeFillModel());
    }

    /** The fill model and what it assumes, in one line. */
    public String describeFillModel()
    {
        switch (fillModel)
        {
            case VOLUME:
                return String.format(Locale.ROOT,
                    "fill model volume: a market order takes the displayed liquidity, then keeps working for %.0f s: " +
                    "each later trade fills %.0f%% of its size (at the trade's price, rounded down to the size " +
                    "increment) and each new book message lets it walk the refreshed book; what is left then is cancelled",
                    fillWindowNanos / 1e9, participation * 100);
            case UNLIMITED:
                return String.format(Locale.ROOT,
                    "fill model unlimited: a market order fills in full; what the displayed liquidity does not cover " +
                    "(with no L2 book: all of it) fills at the touch (or the last book level taken) worsened by %.1f bps",
                    slippageBps);
            default:
                return "fill model touch: a market order fills only the displayed liquidity (with no L2 book, the " +
                    "quoted touch; on trade-only data the printed size of the last trade); the rest is cancelled";
        }
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
            Double.compare(takerFeeBps, other.takerFeeBps) == 0 && fillModel == other.fillModel &&
            Double.compare(participation, other.participation) == 0 && fillWindowNanos == other.fillWindowNanos &&
            Double.compare(slippageBps, other.slippageBps) == 0 &&
            Double.compare(liquidationFeeRate, other.liquidationFeeRate) == 0;
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(orderLatencyNanos * 31 + cancelLatencyNanos * 17 + fillLatencyNanos) ^
            Double.hashCode(makerFeeBps) ^ Double.hashCode(takerFeeBps * 3) ^ fillModel.ordinal() * 7919 ^
            Double.hashCode(participation * 5) ^ Long.hashCode(fillWindowNanos * 13) ^ Double.hashCode(slippageBps * 11);
    }
}
