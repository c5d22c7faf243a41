package dev.peregrine.core.metrics;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.perpetual.MarginAccount;
import dev.peregrine.core.perpetual.MarkPrices;
import dev.peregrine.core.perpetual.PerpetualState;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * What the core publishes about perpetual futures for the other threads (the metrics scrape, {@code /admin/positions},
 * the status line): per instrument the venue's mark, index, funding rate and next funding time, the mark updates and
 * their lag, and the position on the mark (contracts, entry, notional, unrealized PnL, margin, liquidation price,
 * funding); for the account its collateral, equity, margin used and available, margin ratio and effective leverage.
 *
 * <p>Single-writer: the core thread writes every field (after the event that moved it); any thread reads. Nothing
 * here feeds a decision, so the wall clock may appear in the lag. {@link #active()} is false in a run without a
 * perpetual instrument: the exports then leave every perpetual series out.
 */
public final class PerpetualGauges
{
    /** Per instrument: whether it is a perpetual (fixed at assembly). */
    private final boolean[] perpetual;
    private final boolean active;

    public final SingleWriterGauge[] markPrice;
    public final SingleWriterGauge[] indexPrice;
    public final SingleWriterGauge[] fundingRate;
    /** Epoch seconds of the next funding, 0 when the venue has not said. */
    public final SingleWriterGauge[] nextFundingTimeSeconds;
    public final SingleWriterCounter[] markUpdates;
    /** Venue time of the mark to the engine's receive time, nanoseconds; live marks only. */
    public final SingleWriterRecorder[] markLagNanos;
    public final SingleWriterGauge[] contracts;
    public final SingleWriterGauge[] entryPrice;
    public final SingleWriterGauge[] notional;
    public final SingleWriterGauge[] unrealizedPnl;
    public final SingleWriterGauge[] margin;
    public final SingleWriterGauge[] liquidationPrice;
    /** Funding paid in the instrument, every strategy (negative: received), as the PnL tables count it. */
    public final SingleWriterGauge[] fundingPaid;
    public final SingleWriterCounter[] fundingSettlements;
    /** Liquidation orders the venue printed on the market (information only). */
    public final SingleWriterCounter[] marketLiquidations;

    public final SingleWriterGauge collateral = new SingleWriterGauge();
    public final SingleWriterGauge equity = new SingleWriterGauge();
    public final SingleWriterGauge marginUsed = new SingleWriterGauge();
    public final SingleWriterGauge marginAvailable = new SingleWriterGauge();
    /** Maintenance margin over margin balance (the venue liquidates at 1). */
    public final SingleWriterGauge marginRatio = new SingleWriterGauge();
    /** Notional on mark over equity. */
    public final SingleWriterGauge effectiveLeverage = new SingleWriterGauge();

    /** @param perpetual per instrument id, whether it is a perpetual future. */
    public PerpetualGauges(final boolean[] perpetual)
    {
        this.perpetual = perpetual.clone();
        boolean any = false;
        for (final boolean p : perpetual)
        {
            any |= p;
        }
        this.active = any;
        final int n = perpetual.length;
        markPrice = gauges(n);
        indexPrice = gauges(n);
        fundingRate = gauges(n);
        nextFundingTimeSeconds = gauges(n);
        contracts = gauges(n);
        entryPrice = gauges(n);
        notional = gauges(n);
        unrealizedPnl = gauges(n);
        margin = gauges(n);
        liquidationPrice = gauges(n);
        fundingPaid = gauges(n);
        markUpdates = counters(n, "mark_updates");
        fundingSettlements = counters(n, "funding_settlements");
        marketLiquidations = counters(n, "market_liquidations");
        markLagNanos = new SingleWriterRecorder[n];
        for (int i = 0; i < n; i++)
        {
            markLagNanos[i] = new SingleWriterRecorder(CoreMetrics.MAX_TRACKABLE_NANOS, 3);
        }
    }

    /** Whether any instrument is a perpetual: without one nothing here is exported. */
    public boolean active()
    {
        return active;
    }

    /** Whether the instrument is a perpetual future. */
    public boolean isPerpetual(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < perpetual.length && perpetual[instrumentId];
    }

    public int instrumentCount()
    {
        return perpetual.length;
    }

    /**
     * One MARK_PRICE, core thread: counts it and, for a live input ({@code receiveNanoTime != 0}) with a venue time,
     * records the lag from the venue's time to the engine's receive time (clamped at 0 for a venue clock ahead of ours).
     */
    public void onMark(final int instrumentId, final long exchangeTimeNanos, final long eventTimeNanos,
        final long receiveNanoTime)
    {
        if (instrumentId < 0 || instrumentId >= perpetual.length)
        {
            return;
        }
        markUpdates[instrumentId].increment();
        if (receiveNanoTime != 0 && exchangeTimeNanos > 0)
        {
            final long lag = eventTimeNanos - exchangeTimeNanos;
            markLagNanos[instrumentId].recordValue(Math.min(Math.max(lag, 0), CoreMetrics.MAX_TRACKABLE_NANOS));
        }
    }

    /** After a MARK_PRICE, FUNDING_SETTLEMENT or LIQUIDATION the core applied: a mark is counted and timed, then all is published. */
    public void afterEvent(final InboundEvent event, final PerpetualState state)
    {
        if (event.type == EventType.MARK_PRICE)
        {
            onMark(event.instrumentId, event.exchangeTimeNanos, event.eventTimeNanos, event.receiveNanoTime);
        }
        publish(state);
    }

    /**
     * Publishes the perpetual state after an event that moved it (a mark, a funding settlement, a market liquidation),
     * core thread; nothing in a spot run. A fill moves the account too: its figures show with the next mark (a second
     * at most on the venues' mark streams). No allocation.
     */
    public void publish(final PerpetualState state)
    {
        if (!active)
        {
            return;
        }
        final MarkPrices marks = state.marks();
        final MarginAccount account = state.account();
        for (int i = 0; i < perpetual.length; i++)
        {
            if (!perpetual[i])
            {
                continue;
            }
            markPrice[i].set(FixedPoint.toDouble(marks.mark(i)));
            indexPrice[i].set(FixedPoint.toDouble(marks.index(i)));
            fundingRate[i].set(FixedPoint.toDouble(marks.fundingRate(i)));
            nextFundingTimeSeconds[i].set(marks.nextFundingTimeNanos(i) / 1e9);
            contracts[i].set(FixedPoint.toDouble(account.contracts(i)));
            entryPrice[i].set(account.entryPrice(i));
            notional[i].set(account.notional(i));
            unrealizedPnl[i].set(account.unrealizedPnl(i));
            margin[i].set(account.initialMargin(i));
            liquidationPrice[i].set(account.liquidationPrice(i));
            fundingPaid[i].set(state.funding().paidInInstrument(i));
            fundingSettlements[i].set(state.funding().settlements(i));
            marketLiquidations[i].set(state.liquidationPrints(i));
        }
        collateral.set(account.collateral());
        equity.set(account.marginBalance());
        marginUsed.set(account.marginUsed());
        marginAvailable.set(account.availableMargin());
        marginRatio.set(finite(account.marginRatio()));
        effectiveLeverage.set(finite(account.effectiveLeverage()));
    }

    /** Prometheus takes +Inf, but a dashboard line does not: an account with no equity left shows as a huge ratio. */
    private static double finite(final double value)
    {
        return Double.isInfinite(value) ? Double.MAX_VALUE : value;
    }

    private static SingleWriterGauge[] gauges(final int n)
    {
        final SingleWriterGauge[] gauges = new SingleWriterGauge[n];
        for (int i = 0; i < n; i++)
        {
            gauges[i] = new SingleWriterGauge();
        }
        return gauges;
    }

    private static SingleWriterCounter[] counters(final int n, final String name)
    {
        final SingleWriterCounter[] counters = new SingleWriterCounter[n];
        for (int i = 0; i < n; i++)
        {
            counters[i] = new SingleWriterCounter(name);
        }
        return counters;
    }
}
