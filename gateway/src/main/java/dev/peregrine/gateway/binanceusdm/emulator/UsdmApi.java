package dev.peregrine.gateway.binanceusdm.emulator;

import dev.peregrine.gateway.binance.emulator.BinanceRejection;
import dev.peregrine.gateway.binance.emulator.RequestParameters;
import dev.peregrine.gateway.binance.emulator.UserDataStreams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of each served endpoint's answer, once its request is authenticated: orders, trades, income, leverage and
 * margin type, the account, balance and positions, and the listen key (one per account, as the venue keeps it: a
 * second {@code POST} returns the live key and extends it; {@code PUT} and {@code DELETE} need no key).
 */
final class UsdmApi
{
    private final UsdmTrading trading;
    private final UserDataStreams streams;
    private String listenKey;
    private long generatedIds;

    UsdmApi(final UsdmTrading trading, final UserDataStreams streams)
    {
        this.trading = trading;
        this.streams = streams;
    }

    Object dispatch(final UsdmEndpoint endpoint, final RequestParameters p, final long now)
    {
        return switch (endpoint)
        {
            case NEW_ORDER -> trading.place(UsdmNewOrder.of(p, "emu" + now + "-" + ++generatedIds), now).view();
            case QUERY_ORDER -> order(p, UsdmErrors.noSuchOrder()).view();
            case CANCEL_ORDER ->
            {
                final UsdmOrder order = order(p, UsdmErrors.unknownOrder());
                if (!order.open())
                {
                    throw UsdmErrors.unknownOrder();
                }
                yield trading.cancel(order, now).view();
            }
            case OPEN_ORDERS -> views(trading.orders.open(p.has("symbol") ? trading.orders.contract(p.get("symbol")).symbol() : null));
            case USER_TRADES -> trades(p);
            case INCOME -> trading.income.list(p.get("symbol"), p.get("incomeType"), p.longValue("startTime", -1),
                p.longValue("endTime", -1), (int)Math.min(1000, p.longValue("limit", 100)));
            case FORCE_ORDERS -> forceOrders(p);
            case LEVERAGE -> leverage(p);
            case MARGIN_TYPE -> marginType(p);
            case LEVERAGE_BRACKET -> brackets(p);
            case POSITION_RISK_V2 -> trading.account.positionRisk(symbol(p), false);
            case POSITION_RISK_V3 -> trading.account.positionRisk(symbol(p), true);
            case ACCOUNT_V2, ACCOUNT_V3 -> trading.account.accountView(trading.openOrderMargin());
            case BALANCE_V2, BALANCE_V3 -> trading.account.balanceView(trading.openOrderMargin(), "SgsR");
            case START_USER_STREAM ->
            {
                listenKey = streams.start(now);
                yield Map.of("listenKey", listenKey);
            }
            case KEEP_USER_STREAM ->
            {
                streams.keepAlive(p.has("listenKey") ? p.get("listenKey") : liveKey(), now);
                yield Map.of("listenKey", liveKey());
            }
            case CLOSE_USER_STREAM ->
            {
                streams.delete(p.has("listenKey") ? p.get("listenKey") : liveKey(), now);
                listenKey = null;
                yield Map.of();
            }
        };
    }

    private String liveKey()
    {
        if (listenKey == null)
        {
            throw BinanceRejection.badRequest(-1125, "This listenKey does not exist.");
        }
        return listenKey;
    }

    private String symbol(final RequestParameters p)
    {
        return p.has("symbol") ? trading.orders.contract(p.get("symbol")).symbol() : null;
    }

