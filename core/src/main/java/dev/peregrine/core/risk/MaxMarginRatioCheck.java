package dev.peregrine.core.risk;

import dev.peregrine.core.perpetual.MarginAccount;

/**
 * Refuses an order on a perpetual that, filled ({@link MarginProjection}), would take the account's margin ratio
 * (maintenance margin of every position over the margin balance; the venue liquidates at 100 %) above
 * {@link PerpetualLimits#maxMarginRatio}. 0 = none. Once the ratio crosses the limit by market moves, the trading
 * state moves to REDUCING ({@code MarginRatioWatch}); this check keeps the rule for each order. Reducing orders,
 * spot instruments and orders with no price to value them at pass.
 */
public final class MaxMarginRatioCheck implements RiskCheck
{
    private final MarginProjection projection;

    public MaxMarginRatioCheck(final MarginProjection projection)
    {
        this.projection = projection;
    }

    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        final double limit = context.limits.perpetual.maxMarginRatio();
        if (limit <= 0 || order.reducing || projection.terms(order.instrumentId) == null)
        {
            return RejectReason.NONE;
        }
        final MarginAccount after = projection.of(order, context);
        return after != null && after.marginRatio() > limit ? RejectReason.MAX_MARGIN_RATIO : RejectReason.NONE;
    }
}
