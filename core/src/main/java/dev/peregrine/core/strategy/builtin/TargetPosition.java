package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.strategy.StrategyContext;

/**
 * Moves one strategy's position in one instrument towards a target with a single order. The order is
 * the target minus the <em>expected</em> position: the strategy's own position plus what its open orders
 * will still add (open buys minus open sells). Counting open orders means an order in flight is not sent
 * twice when the next bar comes before its fill, and a partial fill is topped up on the next decision
 * rather than chased.
 *
 * <p>A working order on the other side of the new order is stale (the signal turned before it filled):
 * it is cancelled and the new order is sized without it, so an unfilled resting buy followed by a sell
 * signal costs one cancel, not a sell that would pay fees twice once both fill. Should the cancelled order
 * fill before its cancel lands, the next decision sees the position and corrects it. When cancelling would
 * turn the order around (the target lies between the position and the expected position), the working
 * order is left alone and the difference is traded as before.
 *
 * <p>Market orders cross the spread. Limit orders join the touch: the best bid to buy, the best ask to
 * sell; with no quote on that side there is no price to join, so nothing is sent (counted in
 * {@link #ordersWithoutTouch()}) and the explanation already written is dropped, so it cannot be
 * attached to a later, unrelated order.
 */
final class TargetPosition
{
    private final StrategyContext context;
    private final int instrumentId;
    private final boolean joinTouch;
    private long ordersWithoutTouch;

    /**
     * Trades the instrument of {@code terms} in its order style: {@link BarCloseTerms#joinTouch()} rests a
     * limit order at the touch (maker fees, may not fill), else market orders go (taker fees, slippage).
     */
    TargetPosition(final StrategyContext context, final BarCloseTerms terms)
    {
        this.context = context;
        this.instrumentId = terms.instrumentId();
        this.joinTouch = terms.joinTouch();
    }

    /**
     * Checks a configured position size: {@code quantity} (scaled) must be > 0, or 0 for the engine's order
     * quantity at the current price.
     */
    static void requireQuantity(final StrategyContext context, final long quantity)
    {
        if (quantity < 0)
        {
            throw new IllegalArgumentException("strategy '" + context.name() + "': quantity must be > 0 (or 0 for the " +
                "engine's order quantity at the current price), got " + quantity + " (scaled)");
        }
    }

    /** The size of the position: {@code quantity}, or for 0 the engine's order quantity at the current price. */
    long size(final long quantity)
    {
        return quantity > 0 ? quantity : context.defaultOrderQuantity(instrumentId);
    }

    /** Position plus open buys minus open sells (scaled, signed): where the strategy stands once its orders complete. */
    long expectedPosition()
    {
        return context.position(instrumentId) + context.openQuantity(instrumentId, Side.BUY) -
            context.openQuantity(instrumentId, Side.SELL);
    }

    /**
     * Sends the order that moves the expected position by {@code delta} (scaled, signed, non-zero). The
     * caller has written the decision's explanation just before. Returns the order id, -1 if risk refused
     * it, or 0 if a limit order had no touch to join.
     */
    long send(final long delta)
    {
        final int side = delta > 0 ? Side.BUY : Side.SELL;
        final int opposite = delta > 0 ? Side.SELL : Side.BUY;
        final long against = context.openQuantity(instrumentId, opposite);
        long quantity = Math.abs(delta);
        if (against > 0 && against <= quantity)
        {
            cancelWorking(opposite);
            quantity -= against;
            if (quantity == 0)
            {
                context.decision().clearExplanation();
                return 0;
            }
        }
        if (!joinTouch)
        {
            return context.submitMarketOrder(instrumentId, side, quantity);
        }
        final long touch = side == Side.BUY ? context.market().bidPrice(instrumentId) : context.market().askPrice(instrumentId);
        if (touch <= 0)
        {
            ordersWithoutTouch++;
            context.decision().clearExplanation();
            return 0;
        }
        return context.submitLimitOrder(instrumentId, side, quantity, touch);
    }

    private void cancelWorking(final int side)
    {
        for (int i = context.openOrderCount() - 1; i >= 0; i--)
        {
            final Order order = context.openOrder(i);
            if (order.instrumentId() == instrumentId && order.side() == side)
            {
                context.cancelOrder(order.orderId());
            }
        }
    }

    /** Limit orders not sent because the side to join was empty. */
    long ordersWithoutTouch()
    {
        return ordersWithoutTouch;
    }

    long hash(final long seed)
    {
        long h = Hash64.mix(seed, instrumentId);
        h = Hash64.mix(h, joinTouch ? 1L : 0L);
        return Hash64.mix(h, ordersWithoutTouch);
    }
}
