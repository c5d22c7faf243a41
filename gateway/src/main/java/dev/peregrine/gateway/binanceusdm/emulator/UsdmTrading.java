package dev.peregrine.gateway.binanceusdm.emulator;

import dev.peregrine.gateway.binance.emulator.EmulatorJson;
import dev.peregrine.gateway.sim.binance.BinanceMarketView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Consumer;

/**
 * The emulated futures matching engine for one account, like the spot emulator's: no book of other traders, only the
 * simulated market's touch. A market order, or a limit that crosses, fills in full at once at the best ask (buy) or
 * bid (sell), or the last price when that side is empty, as a taker; a resting limit fills in full at its limit, as a
 * maker, once the market reaches it. Before an order is taken: the filters, reduce-only (-2022 when it would open or
 * add; a reduce-only order closes at most the position, the rest expires), GTX (-5022 when it would take), and the
 * initial margin of what it opens against the available balance (-2019). Commission is {@link #TAKER_RATE} or
 * {@link #MAKER_RATE} of the fill's notional, in the margin asset. Each change goes to the user data stream.
 */
final class UsdmTrading
{
    /** The venue's standard (VIP 0) USD-M rates. */
    static final BigDecimal TAKER_RATE = new BigDecimal("0.0005");
    static final BigDecimal MAKER_RATE = new BigDecimal("0.0002");

    final UsdmOrders orders;
    final UsdmAccount account;
    final UsdmIncome income = new UsdmIncome();
    private final Consumer<String> events;
    private BinanceMarketView market;

    UsdmTrading(final UsdmOrders orders, final UsdmAccount account, final Consumer<String> events)
    {
        this.orders = orders;
        this.account = account;
        this.events = events;
    }

    void market(final BinanceMarketView view)
    {
        this.market = view;
    }

    private BigDecimal touch(final String symbol, final boolean buy)
    {
        if (market == null)
        {
            return null;
        }
        final BigDecimal side = buy ? market.bestAsk(symbol) : market.bestBid(symbol);
        return side != null ? side : market.lastPrice(symbol);
    }

    /** The initial margin of open orders that would add to a position. */
    BigDecimal openOrderMargin()
    {
        BigDecimal sum = BigDecimal.ZERO;
        for (final UsdmOrder o : orders.open(null))
        {
            if (!o.reduceOnly)
            {
                sum = sum.add(o.remaining().multiply(o.price).divide(
                    BigDecimal.valueOf(account.position(o.contract.symbol()).leverage), EmulatorJson.DECIMALS, RoundingMode.HALF_UP));
            }
        }
        return sum;
    }

    UsdmOrder place(final UsdmNewOrder request, final long now)
    {
        final UsdmContract contract = orders.contract(request.symbol());
        if (orders.openWithClientId(request.clientOrderId()) != null)
        {
            throw UsdmErrors.badRequest(-4116, "ClientOrderId is duplicated.");
        }
        contract.checkQuantity(request.quantity());
        if (!request.market())
        {
            contract.checkPrice(request.price());
        }
        final boolean buy = "BUY".equals(request.side());
        final BigDecimal touch = touch(contract.symbol(), buy);
        if (request.market() && touch == null)
        {
            throw UsdmErrors.badRequest(-2020, "Unable to fill.");
        }
        final UsdmPosition position = account.position(contract.symbol());
        final BigDecimal signedQty = buy ? request.quantity() : request.quantity().negate();
        final boolean reduces = position.amount.signum() != 0 && position.amount.signum() != signedQty.signum();
        if (request.reduceOnly() && !reduces)
        {
            throw UsdmErrors.reduceOnlyRejected();
        }
        final BigDecimal reference = request.market() ? touch : request.price();
        final boolean crosses = request.market() || touch != null && (buy ? request.price().compareTo(touch) >= 0
            : request.price().compareTo(touch) <= 0);
        if (!request.reduceOnly())
        {
            contract.checkNotional(reference, request.quantity());
        }
        if (crosses && "GTX".equals(request.timeInForce()))
        {
            throw UsdmErrors.postOnlyRejected();
        }
        final BigDecimal opening = reduces ? request.quantity().subtract(position.amount.abs()).max(BigDecimal.ZERO) : request.quantity();
        if (!request.reduceOnly() && opening.signum() > 0)
        {
            final BigDecimal needed = opening.multiply(reference).divide(BigDecimal.valueOf(position.leverage),
                EmulatorJson.DECIMALS, RoundingMode.HALF_UP);
            if (account.available(openOrderMargin()).compareTo(needed) < 0)
            {
                throw UsdmErrors.marginInsufficient();
            }
        }
        final UsdmOrder order = new UsdmOrder(contract, orders.nextOrderId(), request.clientOrderId(), request.side(),
            request.market() ? "MARKET" : "LIMIT", request.market() ? "GTC" : request.timeInForce(),
            request.market() ? BigDecimal.ZERO : request.price(), request.quantity(), request.reduceOnly(), now);
        orders.add(order);
        report(order, "NEW", null, now);
        if (crosses)
        {
            fillReducing(order, touch, false, "TRADE", now);
        }
        else if ("IOC".equals(order.timeInForce) || "FOK".equals(order.timeInForce))
        {
            end(order, "EXPIRED", now);
        }
        else
        {
            order.booked = true;
        }
        return order;
    }

