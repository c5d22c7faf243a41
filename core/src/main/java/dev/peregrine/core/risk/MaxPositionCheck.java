package dev.peregrine.core.risk;

import dev.peregrine.core.event.Side;

/**
 * Rejects an order that, filled in full together with the open orders on the same side, would leave
 * the absolute position above the instrument's limit. An order that only reduces the position always
 * passes, even when the position is already over the limit (after a limit was lowered).
 */
public final class MaxPositionCheck implements RiskCheck
{
    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        if (order.reducing)
        {
            return RejectReason.NONE;
        }
        final int id = order.instrumentId;
        final long signedOpen = Side.sign(order.side) * context.orders.openQuantity(id, order.side);
        final long after = context.positions.quantity(id) + signedOpen + Side.sign(order.side) * order.quantity;
        return Math.abs(after) > context.limits.maxPosition[id] ? RejectReason.MAX_POSITION : RejectReason.NONE;
    }
}
