package dev.peregrine.core.strategy;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.market.InstrumentRules;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.RiskContext;

/**
 * Turns what a strategy asks for into what may be sent, before risk sees it. Strategies size orders from
 * positions, partial fills and notional amounts, so their quantities fall off the venue's lot; a
 * quantity off the lot is refused by risk every time ({@code INVALID_QUANTITY}), so the strategy would
 * ask again on the next signal and collect rejects instead of trading. Hence every order is:
 * <ol>
 *   <li>capped at the instrument's maximum order quantity, and for an order that adds to the position
 *       at the room left under the maximum position (position and open orders on that side counted,
 *       as {@code MaxPositionCheck} counts them): a strategy never proposes what risk must refuse;</li>
 *   <li>rounded down (towards zero) to the size increment. What rounds to 0 is not sent at all.</li>
 * </ol>
 * It also converts the engine's order notional at the current price (last trade, else the mid), so a
 * 1,000 USD order is 1,000 USD at the price of the data rather than at the catalog's reference price.
 * Everything it reads is core state built from journaled events, so replay sizes alike. Core thread only;
 * no allocation.
 */
final class OrderSizer
{
    private final MarketState market;
    private final InstrumentRules rules;
    private final RiskContext risk;
    private final long[] fallbackQuantity;
    private final double orderNotional;

    /**
     * @param fallbackQuantity per instrument (scaled): the size while no price is known, and the size
     *                         always when {@code orderNotional} is 0.
     * @param orderNotional    one order's size in quote currency at the current price; 0 for fixed sizes.
     */
    OrderSizer(final MarketState market, final InstrumentRules rules, final RiskContext risk,
        final long[] fallbackQuantity, final double orderNotional)
    {
        this.market = market;
        this.rules = rules;
        this.risk = risk;
        this.fallbackQuantity = fallbackQuantity.clone();
        this.orderNotional = orderNotional;
    }

    /**
     * The quantity to send for an order of {@code quantity} on {@code side}: capped by the risk limits
     * and rounded down to the lot; 0 means "send nothing". Quantities that are not positive, or of an
     * unknown instrument, pass unchanged so that risk refuses them with the right reason.
     */
    long size(final int instrumentId, final int side, final long quantity)
    {
        if (quantity <= 0 || instrumentId < 0 || instrumentId >= fallbackQuantity.length)
        {
            return quantity;
        }
        long q = quantity;
        final long maxOrder = risk.limits.maxOrderQuantity[instrumentId];
        if (maxOrder > 0 && q > maxOrder)
        {
            q = maxOrder;
        }
        final long maxPosition = risk.limits.maxPosition[instrumentId];
        if (maxPosition > 0 && !risk.isReducing(instrumentId, side, q))
        {
            // Exposure in the order's direction once the open orders on that side fill.
            final long exposure = Side.sign(side) * risk.positions.quantity(instrumentId) +
                risk.orders.openQuantity(instrumentId, side);
            final long room = maxPosition - exposure;
            if (q > room)
            {
                q = Math.max(room, 0);
            }
        }
        return onLot(instrumentId, q);
    }

    /** Rounded down to the instrument's size increment. */
    long onLot(final int instrumentId, final long quantity)
    {
        final long lot = rules.sizeIncrement(instrumentId);
        return lot > 0 ? quantity - quantity % lot : quantity;
    }

    /**
     * The engine's order size now: the order notional over the current price (the last trade, else the
     * mid of a two-sided quote), rounded down to the lot and at least one lot; the fixed quantity while
     * no price is known or when no notional is configured.
     */
    long defaultQuantity(final int instrumentId)
    {
        if (orderNotional <= 0)
        {
            return fallbackQuantity[instrumentId];
        }
        long price = market.lastPrice(instrumentId);
        if (price <= 0)
        {
            final long bid = market.bidPrice(instrumentId);
            final long ask = market.askPrice(instrumentId);
            price = bid > 0 && ask > 0 ? bid + (ask - bid) / 2 : 0;
        }
        if (price <= 0)
        {
            return fallbackQuantity[instrumentId];
        }
        final long quantity = onLot(instrumentId, FixedPoint.fromDouble(orderNotional / FixedPoint.toDouble(price)));
        final long lot = rules.sizeIncrement(instrumentId);
        return Math.max(quantity, lot > 0 ? lot : 1);
    }
}
