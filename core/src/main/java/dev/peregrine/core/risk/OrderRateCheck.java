package dev.peregrine.core.risk;

/**
 * At most N orders per second and M per minute, in event time (0: no limit).
 */
public final class OrderRateCheck implements RiskCheck
{
    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        return context.orderRateAllows(order.timeNanos) ? RejectReason.NONE : RejectReason.ORDER_RATE;
    }
}
