package dev.peregrine.gateway.binanceusdm.emulator;

import dev.peregrine.gateway.binance.emulator.EmulatorJson;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** One fill of the account, as {@code GET /fapi/v1/userTrades} lists it. Commission is in the margin asset. */
record UsdmTrade(String symbol, long id, long orderId, String side, BigDecimal price, BigDecimal qty,
    BigDecimal realizedPnl, BigDecimal commission, String commissionAsset, long time, boolean maker)
{
    Map<String, Object> view()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("buyer", "BUY".equals(side));
        m.put("commission", EmulatorJson.amount(commission));
        m.put("commissionAsset", commissionAsset);
        m.put("id", id);
        m.put("maker", maker);
        m.put("orderId", orderId);
        m.put("price", UsdmOrder.plain(price));
        m.put("qty", UsdmOrder.plain(qty));
        m.put("quoteQty", EmulatorJson.amount(price.multiply(qty)));
        m.put("realizedPnl", EmulatorJson.amount(realizedPnl));
        m.put("side", side);
        m.put("positionSide", "BOTH");
        m.put("symbol", symbol);
        m.put("time", time);
        return m;
    }
}
