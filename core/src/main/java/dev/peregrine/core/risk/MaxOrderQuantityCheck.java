package dev.peregrine.core.risk;

/**
 * Rejects an order whose quantity is above the instrument's limit (equal passes).
 */
public final class MaxOrderQuantityCheck implements RiskCheck
{
    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        return order.quantity > context.limits.maxOrderQuantity[order.instrumentId] ?
            RejectReason.MAX_ORDER_QUANTITY : RejectReason.NONE;
    }
}
