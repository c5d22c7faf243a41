package dev.peregrine.core.risk;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.perpetual.MarkPrices;

/**
 * No new position on the side that pays funding when the venue's current rate (the latest MARK_PRICE's) is above the
 * limit per funding interval: with a positive rate longs pay shorts, so a buy that does not reduce is refused; with a
 * negative rate, a sell. The limit is the tighter of the engine's {@link PerpetualLimits#maxFundingRate} for the
 * instrument and the order's strategy's own ({@link FundingGuards}); 0 in both: none. Spot instruments, instruments
 * without a mark yet and reducing orders always pass.
 */
public final class FundingRateGuard implements RiskCheck
{
    private final MarkPrices marks;
    private final FundingGuards guards;

    public FundingRateGuard(final MarkPrices marks, final FundingGuards guards)
    {
        this.marks = marks;
        this.guards = guards;
    }

    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        final int id = order.instrumentId;
        if (order.reducing || !marks.hasMark(id))
        {
            return RejectReason.NONE;
        }
        final double limit = tighter(context.limits.perpetual.maxFundingRate()[id], guards.limit(order.strategyId, id));
        if (limit == 0)
        {
            return RejectReason.NONE;
        }
        final long rate = marks.fundingRate(id);
        final int payingSide = rate > 0 ? Side.BUY : Side.SELL;
        return rate != 0 && order.side == payingSide && Math.abs(FixedPoint.toDouble(rate)) > limit ?
            RejectReason.FUNDING_RATE : RejectReason.NONE;
    }

    /** The smaller of two limits where 0 means none. */
    private static double tighter(final double a, final double b)
    {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }
}
