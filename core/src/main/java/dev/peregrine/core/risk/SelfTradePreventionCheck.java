package dev.peregrine.core.risk;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.order.OrderType;

/**
 * Refuses an order that would trade against one of our own resting orders: a buy at or above one of
 * our open sells (any price for a market buy), and the mirror for sells. Venues fine or ban wash trades.
 */
public final class SelfTradePreventionCheck implements RiskCheck
{
    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        final boolean buy = order.side == Side.BUY;
        final OrderStore orders = context.orders;
        for (int i = 0; i < orders.openCount(); i++)
        {
            final Order resting = orders.open(i);
            if (resting.instrumentId() != order.instrumentId || resting.side() == order.side ||
                resting.type() != OrderType.LIMIT)
            {
                continue;
            }
            final boolean crosses = order.type == OrderType.MARKET ||
                (buy ? order.limitPrice >= resting.limitPrice() : order.limitPrice <= resting.limitPrice());
            if (crosses)
            {
                return RejectReason.SELF_TRADE;
            }
        }
        return RejectReason.NONE;
    }
}
