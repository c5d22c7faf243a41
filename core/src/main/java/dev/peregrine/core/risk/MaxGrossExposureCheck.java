package dev.peregrine.core.risk;

/**
 * Rejects an order that would take the account's gross exposure (sum of |position| x mark plus open
 * orders) above the limit. Reducing orders always pass. Limit 0: none.
 */
public final class MaxGrossExposureCheck implements RiskCheck
{
    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        final double limit = context.limits.maxGrossExposure;
        if (limit <= 0 || order.reducing)
        {
            return RejectReason.NONE;
        }
        // Unpriced (no touch to value a market order at): it cannot be shown to fit, so it does not.
        return order.referencePrice <= 0 || context.grossExposure() + order.notional() > limit ?
            RejectReason.MAX_GROSS_EXPOSURE : RejectReason.NONE;
    }
}
