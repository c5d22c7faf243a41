package dev.peregrine.gateway.binance.emulator;

import dev.peregrine.gateway.sim.binance.BinanceMarketView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The emulated matching engine for one account: places, fills and cancels orders and reports each change on the
 * user data stream. There is no order book of other traders, only the simulated market's touch: a market order,
 * or a limit order that crosses, fills in full at once at the best ask (buy) or bid (sell), or the last price when
 * that side is empty, as a taker; a resting limit order fills in full at its limit, as a maker, once the market
 * shows a price at or through it ({@link #onMarket}). Commission is {@link SpotAccount#COMMISSION_RATE} of what is
 * received.
 */
final class SpotTrading
{
    /** A placement's outcome: the order and the fills it made at once. */
    record Placement(SpotOrder order, List<SpotTrade> fills)
    {
    }

    final SpotAccount account = new SpotAccount();
    final SpotOrderStore store;
    /** Where account events go: every listen key's stream and every WebSocket API subscription. */
    private final Consumer<String> events;
    private BinanceMarketView market;
    private long nextTradeId = 1;

    SpotTrading(final SpotOrderStore store, final Consumer<String> events)
    {
        this.store = store;
        this.events = events;
    }

    /** Deposits {@code quote} of every quote asset and {@code base} of every base asset the symbols trade, once each. */
    void fund(final BigDecimal quote, final BigDecimal base, final long now)
    {
        for (final SymbolRules rules : store.symbols())
        {
            if (account.free(rules.quoteAsset()).signum() == 0)
            {
                account.deposit(rules.quoteAsset(), quote, now);
            }
            if (account.free(rules.baseAsset()).signum() == 0)
            {
                account.deposit(rules.baseAsset(), base, now);
            }
        }
    }

    void market(final BinanceMarketView view)
    {
        this.market = view;
    }

    private BigDecimal touch(final SymbolRules rules, final boolean buy)
    {
        if (market == null)
        {
            return null;
        }
        final BigDecimal side = buy ? market.bestAsk(rules.symbol()) : market.bestBid(rules.symbol());
        return side != null ? side : market.lastPrice(rules.symbol());
    }

    Placement place(final NewOrder request, final long now)
    {
        final SymbolRules rules = store.rules(request.symbol());
        if (store.openWithClientId(request.clientOrderId()) != null)
        {
            throw BinanceRejection.newOrderRejected("Duplicate order sent.");
        }
        final boolean buy = "BUY".equals(request.side());
        final BigDecimal touch = touch(rules, buy);
        return request.market() ? placeMarket(request, rules, touch, now) : placeLimit(request, rules, touch, now);
    }

    private Placement placeMarket(final NewOrder request, final SymbolRules rules, final BigDecimal price, final long now)
    {
        if (price == null && request.quoteOrderQty() != null)
        {
            throw BinanceRejection.newOrderRejected("Order book liquidity is less than symbol minimum quantity.");
        }
        final SpotOrder order = store.create(rules, request, now);
        if (price == null)
        {
            expire(order, "INSUFFICIENT_LIQUIDITY", now);
            return new Placement(order, List.of());
        }
        final BigDecimal quantity = request.quantity() != null ? request.quantity()
            : rules.floorToStep(request.quoteOrderQty().divide(price, EmulatorJson.DECIMALS, RoundingMode.DOWN));
        rules.checkQuantity(quantity);
        rules.checkNotional(price, quantity, true);
        requireFunds(rules, order.buy(), price, quantity);
        order.origQty = quantity;
        store.add(order);
        report(order, "NEW", null, null, now);
        final SpotTrade fill = fill(order, quantity, price, false, now);
        positions(rules, now);
        return new Placement(order, List.of(fill));
    }

    private Placement placeLimit(final NewOrder request, final SymbolRules rules, final BigDecimal touch, final long now)
    {
        final boolean buy = "BUY".equals(request.side());
        final boolean crosses = touch != null && (buy ? request.price().compareTo(touch) >= 0 : request.price().compareTo(touch) <= 0);
        if (crosses && "LIMIT_MAKER".equals(request.type()))
        {
            throw BinanceRejection.newOrderRejected("Order would immediately match and take.");
        }
        requireFunds(rules, buy, request.price(), request.quantity());
        final SpotOrder order = store.create(rules, request, now);
        store.add(order);
        if (crosses)
        {
            report(order, "NEW", null, null, now);
            final SpotTrade fill = fill(order, order.origQty, touch, false, now);
            positions(rules, now);
            return new Placement(order, List.of(fill));
        }
        if ("IOC".equals(request.timeInForce()) || "FOK".equals(request.timeInForce()))
        {
            expire(order, "IOC".equals(request.timeInForce()) ? "UNFILLED_IOC_QUANTITY_EXPIRED" : "UNFILLED_FOK_ORDER_EXPIRED", now);
            return new Placement(order, List.of());
        }
        account.lock(buy ? rules.quoteAsset() : rules.baseAsset(), buy ? request.price().multiply(request.quantity()) : request.quantity(), now);
        order.booked = true;
        report(order, "NEW", null, null, now);
        positions(rules, now);
        return new Placement(order, List.of());
    }

    private void requireFunds(final SymbolRules rules, final boolean buy, final BigDecimal price, final BigDecimal quantity)
    {
        account.requireFree(buy ? rules.quoteAsset() : rules.baseAsset(), buy ? price.multiply(quantity) : quantity);
    }

    private void expire(final SpotOrder order, final String reason, final long now)
    {
        store.add(order);
        report(order, "NEW", null, null, now);
        order.status = "EXPIRED";
        order.expiryReason = reason;
        report(order, "EXPIRED", null, null, now);
    }

    /** Fills {@code quantity} of {@code order} at {@code price}; a resting order pays from what it locked. */
    SpotTrade fill(final SpotOrder order, final BigDecimal quantity, final BigDecimal price, final boolean maker, final long now)
    {
        final SymbolRules rules = order.rules;
        final boolean buy = order.buy();
        final BigDecimal quote = price.multiply(quantity);
        final BigDecimal commission = (buy ? quantity : quote).multiply(SpotAccount.COMMISSION_RATE)
            .setScale(EmulatorJson.DECIMALS, RoundingMode.HALF_UP);
        final boolean resting = order.booked;
        if (buy)
        {
            // a resting buy locked its limit times its quantity and fills at that limit
            account.settle(rules.quoteAsset(), resting ? order.price.multiply(quantity) : quote, resting, rules.baseAsset(), quantity, commission, now);
        }
        else
        {
            account.settle(rules.baseAsset(), quantity, resting, rules.quoteAsset(), quote, commission, now);
        }
        order.fill(quantity, price, now);
        final SpotTrade trade = new SpotTrade(rules.symbol(), nextTradeId++, order.orderId, order.side, price, quantity,
            commission, buy ? rules.baseAsset() : rules.quoteAsset(), now, maker);
        store.trade(trade);
        report(order, "TRADE", trade, null, now);
        return trade;
    }

    SpotOrder cancel(final SpotOrder order, final String cancelClientOrderId, final long now)
    {
        final SymbolRules rules = order.rules;
        if (order.booked)
        {
            account.unlock(order.buy() ? rules.quoteAsset() : rules.baseAsset(),
                order.buy() ? order.price.multiply(order.remaining()) : order.remaining(), now);
        }
        order.status = "CANCELED";
        order.updateTime = now;
        report(order, "CANCELED", null, cancelClientOrderId, now);
        positions(rules, now);
        return order;
    }

    /** The market moved: resting orders of {@code symbol} that it reaches fill in full at their limit. */
    int onMarket(final String symbol, final long now)
    {
        if (market == null)
        {
            return 0;
        }
        final BigDecimal ask = market.bestAsk(symbol);
        final BigDecimal bid = market.bestBid(symbol);
        final BigDecimal last = market.lastPrice(symbol);
        int filled = 0;
        for (final SpotOrder order : store.open(symbol))
        {
            if (order.booked && reached(order, order.buy() ? ask : bid, last))
            {
                fill(order, order.remaining(), order.price, true, now);
                positions(order.rules, now);
                filled++;
            }
        }
        return filled;
    }

    private static boolean reached(final SpotOrder order, final BigDecimal touch, final BigDecimal last)
    {
        return order.buy()
            ? touch != null && touch.compareTo(order.price) <= 0 || last != null && last.compareTo(order.price) <= 0
            : touch != null && touch.compareTo(order.price) >= 0 || last != null && last.compareTo(order.price) >= 0;
    }

    void report(final SpotOrder order, final String execution, final SpotTrade trade, final String cancelClientOrderId, final long now)
    {
        events.accept(UserStreamEvents.executionReport(order, execution, trade, cancelClientOrderId, now));
    }

    void positions(final SymbolRules rules, final long now)
    {
        events.accept(UserStreamEvents.accountPosition(now, account.updateTime(),
            account.positions(List.of(rules.baseAsset(), rules.quoteAsset()))));
    }

    /** The account as {@code GET /api/v3/account} answers it. */
    Map<String, Object> accountView(final boolean omitZeroBalances, final long uid)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        final int bips = SpotAccount.COMMISSION_RATE.movePointRight(4).intValue();
        m.put("makerCommission", bips);
        m.put("takerCommission", bips);
        m.put("buyerCommission", 0);
        m.put("sellerCommission", 0);
        m.put("commissionRates", SpotAccount.fourRates(SpotAccount.COMMISSION_RATE));
        m.put("canTrade", true);
        m.put("canWithdraw", true);
        m.put("canDeposit", true);
        m.put("brokered", false);
        m.put("requireSelfTradePrevention", false);
        m.put("preventSor", false);
        m.put("updateTime", account.updateTime());
        m.put("accountType", "SPOT");
        m.put("balances", account.balances(omitZeroBalances));
        m.put("permissions", List.of("SPOT"));
        m.put("uid", uid);
        return m;
    }

}
