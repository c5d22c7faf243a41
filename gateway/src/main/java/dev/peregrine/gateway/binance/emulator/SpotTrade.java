package dev.peregrine.gateway.binance.emulator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** One fill of one of the account's orders, as {@code myTrades} and a FULL placement answer show it. */
record SpotTrade(String symbol, long id, long orderId, String side, BigDecimal price, BigDecimal qty,
    BigDecimal commission, String commissionAsset, long time, boolean maker)
{
    BigDecimal quoteQty()
    {
        return price.multiply(qty);
    }

    /** An element of a FULL answer's {@code fills}. */
    Map<String, Object> fill()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("price", EmulatorJson.amount(price));
        m.put("qty", EmulatorJson.amount(qty));
        m.put("commission", EmulatorJson.amount(commission));
        m.put("commissionAsset", commissionAsset);
        m.put("tradeId", id);
        return m;
    }

    /** An element of {@code myTrades}. */
    Map<String, Object> accountTrade()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", symbol);
        m.put("id", id);
        m.put("orderId", orderId);
        m.put("orderListId", -1);
        m.put("price", EmulatorJson.amount(price));
        m.put("qty", EmulatorJson.amount(qty));
        m.put("quoteQty", EmulatorJson.amount(quoteQty()));
        m.put("commission", EmulatorJson.amount(commission));
        m.put("commissionAsset", commissionAsset);
        m.put("time", time);
        m.put("isBuyer", "BUY".equals(side));
        m.put("isMaker", maker);
        m.put("isBestMatch", true);
        return m;
    }
}
