package dev.peregrine.gateway.coinbase.emulator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fill the emulator made, as {@code GET /orders/historical/fills} lists it.
 *
 * @param sequence the emulator's fill counter: its order is the fills' order.
 * @param maker    whether the order rested (a limit filled by a later trade) rather than took.
 */
record EmulatedFill(long sequence, String entryId, String tradeId, EmulatedOrder order, BigDecimal price, BigDecimal size,
    BigDecimal commission, String tradeTime, boolean maker)
{
    /** Every documented field of a fill. */
    Map<String, Object> toJson()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("entry_id", entryId);
        m.put("trade_id", tradeId);
        m.put("order_id", order.orderId);
        m.put("trade_time", tradeTime);
        m.put("trade_type", "FILL");
        m.put("price", price.stripTrailingZeros().toPlainString());
        m.put("size", size.stripTrailingZeros().toPlainString());
        m.put("commission", commission.stripTrailingZeros().toPlainString());
        m.put("product_id", order.productId);
        m.put("sequence_timestamp", tradeTime);
        m.put("liquidity_indicator", maker ? "MAKER" : "TAKER");
        m.put("size_in_quote", false);
        m.put("user_id", EmulatedOrder.USER_ID);
        m.put("side", order.side);
        m.put("retail_portfolio_id", EmulatedOrder.PORTFOLIO_ID);
        return m;
    }
}
