package dev.peregrine.core.perpetual;

import dev.peregrine.core.metrics.SingleWriterGauge;
import dev.peregrine.core.number.FixedPoint;

/**
 * The margin account and funding as single-writer gauges: written by the core thread (after a mark, a funding, a
 * fill, and every so many market events), read by any thread (the admin API's positions, the metrics scrape, a live
 * summary). Figures as {@link MarginAccount} and {@link FundingLedger} define them; NaN-free (a ratio on no equity
 * is published as positive infinity, as the account says).
 */
public final class PublishedMargin
{
    /** Per instrument. */
    public final SingleWriterGauge[] contracts;
    public final SingleWriterGauge[] entryPrice;
    public final SingleWriterGauge[] markPrice;
    public final SingleWriterGauge[] indexPrice;
    public final SingleWriterGauge[] fundingRate;
    public final SingleWriterGauge[] nextFundingTimeNanos;
    public final SingleWriterGauge[] markUpdates;
    /** The latest mark's lag: when the core saw it less the venue's time of it (nanoseconds; 0 without venue time). */
    public final SingleWriterGauge[] markLagNanos;
    public final SingleWriterGauge[] notional;
    public final SingleWriterGauge[] unrealizedPnl;
    public final SingleWriterGauge[] initialMargin;
    public final SingleWriterGauge[] maintenanceMargin;
    public final SingleWriterGauge[] liquidationPrice;
    /** Funding paid in the instrument by every strategy (negative: received). */
    public final SingleWriterGauge[] fundingPaid;
    public final SingleWriterGauge[] liquidationPrints;

    /** The account. */
    public final SingleWriterGauge walletBalance = new SingleWriterGauge();
    public final SingleWriterGauge marginBalance = new SingleWriterGauge();
    public final SingleWriterGauge availableMargin = new SingleWriterGauge();
    public final SingleWriterGauge marginUsed = new SingleWriterGauge();
    public final SingleWriterGauge totalMaintenanceMargin = new SingleWriterGauge();
    public final SingleWriterGauge marginRatio = new SingleWriterGauge();
    public final SingleWriterGauge effectiveLeverage = new SingleWriterGauge();
    public final SingleWriterGauge totalFundingPaid = new SingleWriterGauge();
    public final SingleWriterGauge fundingSettlements = new SingleWriterGauge();
    /** Venue funding figures that replaced a computed settlement of the same funding time ({@link SettledFunding}). */
    public final SingleWriterGauge fundingCorrections = new SingleWriterGauge();
    /** Funding settlements ignored: repeats, a computed one after the venue's, one older than the latest. */
    public final SingleWriterGauge fundingIgnored = new SingleWriterGauge();

    PublishedMargin(final int instrumentCount)
    {
        contracts = gauges(instrumentCount);
        entryPrice = gauges(instrumentCount);
        markPrice = gauges(instrumentCount);
        indexPrice = gauges(instrumentCount);
        fundingRate = gauges(instrumentCount);
        nextFundingTimeNanos = gauges(instrumentCount);
        markUpdates = gauges(instrumentCount);
        markLagNanos = gauges(instrumentCount);
        notional = gauges(instrumentCount);
        unrealizedPnl = gauges(instrumentCount);
        initialMargin = gauges(instrumentCount);
        maintenanceMargin = gauges(instrumentCount);
        liquidationPrice = gauges(instrumentCount);
        fundingPaid = gauges(instrumentCount);
        liquidationPrints = gauges(instrumentCount);
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

    /** Writes every gauge from the state now. Core thread only; no allocation. */
    void publish(final PerpetualState state)
    {
        final MarginAccount account = state.account();
        final MarkPrices marks = state.marks();
        for (int i = 0; i < contracts.length; i++)
        {
            if (!account.isPerpetual(i))
            {
                continue;
            }
            contracts[i].set(FixedPoint.toDouble(account.contracts(i)));
            entryPrice[i].set(account.entryPrice(i));
            markPrice[i].set(FixedPoint.toDouble(marks.mark(i)));
            indexPrice[i].set(FixedPoint.toDouble(marks.index(i)));
            fundingRate[i].set(FixedPoint.toDouble(marks.fundingRate(i)));
            nextFundingTimeNanos[i].set(marks.nextFundingTimeNanos(i));
            markUpdates[i].set(marks.updates(i));
            markLagNanos[i].set(marks.venueTimeNanos(i) == 0 ? 0 : marks.eventTimeNanos(i) - marks.venueTimeNanos(i));
            notional[i].set(account.notional(i));
            unrealizedPnl[i].set(account.unrealizedPnl(i));
            initialMargin[i].set(account.initialMargin(i));
            maintenanceMargin[i].set(account.maintenanceMargin(i));
            liquidationPrice[i].set(account.liquidationPrice(i));
            fundingPaid[i].set(state.funding().paidInInstrument(i));
            liquidationPrints[i].set(state.liquidationPrints(i));
        }
        walletBalance.set(account.walletBalance());
        marginBalance.set(account.marginBalance());
        availableMargin.set(account.availableMargin());
        marginUsed.set(account.marginUsed());
        totalMaintenanceMargin.set(account.maintenanceMargin());
        marginRatio.set(account.marginRatio());
        effectiveLeverage.set(account.effectiveLeverage());
        totalFundingPaid.set(account.fundingPaid());
        fundingSettlements.set(state.funding().settlements());
        fundingCorrections.set(state.funding().latest().corrections());
        fundingIgnored.set(state.funding().latest().ignored());
    }
}
