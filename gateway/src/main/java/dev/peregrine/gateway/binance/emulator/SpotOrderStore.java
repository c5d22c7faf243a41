package dev.peregrine.gateway.binance.emulator;

import dev.peregrine.core.instrument.ProductCatalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every order and fill of the emulated account, by id and in creation order, and the lookups the query endpoints
 * make: an order by {@code orderId} or {@code origClientOrderId} (the latest with that id), open orders, all orders
 * and the account's trades with the venue's {@code orderId}/{@code fromId}, time range and {@code limit} filters.
 */
final class SpotOrderStore
{
    private final Map<String, SymbolRules> rules = new LinkedHashMap<>();
    private final Map<Long, SpotOrder> orders = new LinkedHashMap<>();
    private final List<SpotTrade> trades = new ArrayList<>();
    private long nextOrderId = 1;
    private long generatedIds;

    SpotOrderStore(final ProductCatalog catalog)
    {
        for (final ProductCatalog.Product product : catalog.products())
        {
            rules.put(product.symbol(), SymbolRules.of(product));
        }
    }

    /** @throws BinanceRejection -1121 for a symbol the venue does not list. */
    SymbolRules rules(final String symbol)
    {
        final SymbolRules found = symbol == null ? null : rules.get(symbol);
        if (found == null)
        {
            throw BinanceRejection.badRequest(-1121, "Invalid symbol.");
        }
        return found;
    }

    Iterable<SymbolRules> symbols()
    {
        return rules.values();
    }

    /** A client order id the venue makes up when a request sends none (22 characters, as the venue's are). */
    String generatedClientId()
    {
        final String hex = new UUID(0x7065726567726e65L, ++generatedIds).toString().replace("-", "");
        return "emu" + hex.substring(hex.length() - 19);
    }

    SpotOrder create(final SymbolRules symbol, final NewOrder request, final long now)
    {
        return new SpotOrder(symbol, nextOrderId++, request, now);
    }

    void add(final SpotOrder order)
    {
        orders.put(order.orderId, order);
    }

    void trade(final SpotTrade trade)
    {
        trades.add(trade);
    }

    SpotOrder openWithClientId(final String clientOrderId)
    {
        for (final SpotOrder order : orders.values())
        {
            if (order.open() && order.clientOrderId.equals(clientOrderId))
            {
                return order;
            }
        }
        return null;
    }

    /**
     * The order named by {@code orderId} (when not -1) or else {@code origClientOrderId}; with both, the id's order
     * must carry that client id. Null when there is none.
     */
    SpotOrder find(final String symbol, final long orderId, final String origClientOrderId)
    {
        if (orderId < 0 && origClientOrderId == null)
        {
            throw BinanceRejection.badRequest(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        if (orderId >= 0)
        {
            final SpotOrder order = orders.get(orderId);
            if (order == null || !order.rules.symbol().equals(symbol))
            {
                return null;
            }
            if (origClientOrderId != null && !origClientOrderId.equals(order.clientOrderId))
            {
                throw BinanceRejection.badRequest(-2039, "Client order ID is not correct for this order ID.");
            }
            return order;
        }
        SpotOrder latest = null;
        for (final SpotOrder order : orders.values())
        {
            if (order.rules.symbol().equals(symbol) && order.clientOrderId.equals(origClientOrderId))
            {
                latest = order;
            }
        }
        return latest;
    }

    /** Open orders of {@code symbol}, or of every symbol when null, oldest first. */
    List<SpotOrder> open(final String symbol)
    {
        final List<SpotOrder> open = new ArrayList<>();
        for (final SpotOrder order : orders.values())
        {
            if (order.open() && (symbol == null || order.rules.symbol().equals(symbol)))
            {
                open.add(order);
            }
        }
        return open;
    }

    /** {@code allOrders}: orders of the symbol from {@code fromOrderId} (or the most recent), in the time range. */
    List<SpotOrder> all(final String symbol, final long fromOrderId, final long startTime, final long endTime, final int limit)
    {
        final List<SpotOrder> found = new ArrayList<>();
        for (final SpotOrder order : orders.values())
        {
            if (order.rules.symbol().equals(symbol) && order.orderId >= fromOrderId && order.time >= startTime && order.time <= endTime)
            {
                found.add(order);
            }
        }
        return window(found, fromOrderId > 0 || startTime > 0, limit);
    }

    /** {@code myTrades}: the symbol's fills, of one order when {@code orderId} is not -1, from {@code fromId}. */
    List<SpotTrade> trades(final String symbol, final long orderId, final long fromId, final long startTime, final long endTime,
        final int limit)
    {
        final List<SpotTrade> found = new ArrayList<>();
        for (final SpotTrade trade : trades)
        {
            if (trade.symbol().equals(symbol) && (orderId < 0 || trade.orderId() == orderId) && trade.id() >= fromId &&
                trade.time() >= startTime && trade.time() <= endTime)
            {
                found.add(trade);
            }
        }
        return window(found, fromId > 0 || startTime > 0, limit);
    }

    /** The first {@code limit} items when the client gave a start, else the most recent {@code limit}; oldest first. */
    private static <T> List<T> window(final List<T> items, final boolean fromStart, final int limit)
    {
        if (items.size() <= limit)
        {
            return items;
        }
        return fromStart ? items.subList(0, limit) : items.subList(items.size() - limit, items.size());
    }

    int orderCount()
    {
        return orders.size();
    }

    SpotOrder byId(final long orderId)
    {
        return orders.get(orderId);
    }

    /** Buys minus sells of {@code symbol}, filled quantity over every order. */
    BigDecimal netFilled(final String symbol)
    {
        BigDecimal net = BigDecimal.ZERO;
        for (final SpotOrder order : orders.values())
        {
            if (order.rules.symbol().equals(symbol))
            {
                net = order.buy() ? net.add(order.executedQty) : net.subtract(order.executedQty);
            }
        }
        return net;
    }
}
