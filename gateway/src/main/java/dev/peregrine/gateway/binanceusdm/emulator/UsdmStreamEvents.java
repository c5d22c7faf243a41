package dev.peregrine.gateway.binanceusdm.emulator;

import dev.peregrine.gateway.binance.emulator.EmulatorJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The futures user data stream's events, in the venue's shapes: {@code ORDER_TRADE_UPDATE} (the order in {@code o},
 * with the trade's fields when it filled) and {@code ACCOUNT_UPDATE} (the reason {@code m}, balances {@code B} and
 * the changed positions {@code P}; a funding fee on a cross position carries the balance only, as documented).
 */
final class UsdmStreamEvents
{
    private UsdmStreamEvents()
    {
    }

    /**
     * @param execution {@code NEW}, {@code TRADE}, {@code CANCELED}, {@code EXPIRED}, or {@code CALCULATED} for a
     *                  liquidation's fill.
     * @param trade     the fill, or null.
     */
    static String orderTradeUpdate(final UsdmOrder order, final String execution, final UsdmTrade trade, final long now)
    {
        final Map<String, Object> o = new LinkedHashMap<>();
        o.put("s", order.contract.symbol());
        o.put("c", order.clientOrderId);
        o.put("S", order.side);
        o.put("o", order.type);
        o.put("f", order.timeInForce);
        o.put("q", UsdmOrder.plain(order.origQty));
        o.put("p", UsdmOrder.plain(order.price));
        o.put("ap", EmulatorJson.amount(order.avgPrice()));
        o.put("sp", "0");
        o.put("x", execution);
        o.put("X", order.status);
        o.put("i", order.orderId);
        o.put("l", trade == null ? "0" : UsdmOrder.plain(trade.qty()));
        o.put("z", UsdmOrder.plain(order.executedQty));
        o.put("L", trade == null ? "0" : UsdmOrder.plain(trade.price()));
        o.put("N", trade == null ? order.contract.marginAsset() : trade.commissionAsset());
        o.put("n", trade == null ? "0" : EmulatorJson.amount(trade.commission()));
        o.put("T", now);
        o.put("t", trade == null ? 0 : trade.id());
        o.put("b", "0");
        o.put("a", "0");
        o.put("m", trade != null && trade.maker());
        o.put("R", order.reduceOnly);
        o.put("wt", "CONTRACT_PRICE");
        o.put("ot", order.type);
        o.put("ps", "BOTH");
        o.put("cp", false);
        o.put("rp", trade == null ? "0" : EmulatorJson.amount(trade.realizedPnl()));
        o.put("pP", false);
        o.put("si", 0);
        o.put("ss", 0);
        o.put("V", "NONE");
        o.put("pm", "NONE");
        o.put("gtd", 0);
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("e", "ORDER_TRADE_UPDATE");
        m.put("E", now);
        m.put("T", now);
        m.put("o", o);
        return EmulatorJson.write(m);
    }

    /**
     * @param reason        {@code ORDER}, {@code FUNDING_FEE}, {@code MARGIN_TYPE_CHANGE}, ...
     * @param balanceChange {@code bc}: the wallet's change other than PnL and commission (the funding fee itself).
     * @param changed       the positions to list; empty for a cross funding fee.
     */
    static String accountUpdate(final UsdmAccount account, final String reason, final BigDecimal balanceChange,
        final List<UsdmPosition> changed, final long now)
    {
        final Map<String, Object> b = new LinkedHashMap<>();
        b.put("a", account.asset);
        b.put("wb", EmulatorJson.amount(account.wallet));
        b.put("cw", EmulatorJson.amount(account.wallet));
        b.put("bc", EmulatorJson.amount(balanceChange));
        final List<Map<String, Object>> positions = new ArrayList<>();
        for (final UsdmPosition p : changed)
        {
            final Map<String, Object> r = new LinkedHashMap<>();
            r.put("s", p.contract.symbol());
            r.put("pa", UsdmOrder.plain(p.amount));
            r.put("ep", UsdmOrder.plain(p.entryPrice));
            r.put("bep", UsdmOrder.plain(p.entryPrice));
            r.put("cr", EmulatorJson.amount(p.accumulatedRealized));
            r.put("up", EmulatorJson.amount(p.unrealized(account.markOf(p.contract.symbol()))));
            r.put("mt", "CROSSED".equals(p.marginType) ? "cross" : "isolated");
            r.put("iw", "0");
            r.put("ps", "BOTH");
            positions.add(r);
        }
        final Map<String, Object> a = new LinkedHashMap<>();
        a.put("m", reason);
        a.put("B", List.of(b));
        a.put("P", positions);
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("e", "ACCOUNT_UPDATE");
        m.put("E", now);
        m.put("T", now);
        m.put("a", a);
        return EmulatorJson.write(m);
    }
}
