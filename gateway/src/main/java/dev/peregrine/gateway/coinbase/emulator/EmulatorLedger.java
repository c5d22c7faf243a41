package dev.peregrine.gateway.coinbase.emulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The emulated user's book of record: every order (by venue id and by client order id), every fill, and the
 * wallets they move. What happens to resting orders lives here too: a trade elsewhere fills the limits it
 * reaches and triggers the stops it passes, and GTD orders expire; each change goes to {@code publish} (the
 * user channel). Called under the emulator's lock.
 */
final class EmulatorLedger
{
    private final Map<String, EmulatedOrder> ordersById = new LinkedHashMap<>();
    private final Map<String, EmulatedOrder> ordersByClientId = new HashMap<>();
    private final List<EmulatedFill> fills = new ArrayList<>();
    private final EmulatorBalances balances;
    private final EmulatorIntxPortfolio intx;
    private final Consumer<EmulatedOrder> publish;
    private long orderSequence;

    EmulatorLedger(final EmulatorBalances balances, final EmulatorIntxPortfolio intx, final Consumer<EmulatedOrder> publish)
    {
        this.balances = balances;
        this.intx = intx;
        this.publish = publish;
    }

    EmulatedOrder existing(final String clientOrderId)
    {
        return ordersByClientId.get(clientOrderId);
    }

    EmulatedOrder order(final String orderId)
    {
        return ordersById.get(orderId);
    }

    /** An open order, for the test hooks that act on one. */
    EmulatedOrder open(final String orderId)
    {
        final EmulatedOrder order = ordersById.get(orderId);
        if (order == null || !order.open())
        {
            throw new IllegalStateException("no open order " + orderId);
        }
        return order;
    }

    String nextOrderId()
    {
        return new UUID(0x5045524547524e45L, ++orderSequence).toString();
    }

    void add(final EmulatedOrder order)
    {
        ordersById.put(order.orderId, order);
        ordersByClientId.put(order.clientOrderId, order);
    }

    /** Every order, in creation order. */
    Collection<EmulatedOrder> orders()
    {
        return ordersById.values();
    }

    /** Every fill, oldest first. */
    List<EmulatedFill> fills()
    {
        return fills;
    }

    /** What a wallet may spend now: its balance less what open orders hold. */
    BigDecimal available(final String currency)
    {
        return balances.available(currency, ordersById.values());
    }

    /** Fills part of an order: the order's totals, a fill for {@code /orders/historical/fills}, both wallets. */
    void fill(final EmulatedOrder order, final BigDecimal size, final BigDecimal price, final boolean maker)
    {
        final String time = Instant.ofEpochMilli(System.currentTimeMillis()).toString();
        final BigDecimal fee = order.fill(size, price, time);
        final long sequence = fills.size() + 1L;
        fills.add(new EmulatedFill(sequence, new UUID(0x46494c4c454e5452L, sequence).toString(), Long.toString(sequence), order,
            price, size, fee, time, maker));
        if (intx.trades(order.productId))
        {
            intx.settle(order, size, price, fee);
        }
        else
        {
            balances.settle(order, size, price, fee);
        }
    }

    /**
     * A trade at {@code price} on {@code productId}: stops it passes trigger, then every resting limit it reaches
     * (a buy at or above the price, a sell at or below) fills in full at its limit, as a maker, oldest first.
     *
     * @return the orders filled.
     */
    int tradeAt(final String productId, final BigDecimal price)
    {
        int filled = 0;
        for (final EmulatedOrder order : ordersById.values())
        {
            if (!order.open() || !order.productId.equals(productId))
            {
                continue;
            }
            if (order.stopLimit() && !order.triggered &&
                ("STOP_DIRECTION_STOP_UP".equals(order.stopDirection) ? price.compareTo(order.stopPrice) >= 0 :
                    price.compareTo(order.stopPrice) <= 0))
            {
                order.triggered = true; // the stop is reached: from now on a resting limit
                publish.accept(order);
            }
            if (order.resting() && ("BUY".equals(order.side) ? price.compareTo(order.limitPrice) <= 0 : price.compareTo(order.limitPrice) >= 0))
            {
                fill(order, order.remaining(), order.limitPrice, true);
                publish.accept(order);
                filled++;
            }
        }
        return filled;
    }

    /** GTD orders past their {@code end_time} expire. */
    void expire(final long nowEpochSecond)
    {
        for (final EmulatedOrder order : ordersById.values())
        {
            if (order.open() && order.endEpochSecond != 0 && order.endEpochSecond <= nowEpochSecond)
            {
                order.status = "EXPIRED";
                publish.accept(order);
            }
        }
    }

    /** Net filled quantity of a product over every order: buys minus sells, as a plain decimal. */
    String netFilled(final String productId)
    {
        BigDecimal net = BigDecimal.ZERO;
        for (final EmulatedOrder order : ordersById.values())
        {
            if (order.productId.equals(productId))
            {
                net = "BUY".equals(order.side) ? net.add(order.cumulativeQuantity) : net.subtract(order.cumulativeQuantity);
            }
        }
        return net.stripTrailingZeros().toPlainString();
    }

    /** One line per order of {@code productId}, in creation order: client id, side, type, status, filled. */
    List<String> describe(final String productId)
    {
        final List<String> lines = new ArrayList<>();
        for (final EmulatedOrder order : ordersById.values())
        {
            if (order.productId.equals(productId))
            {
                lines.add(order.clientOrderId + " " + order.side + " " + order.orderType + " " + order.status + " filled " +
                    order.cumulativeQuantity.stripTrailingZeros().toPlainString() + " at " + order.creationTime);
            }
        }
        return lines;
    }
}
