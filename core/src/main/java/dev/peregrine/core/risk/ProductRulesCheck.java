package dev.peregrine.core.risk;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.market.InstrumentRules;
import dev.peregrine.core.order.OrderType;

/**
 * The venue's rules for the product: it must take new orders, the quantity must be at least the
 * minimum size and a multiple of the size increment, and a limit price a multiple of the price increment.
 */
public final class ProductRulesCheck implements RiskCheck
{
    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        final int id = order.instrumentId;
        final InstrumentRules rules = context.rules;
        if (!rules.acceptsOrders(id))
        {
            return RejectReason.INSTRUMENT_NOT_TRADING;
        }
        if (order.quantity <= 0 || order.quantity % rules.sizeIncrement(id) != 0 ||
            (order.side != Side.BUY && order.side != Side.SELL))
        {
            return RejectReason.INVALID_QUANTITY;
        }
        if (order.quantity < rules.minSize(id))
        {
            return RejectReason.BELOW_MIN_SIZE;
        }
        if (order.type != OrderType.MARKET && (order.limitPrice <= 0 || order.limitPrice % rules.priceIncrement(id) != 0))
        {
            return RejectReason.INVALID_PRICE;
        }
        return RejectReason.NONE;
    }
}
