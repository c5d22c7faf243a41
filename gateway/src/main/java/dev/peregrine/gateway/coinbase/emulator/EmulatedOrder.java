package dev.peregrine.gateway.coinbase.emulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One order held by the emulator; mutated under the emulator's lock only. */
final class EmulatedOrder
{
    static final BigDecimal FEE_RATE = new BigDecimal("0.006");

    final String orderId;
    final String clientOrderId;
    final String productId;
    final String side;
    final String orderType;
    final BigDecimal baseSize;
    final BigDecimal limitPrice;
    final boolean postOnly;
    final String creationTime;
    String status = "OPEN";
    BigDecimal cumulativeQuantity = BigDecimal.ZERO;
    BigDecimal filledValue = BigDecimal.ZERO;
    BigDecimal totalFees = BigDecimal.ZERO;
    int numberOfFills;
    String cancelReason = "";

    EmulatedOrder(
        final String orderId, final String clientOrderId, final String productId, final String side,
        final String orderType, final BigDecimal baseSize, final BigDecimal limitPrice, final boolean postOnly,
        final String creationTime)
    {
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.productId = productId;
        this.side = side;
        this.orderType = orderType;
        this.baseSize = baseSize;
        this.limitPrice = limitPrice;
        this.postOnly = postOnly;
        this.creationTime = creationTime;
    }

    boolean open()
    {
        return "OPEN".equals(status);
    }

    void fill(final BigDecimal quantity, final BigDecimal price)
    {
        final BigDecimal value = quantity.multiply(price);
        cumulativeQuantity = cumulativeQuantity.add(quantity);
        filledValue = filledValue.add(value);
        totalFees = totalFees.add(value.multiply(FEE_RATE).setScale(8, RoundingMode.HALF_UP));
        numberOfFills++;
        if (cumulativeQuantity.compareTo(baseSize) >= 0)
        {
            status = "FILLED";
        }
    }

    /** The documented {@code user} channel order object. */
    Map<String, Object> toUserChannelJson()
    {
        final Map<String, Object> m = identity("order_side");
        m.put("order_type", "MARKET_IOC".equals(orderType) ? "Market" : "Limit");
        m.put("limit_price", limitPrice == null ? "0" : limitPrice.toPlainString());
        m.put("stop_price", "0");
        m.put("avg_price", averagePrice());
        m.put("cumulative_quantity", plain(cumulativeQuantity));
        m.put("leaves_quantity", "FILLED".equals(status) || "CANCELLED".equals(status) ? "0"
            : plain(baseSize.subtract(cumulativeQuantity)));
        putFillTotals(m);
        m.put("post_only", postOnly);
        m.put("cancel_reason", cancelReason);
        m.put("creation_time", creationTime);
        return m;
    }

    /** The documented REST order object of {@code GET /orders/historical/batch} (the fields Peregrine reads). */
    Map<String, Object> toRestJson()
    {
        final Map<String, Object> m = identity("side");
        m.put("created_time", creationTime);
        m.put("filled_size", plain(cumulativeQuantity));
        m.put("average_filled_price", averagePrice());
        putFillTotals(m);
        m.put("order_type", "MARKET_IOC".equals(orderType) ? "MARKET" : "LIMIT");
        m.put("cancel_message", cancelReason);
        return m;
    }

    /** What both forms open with; only the name of the side differs. */
    private Map<String, Object> identity(final String sideKey)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("order_id", orderId);
        m.put("client_order_id", clientOrderId);
        m.put("product_id", productId);
        m.put(sideKey, side);
        m.put("status", status);
        return m;
    }

    private void putFillTotals(final Map<String, Object> m)
    {
        m.put("filled_value", plain(filledValue));
        m.put("total_fees", plain(totalFees));
        m.put("number_of_fills", Integer.toString(numberOfFills));
        m.put("time_in_force", timeInForce());
        m.put("reject_reason", "");
    }

    private String averagePrice()
    {
        return numberOfFills == 0 ? "0" : plain(filledValue.divide(cumulativeQuantity, 8, RoundingMode.HALF_UP));
    }

    private String timeInForce()
    {
        return "LIMIT_GTC".equals(orderType) ? "GOOD_UNTIL_CANCELLED" : "IMMEDIATE_OR_CANCEL";
    }

    private static String plain(final BigDecimal value)
    {
        return value.stripTrailingZeros().toPlainString();
    }
}
