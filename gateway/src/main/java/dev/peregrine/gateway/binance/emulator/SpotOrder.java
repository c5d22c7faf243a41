package dev.peregrine.gateway.binance.emulator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One order at the emulated venue, mutable under the emulator's lock, with its answer shapes: the order as query,
 * open-order and all-order listings show it, and the ACK and RESULT forms of a placement.
 */
final class SpotOrder
{
    final SymbolRules rules;
    final long orderId;
    final String clientOrderId;
    final String side;
    final String type;
    final String timeInForce;
    final BigDecimal price;
    final BigDecimal origQuoteOrderQty;
    final long time;
    final Long strategyId;
    final Long strategyType;
    BigDecimal origQty;
    BigDecimal executedQty = BigDecimal.ZERO;
    BigDecimal cummulativeQuoteQty = BigDecimal.ZERO;
    String status = "NEW";
    String expiryReason;
    long updateTime;
    /** True once the order rested on the book (what it may spend is locked): a limit order that did not fill at once. */
    boolean booked;
    /** Execution reports sent so far: numbers each report's execution id. */
    int executions;

    SpotOrder(final SymbolRules rules, final long orderId, final NewOrder request, final long time)
    {
        this.rules = rules;
        this.orderId = orderId;
        this.clientOrderId = request.clientOrderId();
        this.side = request.side();
        this.type = request.type();
        this.timeInForce = request.timeInForce();
        this.price = request.price();
        this.origQty = request.quantity() == null ? BigDecimal.ZERO : request.quantity();
        this.origQuoteOrderQty = request.quoteOrderQty();
        this.strategyId = request.strategyId();
        this.strategyType = request.strategyType();
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

    void fill(final BigDecimal quantity, final BigDecimal fillPrice, final long now)
    {
        executedQty = executedQty.add(quantity);
        cummulativeQuoteQty = cummulativeQuoteQty.add(quantity.multiply(fillPrice));
        status = executedQty.compareTo(origQty) >= 0 ? "FILLED" : "PARTIALLY_FILLED";
        updateTime = now;
    }

    /** The time in force the venue shows: GTC for market and limit-maker orders, as it answers them. */
    String shownTimeInForce()
    {
        return timeInForce == null ? "GTC" : timeInForce;
    }

    /** The fields every placement answer starts with (the ACK form). */
    Map<String, Object> ack(final long transactTime)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", rules.symbol());
        m.put("orderId", orderId);
        m.put("orderListId", -1);
        m.put("clientOrderId", clientOrderId);
        m.put("transactTime", transactTime);
        return m;
    }

    /** The RESULT form of a placement (FULL adds {@code fills}). */
    Map<String, Object> result(final long transactTime)
    {
        final Map<String, Object> m = ack(transactTime);
        putState(m, true);
        m.put("workingTime", time);
        m.put("selfTradePreventionMode", "NONE");
        putConditional(m);
        return m;
    }

    /** The order as query order, open orders and all orders show it. */
    Map<String, Object> view()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", rules.symbol());
        m.put("orderId", orderId);
        m.put("orderListId", -1);
        m.put("clientOrderId", clientOrderId);
        putState(m, false);
        m.put("stopPrice", EmulatorJson.amount(BigDecimal.ZERO));
        m.put("icebergQty", EmulatorJson.amount(BigDecimal.ZERO));
        m.put("time", time);
        m.put("updateTime", updateTime);
        // every type the emulator takes works at once (only an untriggered stop order would not)
        m.put("isWorking", true);
        m.put("workingTime", time);
        m.put("origQuoteOrderQty", EmulatorJson.amount(origQuoteOrderQty));
        m.put("selfTradePreventionMode", "NONE");
        putConditional(m);
        return m;
    }

    /** A cancel's answer: the order, named by the cancel's own client id. */
    Map<String, Object> canceled(final String cancelClientOrderId, final long transactTime)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", rules.symbol());
        m.put("origClientOrderId", clientOrderId);
        m.put("orderId", orderId);
        m.put("orderListId", -1);
        m.put("clientOrderId", cancelClientOrderId);
        m.put("transactTime", transactTime);
        putState(m, true);
        m.put("selfTradePreventionMode", "NONE");
        putConditional(m);
        return m;
    }

    /** The state fields, in the venue's order; listings show {@code origQuoteOrderQty} further down. */
    private void putState(final Map<String, Object> m, final boolean withQuoteOrderQty)
    {
        m.put("price", EmulatorJson.amount(price));
        m.put("origQty", EmulatorJson.amount(origQty));
        m.put("executedQty", EmulatorJson.amount(executedQty));
        if (withQuoteOrderQty)
        {
            m.put("origQuoteOrderQty", EmulatorJson.amount(origQuoteOrderQty));
        }
        m.put("cummulativeQuoteQty", EmulatorJson.amount(cummulativeQuoteQty));
        m.put("status", status);
        m.put("timeInForce", shownTimeInForce());
        m.put("type", type);
        m.put("side", side);
    }

    private void putConditional(final Map<String, Object> m)
    {
        if (strategyId != null)
        {
            m.put("strategyId", strategyId);
        }
        if (strategyType != null)
        {
            m.put("strategyType", strategyType);
        }
        if (expiryReason != null)
        {
            m.put("expiryReason", expiryReason);
        }
    }
}