    /** By {@code orderId} or {@code origClientOrderId}; -1102 when neither is sent. */
    private UsdmOrder order(final RequestParameters p, final BinanceRejection missing)
    {
        final String symbol = trading.orders.contract(p.required("symbol")).symbol();
        final long orderId = p.longValue("orderId", -1);
        if (orderId < 0 && !p.has("origClientOrderId"))
        {
            throw BinanceRejection.badRequest(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        final UsdmOrder order = trading.orders.find(symbol, orderId, p.get("origClientOrderId"));
        if (order == null)
        {
            throw missing;
        }
        return order;
    }

    private static List<Map<String, Object>> views(final List<UsdmOrder> list)
    {
        final List<Map<String, Object>> views = new ArrayList<>();
        list.forEach(o -> views.add(o.view()));
        return views;
    }

    /**
     * {@code GET /fapi/v1/forceOrders}: the account's liquidation and ADL orders, as the venue lists them (a {@code LIMIT}
     * IOC order in the listing, whatever the stream called it); without {@code startTime}, the 7 days before
     * {@code endTime} (or now); {@code limit} 50 by default, at most 100.
     */
    private Object forceOrders(final RequestParameters p)
    {
        final long end = p.longValue("endTime", -1);
        final long start = p.longValue("startTime", (end < 0 ? System.currentTimeMillis() : end) - 7L * 24 * 3_600_000);
        final List<Map<String, Object>> rows = new ArrayList<>();
        for (final UsdmOrder o : trading.orders.forceOrders(symbol(p), p.get("autoCloseType"), start, end,
            (int)Math.min(100, p.longValue("limit", 50))))
        {
            final Map<String, Object> view = o.view();
            view.put("type", "LIMIT");
            view.put("origType", "LIMIT");
            rows.add(view);
        }
        return rows;
    }

    private Object trades(final RequestParameters p)
    {
        final String symbol = trading.orders.contract(p.required("symbol")).symbol();
        final List<Map<String, Object>> rows = new ArrayList<>();
        for (final UsdmTrade t : trading.orders.trades(symbol, p.longValue("orderId", -1), p.longValue("fromId", 0),
            (int)Math.min(1000, p.longValue("limit", 500))))
        {
            rows.add(t.view());
        }
        return rows;
    }

    private Object leverage(final RequestParameters p)
    {
        final UsdmContract contract = trading.orders.contract(p.required("symbol"));
        final String text = p.required("leverage");
        final int leverage;
        try
        {
            leverage = Integer.parseInt(text);
        }
        catch (final NumberFormatException ex)
        {
            throw UsdmErrors.invalidLeverage(text);
        }
        if (leverage < 1 || leverage > contract.maxLeverage())
        {
            throw UsdmErrors.invalidLeverage(text);
        }
        final UsdmPosition position = trading.account.position(contract.symbol());
        position.leverage = leverage;
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("leverage", leverage);
        m.put("maxNotionalValue", UsdmOrder.plain(contract.brackets().get(0).notionalCap()));
        m.put("symbol", contract.symbol());
        return m;
    }

    private Object marginType(final RequestParameters p)
    {
        final UsdmContract contract = trading.orders.contract(p.required("symbol"));
        p.required("marginType");
        final String type = p.choice("marginType", "ISOLATED", "CROSSED");
        final UsdmPosition position = trading.account.position(contract.symbol());
        if (type.equals(position.marginType))
        {
            throw UsdmErrors.noNeedToChangeMarginType();
        }
        if (position.amount.signum() != 0)
        {
            throw UsdmErrors.marginTypeLocked(true);
        }
        if (!trading.orders.open(contract.symbol()).isEmpty())
        {
            throw UsdmErrors.marginTypeLocked(false);
        }
        position.marginType = type;
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", 200);
        m.put("msg", "success");
        return m;
    }

    /** {@code leverageBracket}: every contract's brackets, or one contract's object when a symbol is sent. */
    private Object brackets(final RequestParameters p)
    {
        final List<Map<String, Object>> list = new ArrayList<>();
        for (final UsdmContract c : trading.orders.contracts())
        {
            if (p.has("symbol") && !c.symbol().equals(p.get("symbol")))
            {
                continue;
            }
            final List<Map<String, Object>> brackets = new ArrayList<>();
            for (final UsdmContract.Bracket b : c.brackets())
            {
                final Map<String, Object> m = new LinkedHashMap<>();
                m.put("bracket", b.bracket());
                m.put("initialLeverage", b.initialLeverage());
                m.put("notionalCap", b.notionalCap().longValue());
                m.put("notionalFloor", b.notionalFloor().longValue());
                m.put("maintMarginRatio", b.maintMarginRatio().doubleValue());
                m.put("cum", b.cum().doubleValue());
                brackets.add(m);
            }
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("symbol", c.symbol());
            row.put("notionalCoef", 1.0);
            row.put("brackets", brackets);
            list.add(row);
        }
        if (p.has("symbol"))
        {
            if (list.isEmpty())
            {
                throw UsdmErrors.invalidSymbol();
            }
            return list.get(0);
        }
        return list;
    }
}
