package dev.peregrine.core.risk;

/**
 * Rejects an order worth more than the instrument's notional limit at its reference price (limit 0: none).
 */
public final class MaxOrderNotionalCheck implements RiskCheck
{
    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        final double limit = context.limits.maxOrderNotional[order.instrumentId];
        return limit > 0 && order.notional() > limit ? RejectReason.MAX_ORDER_NOTIONAL : RejectReason.NONE;
    }
}
