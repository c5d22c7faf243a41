package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.coinbase.intx.IntxProducts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One order held by the emulator; mutated under the emulator's lock only. */
final class EmulatedOrder
{
    static final BigDecimal FEE_RATE = new BigDecimal("0.006");
    /** The one user and default portfolio every order and fill of the emulator belongs to. */
    static final String USER_ID = new UUID(0x5045524547524e45L, 0x55534552L).toString();
    static final String PORTFOLIO_ID = new UUID(0x5045524547524e45L, 0x504f5254L).toString();

    final String orderId;
    final String clientOrderId;
    final String productId;
    final String side;
    /** MARKET_IOC, LIMIT_GTC, LIMIT_GTD, LIMIT_IOC, LIMIT_FOK, STOP_LIMIT_GTC or STOP_LIMIT_GTD. */
    final String orderType;
    /** The base size; for a market buy by {@code quote_size}, what that bought (set once filled). */
    BigDecimal baseSize;
    BigDecimal limitPrice;
    final boolean postOnly;
    final String creationTime;
    /** The request's {@code order_configuration}, echoed by the order listings. */
    JsonNode configuration;
    /** A market order by {@code quote_size}: its quote amount (else null). */
    BigDecimal quoteSize;
    BigDecimal stopPrice;
    /** STOP_DIRECTION_STOP_UP or STOP_DIRECTION_STOP_DOWN for a stop-limit order. */
    String stopDirection;
    /** A GTD order's {@code end_time} as epoch seconds; 0 for none. */
    long endEpochSecond;
    /** A stop-limit order whose stop has been reached (it now rests as a limit). */
    boolean triggered;
    String status = "OPEN";
    BigDecimal cumulativeQuantity = BigDecimal.ZERO;
    BigDecimal filledValue = BigDecimal.ZERO;
    BigDecimal totalFees = BigDecimal.ZERO;
    int numberOfFills;
    String cancelReason = "";
    /** An INTX perpetual order's {@code leverage} and {@code margin_type} as requested (null when not given). */
    BigDecimal leverage;
    String marginType;
    String lastFillTime;
    final java.util.List<Object> editHistory = new java.util.ArrayList<>();

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

    /** {@code FUTURE} for an INTX perpetual, else {@code SPOT}. */
    String productType()
    {
        return IntxProducts.isPerpetual(productId) ? "FUTURE" : "SPOT";
    }

    boolean open()
    {
        return "OPEN".equals(status);
    }

    boolean stopLimit()
    {
        return orderType.startsWith("STOP_LIMIT");
    }

    /** A limit that rests on the book: GTC, GTD, or a stop-limit once triggered. */
    boolean resting()
    {
        return open() && ("LIMIT_GTC".equals(orderType) || "LIMIT_GTD".equals(orderType) || (stopLimit() && triggered));
    }

    BigDecimal remaining()
    {
        return baseSize.subtract(cumulativeQuantity);
    }

    /** @return the fee charged on this fill. */
    BigDecimal fill(final BigDecimal quantity, final BigDecimal price, final String time)
    {
        final BigDecimal value = quantity.multiply(price);
        final BigDecimal fee = value.multiply(FEE_RATE).setScale(8, RoundingMode.HALF_UP);
        cumulativeQuantity = cumulativeQuantity.add(quantity);
        filledValue = filledValue.add(value);
        totalFees = totalFees.add(fee);
        numberOfFills++;
        lastFillTime = time;
        if (cumulativeQuantity.compareTo(baseSize) >= 0)
        {
            status = "FILLED";
        }
        return fee;
    }

