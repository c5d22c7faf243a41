package dev.peregrine.core.risk;

import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.perpetual.MarginAccount;

/**
 * Refuses an order on a perpetual that, filled ({@link MarginProjection}), would take the account's margin ratio
 * (maintenance margin of every position over the margin balance; the venue liquidates at 100 %) above
 * {@link PerpetualLimits#maxMarginRatio}. 0 = none. Once the ratio crosses the limit by market moves, the trading
 * state moves to REDUCING ({@code MarginRatioWatch}); this check keeps the rule for each order. Reducing orders,
 * spot instruments and orders with no price to value them at pass.
 */
public final class MaxMarginRatioCheck extends ProjectedMarginCheck
{
    public MaxMarginRatioCheck(final MarginProjection projection)
    {
        super(projection);
    }

    @Override
    protected boolean isOn(final PerpetualLimits limits)
    {
        return limits.maxMarginRatio() > 0;
    }

    @Override
    protected RejectReason judge(final int instrumentId, final MarginAccount after, final PerpetualTerms terms,
        final PerpetualLimits limits)
    {
        return after.marginRatio() > limits.maxMarginRatio() ? RejectReason.MAX_MARGIN_RATIO : RejectReason.NONE;
    }
}
