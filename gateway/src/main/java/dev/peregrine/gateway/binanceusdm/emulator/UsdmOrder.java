package dev.peregrine.gateway.binanceusdm.emulator;

import dev.peregrine.gateway.binance.emulator.EmulatorJson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One futures order at the emulated venue and its state: what {@code GET /fapi/v1/order} shows and what each
 * {@code ORDER_TRADE_UPDATE} carries. One-way mode, so {@code positionSide} is always {@code BOTH}.
 */
final class UsdmOrder
{
    final UsdmContract contract;
    final long orderId;
    final String clientOrderId;
    final String side;
    /** {@code LIMIT}, {@code MARKET}, or {@code LIQUIDATION} for the venue's own close-out of a position. */
    final String type;
    final String timeInForce;
    final BigDecimal price;
    final BigDecimal origQty;
    final boolean reduceOnly;
    final long time;
    BigDecimal executedQty = BigDecimal.ZERO;
    BigDecimal cumQuote = BigDecimal.ZERO;
    String status = "NEW";
    long updateTime;
    /** True once it rests on the book (a GTC or GTX limit that did not cross). */
    boolean booked;

    UsdmOrder(final UsdmContract contract, final long orderId, final String clientOrderId, final String side,
        final String type, final String timeInForce, final BigDecimal price, final BigDecimal origQty,
        final boolean reduceOnly, final long time)
    {
        this.contract = contract;
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.price = price;
        this.origQty = origQty;
        this.reduceOnly = reduceOnly;
        this.time = time;
        this.updateTime = time;
    }

    boolean buy()
    {
        return "BUY".equals(side);
    }

    boolean open()
    {
        return "NEW".equals(status) || "PARTIALLY_FILLED".equals(status);
    }

    BigDecimal remaining()
    {
        return origQty.subtract(executedQty);
    }

    /** The signed quantity this order adds to a position: + for a buy. */
    BigDecimal signed(final BigDecimal quantity)
    {
        return buy() ? quantity : quantity.negate();
    }

    void fill(final BigDecimal quantity, final BigDecimal fillPrice, final long now)
    {
        executedQty = executedQty.add(quantity);
        cumQuote = cumQuote.add(quantity.multiply(fillPrice));
        status = executedQty.compareTo(origQty) >= 0 ? "FILLED" : "PARTIALLY_FILLED";
        updateTime = now;
    }

    BigDecimal avgPrice()
    {
        return executedQty.signum() == 0 ? BigDecimal.ZERO
            : cumQuote.divide(executedQty, EmulatorJson.DECIMALS, RoundingMode.HALF_UP);
    }

    /** The order as {@code GET /fapi/v1/order}, {@code openOrders} and {@code DELETE /fapi/v1/order} answer it. */
    Map<String, Object> view()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("avgPrice", EmulatorJson.amount(avgPrice()));
        m.put("clientOrderId", clientOrderId);
        m.put("cumQuote", EmulatorJson.amount(cumQuote));
        m.put("executedQty", plain(executedQty));
        m.put("orderId", orderId);
        m.put("origQty", plain(origQty));
        m.put("origType", type);
        m.put("price", plain(price));
        m.put("reduceOnly", reduceOnly);
        m.put("side", side);
        m.put("positionSide", "BOTH");
        m.put("status", status);
        m.put("stopPrice", "0");
        m.put("closePosition", false);
        m.put("symbol", contract.symbol());
        m.put("time", time);
        m.put("timeInForce", timeInForce);
        m.put("type", type);
        m.put("updateTime", updateTime);
        m.put("workingType", "CONTRACT_PRICE");
        m.put("priceProtect", false);
        m.put("priceMatch", "NONE");
        m.put("selfTradePreventionMode", "NONE");
        m.put("goodTillDate", 0);
        return m;
    }

    static String plain(final BigDecimal value)
    {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
