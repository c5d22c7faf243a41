package dev.peregrine.gateway.binanceusdm.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's orders and fills at the emulated venue, by venue id and client id, in placement order, with the
 * contracts they trade. Order ids and trade ids count up from 1 across symbols.
 */
final class UsdmOrders
{
    private final Map<String, UsdmContract> contracts = new LinkedHashMap<>();
    private final Map<Long, UsdmOrder> byId = new LinkedHashMap<>();
    private final List<UsdmTrade> trades = new ArrayList<>();
    private long nextOrderId = 1;
    private long nextTradeId = 1;

    UsdmOrders(final List<UsdmContract> list)
    {
        for (final UsdmContract c : list)
        {
            contracts.put(c.symbol(), c);
        }
    }

    List<UsdmContract> contracts()
    {
        return List.copyOf(contracts.values());
    }

    /** @throws dev.peregrine.gateway.binance.emulator.BinanceRejection -1121 for a symbol not listed. */
    UsdmContract contract(final String symbol)
    {
        final UsdmContract c = symbol == null ? null : contracts.get(symbol);
        if (c == null)
        {
            throw UsdmErrors.invalidSymbol();
        }
        return c;
    }

    long nextOrderId()
    {
        return nextOrderId++;
    }

    long nextTradeId()
    {
        return nextTradeId++;
    }

    void add(final UsdmOrder order)
    {
        byId.put(order.orderId, order);
    }

    UsdmOrder byId(final long orderId)
    {
        return byId.get(orderId);
    }

    /** The latest order of {@code symbol} with this venue id (when not -1) or client id, or null. */
    UsdmOrder find(final String symbol, final long orderId, final String clientOrderId)
    {
        UsdmOrder found = null;
        for (final UsdmOrder o : byId.values())
        {
            if (o.contract.symbol().equals(symbol) && (orderId >= 0 ? o.orderId == orderId : o.clientOrderId.equals(clientOrderId)))
            {
                found = o;
            }
        }
        return found;
    }

    UsdmOrder openWithClientId(final String clientOrderId)
    {
        for (final UsdmOrder o : byId.values())
        {
            if (o.open() && o.clientOrderId.equals(clientOrderId))
            {
                return o;
            }
        }
        return null;
    }

    /** Open orders of {@code symbol}, or of every symbol when null, in placement order. */
    List<UsdmOrder> open(final String symbol)
    {
        final List<UsdmOrder> list = new ArrayList<>();
        for (final UsdmOrder o : byId.values())
        {
            if (o.open() && (symbol == null || o.contract.symbol().equals(symbol)))
            {
                list.add(o);
            }
        }
        return list;
    }

    /**
     * The venue's own closing orders ({@code autoclose-} liquidations, {@code adl_autoclose} ADL) of {@code symbol} (or
     * every symbol when null), of one {@code autoCloseType} when not null, placed within {@code startTime..endTime}
     * (-1: open), oldest first, at most {@code limit}.
     */
    List<UsdmOrder> forceOrders(final String symbol, final String autoCloseType, final long startTime, final long endTime,
        final int limit)
    {
        final List<UsdmOrder> list = new ArrayList<>();
        for (final UsdmOrder o : byId.values())
        {
            final boolean liquidation = o.clientOrderId.startsWith("autoclose-");
            final boolean adl = o.clientOrderId.startsWith("adl_autoclose");
            if ((liquidation || adl) && (symbol == null || o.contract.symbol().equals(symbol)) &&
                (autoCloseType == null || "LIQUIDATION".equals(autoCloseType) == liquidation) &&
                (startTime < 0 || o.time >= startTime) && (endTime < 0 || o.time <= endTime) && list.size() < limit)
            {
                list.add(o);
            }
        }
        return list;
    }

    void trade(final UsdmTrade trade)
    {
        trades.add(trade);
    }

    /** Fills of {@code symbol}, of one order when {@code orderId} is not -1, from {@code fromId} on, at most {@code limit}. */
    List<UsdmTrade> trades(final String symbol, final long orderId, final long fromId, final int limit)
    {
        final List<UsdmTrade> list = new ArrayList<>();
        for (final UsdmTrade t : trades)
        {
            if (t.symbol().equals(symbol) && (orderId < 0 || t.orderId() == orderId) && t.id() >= fromId && list.size() < limit)
            {
                list.add(t);
            }
        }
        return list;
    }

    int orderCount()
    {
        return byId.size();
    }
}