    /** The documented {@code user} channel order object. */
    Map<String, Object> toUserChannelJson()
    {
        final Map<String, Object> m = identity("order_side");
        m.put("order_type", "MARKET_IOC".equals(orderType) ? "Market" : stopLimit() ? "Stop Limit" : "Limit");
        m.put("limit_price", limitPrice == null ? "0" : limitPrice.toPlainString());
        m.put("stop_price", stopPrice == null ? "0" : stopPrice.toPlainString());
        m.put("avg_price", averagePrice());
        m.put("cumulative_quantity", plain(cumulativeQuantity));
        m.put("leaves_quantity", open() ? plain(remaining()) : "0");
        putFillTotals(m);
        m.put("post_only", postOnly);
        m.put("cancel_reason", cancelReason);
        m.put("creation_time", creationTime);
        m.put("completion_percentage", completionPercentage());
        m.put("outstanding_hold_amount", open() ? plain(EmulatorBalances.hold(this)) : "0");
        m.put("product_type", productType());
        m.put("retail_portfolio_id", PORTFOLIO_ID);
        m.put("risk_managed_by", "UNKNOWN_RISK_MANAGEMENT_TYPE");
        m.put("total_value_after_fees", totalValueAfterFees());
        m.put("trigger_status", triggerStatus());
        m.put("start_time", "");
        m.put("end_time", endEpochSecond == 0 ? "" : java.time.Instant.ofEpochSecond(endEpochSecond).toString());
        return m;
    }

    /** Every documented field of the REST order object (Get Order, List Orders). */
    Map<String, Object> toRestJson()
    {
        final Map<String, Object> m = identity("side");
        m.put("user_id", USER_ID);
        m.put("order_configuration", configuration);
        m.put("created_time", creationTime);
        m.put("completion_percentage", completionPercentage());
        m.put("filled_size", plain(cumulativeQuantity));
        m.put("average_filled_price", averagePrice());
        m.put("fee", "");
        putFillTotals(m);
        m.put("pending_cancel", false);
        m.put("size_in_quote", quoteSize != null);
        m.put("size_inclusive_of_fees", false);
        m.put("total_value_after_fees", totalValueAfterFees());
        m.put("trigger_status", triggerStatus());
        m.put("order_type", "MARKET_IOC".equals(orderType) ? "MARKET" : stopLimit() ? "STOP_LIMIT" : "LIMIT");
        m.put("settled", !open());
        m.put("product_type", productType());
        m.put("reject_message", "");
        m.put("cancel_message", cancelReason);
        m.put("order_placement_source", "RETAIL_ADVANCED");
        m.put("outstanding_hold_amount", open() ? plain(EmulatorBalances.hold(this)) : "0");
        m.put("is_liquidation", false);
        m.put("last_fill_time", lastFillTime);
        m.put("edit_history", List.copyOf(editHistory));
        m.put("leverage", "");
        m.put("margin_type", "UNKNOWN_MARGIN_TYPE");
        m.put("retail_portfolio_id", PORTFOLIO_ID);
        m.put("originating_order_id", "");
        m.put("attached_order_id", "");
        return m;
    }

    private String completionPercentage()
    {
        return baseSize.signum() == 0 ? "0" :
            plain(cumulativeQuantity.multiply(BigDecimal.valueOf(100)).divide(baseSize, 2, RoundingMode.HALF_UP));
    }

    private String totalValueAfterFees()
    {
        return plain("BUY".equals(side) ? filledValue.add(totalFees) : filledValue.subtract(totalFees));
    }

    private String triggerStatus()
    {
        return !stopLimit() ? "INVALID_ORDER_TYPE" : triggered ? "STOP_TRIGGERED" : "STOP_PENDING";
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

    String timeInForce()
    {
        if (orderType.endsWith("GTC"))
        {
            return "GOOD_UNTIL_CANCELLED";
        }
        if (orderType.endsWith("GTD"))
        {
            return "GOOD_UNTIL_DATE_TIME";
        }
        return "LIMIT_FOK".equals(orderType) ? "FILL_OR_KILL" : "IMMEDIATE_OR_CANCEL";
    }

    static String plain(final BigDecimal value)
    {
        return value.stripTrailingZeros().toPlainString();
    }
}
