package dev.peregrine.gateway.binance.emulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order endpoints' answers: {@code order} (new, query, cancel), {@code order/test}, {@code openOrders} (list
 * and cancel all) and {@code allOrders}. Requests arrive authenticated; these read the parameters, ask
 * {@link SpotTrading} and shape the venue's JSON.
 */
final class OrderEndpoints
{
    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 1000;
    private static final long MAX_RANGE_MILLIS = 24 * 60 * 60_000L;

    private final SpotTrading trading;
    private final SpotOrderStore store;

    OrderEndpoints(final SpotTrading trading)
    {
        this.trading = trading;
        this.store = trading.store;
    }

    NewOrder read(final RequestParameters p)
    {
        return NewOrder.read(p, store.rules(p.required("symbol")), store.generatedClientId());
    }

    Object create(final RequestParameters p, final long now)
    {
        final NewOrder request = read(p);
        final SpotTrading.Placement placed = trading.place(request, now);
        final SpotOrder order = placed.order();
        return switch (request.respType())
        {
            case "ACK" -> order.ack(now);
            case "RESULT" -> order.result(now);
            default ->
            {
                final Map<String, Object> full = order.result(now);
                final List<Map<String, Object>> fills = new ArrayList<>();
                placed.fills().forEach(fill -> fills.add(fill.fill()));
                full.put("fills", fills);
                yield full;
            }
        };
    }

    /** {@code order/test}: checked as a new order would be, never placed. */
    Object test(final RequestParameters p)
    {
        read(p);
        if (!p.flag("computeCommissionRates"))
        {
            return Map.of();
        }
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("standardCommissionForOrder", rates(SpotAccount.COMMISSION_RATE));
        m.put("specialCommissionForOrder", rates(BigDecimal.ZERO));
        m.put("taxCommissionForOrder", rates(BigDecimal.ZERO));
        m.put("discount", discount());
        return m;
    }

    static Map<String, Object> rates(final BigDecimal rate)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("maker", EmulatorJson.amount(rate));
        m.put("taker", EmulatorJson.amount(rate));
        return m;
    }

    /** BNB discounts are off: the emulated account pays commission in what it receives. */
    static Map<String, Object> discount()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabledForAccount", false);
        m.put("enabledForSymbol", false);
        m.put("discountAsset", "BNB");
        m.put("discount", EmulatorJson.amount(new BigDecimal("0.25")));
        return m;
    }

    Object query(final RequestParameters p)
    {
        final String symbol = store.rules(p.required("symbol")).symbol();
        final SpotOrder order = store.find(symbol, p.longValue("orderId", -1), p.get("origClientOrderId"));
        if (order == null)
        {
            throw BinanceRejection.badRequest(-2013, "Order does not exist.");
        }
        return order.view();
    }

    Object cancel(final RequestParameters p, final long now)
    {
        final String symbol = store.rules(p.required("symbol")).symbol();
        final String restriction = p.get("cancelRestrictions");
        if (restriction != null && !"ONLY_NEW".equals(restriction) && !"ONLY_PARTIALLY_FILLED".equals(restriction))
        {
            throw BinanceRejection.badRequest(-1145, "Invalid cancelRestrictions");
        }
        final SpotOrder order = store.find(symbol, p.longValue("orderId", -1), p.get("origClientOrderId"));
        if (order == null || !order.open())
        {
            throw BinanceRejection.badRequest(-2011, "Unknown order sent.");
        }
        if (restriction != null && !restriction.substring("ONLY_".length()).equals(order.status))
        {
            throw BinanceRejection.badRequest(-2011, "Order was not canceled due to cancel restrictions.");
        }
        final String cancelId = cancelClientId(p);
        return trading.cancel(order, cancelId, now).canceled(cancelId, now);
    }

    private String cancelClientId(final RequestParameters p)
    {
        final String sent = p.get("newClientOrderId");
        if (sent != null && !sent.matches(NewOrder.CLIENT_ID_RANGE))
        {
            throw BinanceRejection.illegal("newClientOrderId", NewOrder.CLIENT_ID_RANGE);
        }
        return sent != null ? sent : store.generatedClientId();
    }

    Object open(final RequestParameters p)
    {
        final String symbol = p.has("symbol") ? store.rules(p.get("symbol")).symbol() : null;
        return views(store.open(symbol));
    }

    Object cancelAll(final RequestParameters p, final long now)
    {
        final String symbol = store.rules(p.required("symbol")).symbol();
        final List<SpotOrder> open = store.open(symbol);
        if (open.isEmpty())
        {
            throw BinanceRejection.badRequest(-2011, "Unknown order sent.");
        }
        final List<Map<String, Object>> answer = new ArrayList<>();
        for (final SpotOrder order : open)
        {
            final String cancelId = store.generatedClientId();
            answer.add(trading.cancel(order, cancelId, now).canceled(cancelId, now));
        }
        return answer;
    }

    Object all(final RequestParameters p)
    {
        final String symbol = store.rules(p.required("symbol")).symbol();
        final long[] range = range(p);
        return views(store.all(symbol, p.longValue("orderId", 0), range[0], range[1], limit(p)));
    }

    Object myTrades(final RequestParameters p)
    {
        final String symbol = store.rules(p.required("symbol")).symbol();
        final long[] range = range(p);
        final List<Map<String, Object>> answer = new ArrayList<>();
        store.trades(symbol, p.longValue("orderId", -1), p.longValue("fromId", 0), range[0], range[1], limit(p))
            .forEach(trade -> answer.add(trade.accountTrade()));
        return answer;
    }

    /** {@code startTime}/{@code endTime}, at most 24 hours apart (-1127). */
    private static long[] range(final RequestParameters p)
    {
        final long start = p.longValue("startTime", 0);
        final long end = p.longValue("endTime", Long.MAX_VALUE);
        if (p.has("startTime") && p.has("endTime") && (end < start || end - start > MAX_RANGE_MILLIS))
        {
            throw BinanceRejection.badRequest(-1127, "More than 24 hours between startTime and endTime.");
        }
        return new long[] {start, end};
    }

    private static int limit(final RequestParameters p)
    {
        final long limit = p.longValue("limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT)
        {
            throw BinanceRejection.badRequest(-1130, "Data sent for parameter 'limit' is not valid.");
        }
        return (int)limit;
    }

    private static List<Map<String, Object>> views(final List<SpotOrder> orders)
    {
        final List<Map<String, Object>> answer = new ArrayList<>();
        orders.forEach(order -> answer.add(order.view()));
        return answer;
    }
}
