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
        return context.grossExposure() + order.notional() > limit ? RejectReason.MAX_GROSS_EXPOSURE : RejectReason.NONE;
    }
}
