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
        if (limit <= 0)
        {
            return RejectReason.NONE;
        }
        // An order with no price to value it at (a market order on an empty side) cannot be shown to be
        // under the limit, so it is not.
        return order.referencePrice <= 0 || order.notional() > limit ? RejectReason.MAX_ORDER_NOTIONAL : RejectReason.NONE;
    }
}