    /** Fills what remains of {@code order} at {@code price}; a reduce-only order at most the position, the rest expires. */
    private void fillReducing(final UsdmOrder order, final BigDecimal price, final boolean maker, final String execution,
        final long now)
    {
        BigDecimal quantity = order.remaining();
        if (order.reduceOnly)
        {
            final BigDecimal amount = account.position(order.contract.symbol()).amount;
            final boolean reduces = amount.signum() != 0 && amount.signum() != order.signed(BigDecimal.ONE).signum();
            quantity = reduces ? quantity.min(amount.abs()) : BigDecimal.ZERO;
        }
        if (quantity.signum() > 0)
        {
            fill(order, quantity, price, maker, execution, now);
        }
        if (order.open())
        {
            end(order, "EXPIRED", now);
        }
    }

    void fill(final UsdmOrder order, final BigDecimal quantity, final BigDecimal price, final boolean maker,
        final String execution, final long now)
    {
        final UsdmPosition position = account.position(order.contract.symbol());
        final BigDecimal realized = position.apply(order.signed(quantity), price, now);
        final BigDecimal commission = quantity.multiply(price).multiply(maker ? MAKER_RATE : TAKER_RATE)
            .setScale(EmulatorJson.DECIMALS, RoundingMode.HALF_UP);
        account.wallet = account.wallet.add(realized).subtract(commission);
        account.updateTime = now;
        order.fill(quantity, price, now);
        final UsdmTrade trade = new UsdmTrade(order.contract.symbol(), orders.nextTradeId(), order.orderId, order.side,
            price, quantity, realized, commission, account.asset, now, maker);
        orders.trade(trade);
        income.fill(trade, now);
        report(order, execution, trade, now);
        events.accept(UsdmStreamEvents.accountUpdate(account, "ORDER", BigDecimal.ZERO, List.of(position), now));
    }

    UsdmOrder cancel(final UsdmOrder order, final long now)
    {
        end(order, "CANCELED", now);
        return order;
    }

    private void end(final UsdmOrder order, final String status, final long now)
    {
        order.status = status;
        order.booked = false;
        order.updateTime = now;
        report(order, status, null, now);
    }

    /** The market of {@code symbol} moved: resting orders it reaches fill at their limit, as makers. */
    void onMarket(final String symbol, final long now)
    {
        if (market == null)
        {
            return;
        }
        final BigDecimal ask = market.bestAsk(symbol);
        final BigDecimal bid = market.bestBid(symbol);
        final BigDecimal last = market.lastPrice(symbol);
        for (final UsdmOrder order : orders.open(symbol))
        {
            if (order.booked && reached(order, order.buy() ? ask : bid, last))
            {
                fillReducing(order, order.price, true, "TRADE", now);
            }
        }
    }

    private static boolean reached(final UsdmOrder order, final BigDecimal touch, final BigDecimal last)
    {
        return order.buy()
            ? touch != null && touch.compareTo(order.price) <= 0 || last != null && last.compareTo(order.price) <= 0
            : touch != null && touch.compareTo(order.price) >= 0 || last != null && last.compareTo(order.price) >= 0;
    }

    /**
     * Funding at a funding time: each position pays {@code amount x mark x rate} (a long pays a positive rate, a
     * short receives it), booked in the wallet, listed by {@code income} as {@code FUNDING_FEE} and reported by an
     * {@code ACCOUNT_UPDATE} with reason {@code FUNDING_FEE} that carries the balance only (cross margin).
     */
    void settleFunding(final String symbol, final BigDecimal rate, final BigDecimal mark, final long fundingTime)
    {
        final UsdmPosition position = account.position(symbol);
        if (position == null || position.amount.signum() == 0 || mark == null)
        {
            return;
        }
        final BigDecimal received = position.amount.multiply(mark).multiply(rate).negate()
            .setScale(EmulatorJson.DECIMALS, RoundingMode.HALF_UP);
        account.wallet = account.wallet.add(received);
        account.updateTime = fundingTime;
        income.add(symbol, "FUNDING_FEE", received, account.asset, "FUNDING_FEE", fundingTime, "");
        events.accept(UsdmStreamEvents.accountUpdate(account, "FUNDING_FEE", received, List.of(), fundingTime));
    }

    /**
     * Liquidates the account when its margin ratio reaches 1 (margin balance down to maintenance margin): open orders
     * expire, then each position is closed at its mark by the venue's own {@code LIQUIDATION} order, client id
     * {@code autoclose-<time>}, its fill reported with execution type {@code CALCULATED}. A wallet left negative is
     * cleared to 0 (the insurance fund's part). Returns the positions closed.
     */
    int liquidateIfDue(final long now)
    {
        if (account.marginRatio().compareTo(BigDecimal.ONE) < 0)
        {
            return 0;
        }
        for (final UsdmOrder order : orders.open(null))
        {
            end(order, "EXPIRED", now);
        }
        int closed = 0;
        for (final UsdmPosition position : account.positions())
        {
            final BigDecimal mark = account.markOf(position.contract.symbol());
            if (position.amount.signum() == 0 || mark == null)
            {
                continue;
            }
            final long orderId = orders.nextOrderId();
            final UsdmOrder order = new UsdmOrder(position.contract, orderId, "autoclose-" + now + "-" + orderId,
                position.amount.signum() > 0 ? "SELL" : "BUY", "LIQUIDATION", "IOC", mark, position.amount.abs(), true, now);
            orders.add(order);
            report(order, "NEW", null, now);
            fill(order, order.origQty, mark, false, "CALCULATED", now);
            closed++;
        }
        if (account.wallet.signum() < 0)
        {
            account.wallet = BigDecimal.ZERO;
        }
        return closed;
    }

    private void report(final UsdmOrder order, final String execution, final UsdmTrade trade, final long now)
    {
        events.accept(UsdmStreamEvents.orderTradeUpdate(order, execution, trade, now));
    }
}
