package dev.peregrine.core.risk;

import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.perpetual.MarginAccount;

/**
 * Refuses an order on a perpetual that, filled ({@link MarginProjection}), would leave the mark closer to the
 * position's liquidation price than {@link PerpetualLimits#minLiquidationDistance} percent of the mark:
 * {@code |mark - liquidation price| / mark x 100}, the liquidation price of the one-way cross position as Binance
 * USD-M documents it ({@link MarginAccount#liquidationPrice}), and a mark already past it a distance of 0. A
 * position the account could not be liquidated by (no liquidation price above 0) is at no distance limit.
 * 0 = none. Reducing orders, spot instruments and orders with no price to value them at pass.
 */
public final class LiquidationDistanceCheck extends ProjectedMarginCheck
{
    public LiquidationDistanceCheck(final MarginProjection projection)
    {
        super(projection);
    }

    @Override
    protected boolean isOn(final PerpetualLimits limits)
    {
        return limits.minLiquidationDistance() > 0;
    }

    @Override
    protected RejectReason judge(final int instrumentId, final MarginAccount after, final PerpetualTerms terms,
        final PerpetualLimits limits)
    {
        final double liquidation = after.liquidationPrice(instrumentId);
        if (liquidation <= 0)
        {
            return RejectReason.NONE;
        }
        final double mark = after.valuationPrice(instrumentId);
        final double distance = after.contracts(instrumentId) > 0 ? mark - liquidation : liquidation - mark;
        return Math.max(distance, 0) / mark * 100 < limits.minLiquidationDistance() ?
            RejectReason.LIQUIDATION_DISTANCE : RejectReason.NONE;
    }
}
