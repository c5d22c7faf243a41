package dev.peregrine.core.risk;

import dev.peregrine.core.perpetual.MarginAccount;

/**
 * Refuses an order on a perpetual that, filled ({@link MarginProjection}), would leave the mark closer to the
 * position's liquidation price than {@link PerpetualLimits#minLiquidationDistance} percent of the mark:
 * {@code |mark - liquidation price| / mark x 100}, the liquidation price of the one-way cross position as Binance
 * USD-M documents it ({@link MarginAccount#liquidationPrice}), and a mark already past it a distance of 0. A
 * position the account could not be liquidated by (no liquidation price above 0) is at no distance limit.
 * 0 = none. Reducing orders, spot instruments and orders with no price to value them at pass.
 */
public final class LiquidationDistanceCheck implements RiskCheck
{
    private final MarginProjection projection;

    public LiquidationDistanceCheck(final MarginProjection projection)
    {
        this.projection = projection;
    }

    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        final double minimum = context.limits.perpetual.minLiquidationDistance();
        final int id = order.instrumentId;
        if (minimum <= 0 || order.reducing || projection.terms(id) == null)
        {
            return RejectReason.NONE;
        }
        final MarginAccount after = projection.of(order, context);
        if (after == null)
        {
            return RejectReason.NONE;
        }
        final double liquidation = after.liquidationPrice(id);
        if (liquidation <= 0)
        {
            return RejectReason.NONE;
        }
        final double mark = after.valuationPrice(id);
        final boolean isLong = after.contracts(id) > 0;
        final double distance = isLong ? mark - liquidation : liquidation - mark;
        return Math.max(distance, 0) / mark * 100 < minimum ? RejectReason.LIQUIDATION_DISTANCE : RejectReason.NONE;
    }
}
