package dev.peregrine.core.strategy;

import dev.peregrine.core.bar.BarListener;
import dev.peregrine.core.bar.CandleBarBuilder;
import dev.peregrine.core.bar.TickBarBuilder;
import dev.peregrine.core.bar.TimeBarBuilder;
import dev.peregrine.core.bar.VolumeBarBuilder;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.perpetual.MarginAccount;
import dev.peregrine.core.perpetual.MarkPrices;
import dev.peregrine.core.perpetual.MarkWindow;
import dev.peregrine.core.perpetual.PerpetualState;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.market.FeedHealth;
import dev.peregrine.core.market.InstrumentRules;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderType;

/**
 * The {@link StrategyContext} the engine gives one strategy: its orders carry its id and pass the
 * {@link OrderSizer} and risk, its positions are its own (from its own fills), its timers and bar
 * subscriptions are its own. What the strategy asks for lives here; what the core tells the strategy goes
 * through {@link StrategyRunner}.
 */
final class EngineStrategyContext implements StrategyContext
{
    private final int strategyId;
    private final String name;
    private final ExecutionEngine execution;
    private final MarketState market;
    private final InstrumentRegistry instruments;
    private final InstrumentRules rules;
    private final FeedHealth feedHealth;
    private final PositionBook enginePositions;
    private final PositionBook positions;
    private final OrderSizer sizer;
    private final DecisionRecord note = new DecisionRecord();
    private final StrategyOpenOrders open;
    private final StrategyTimers timers = new StrategyTimers();
    private final BarSubscriptions bars;
    private final BarListener barListener;
    private final PerpetualState perpetuals;

    private long now;

    /**
     * @param defaultOrderQuantity per instrument (scaled): the engine's order size while no price is known
     *                             (always, when {@code orderNotional} is 0).
     * @param orderNotional        the engine's order size in quote currency, converted at the current price.
     * @param barListener          where the bars of this strategy's subscriptions go.
     */
    EngineStrategyContext(
        final int strategyId,
        final String name,
        final StrategyParts parts,
        final long[] defaultOrderQuantity,
        final double orderNotional,
        final BarListener barListener)
    {
        this.strategyId = strategyId;
        this.name = name;
        this.execution = parts.execution();
        this.market = parts.market();
        this.instruments = parts.instruments();
        this.rules = parts.rules();
        this.feedHealth = parts.feedHealth();
        this.enginePositions = parts.enginePositions();
        this.barListener = barListener;
        this.perpetuals = parts.perpetuals();
        this.sizer = new OrderSizer(market, rules, execution.riskContext(), defaultOrderQuantity, orderNotional);
        this.positions = new PositionBook(instruments.size());
        this.open = new StrategyOpenOrders(strategyId, execution);
        this.bars = new BarSubscriptions(name, instruments.size());
    }

    void beginEvent(final long timeNanos)
    {
        now = timeNanos;
    }

    PositionBook positions()
    {
        return positions;
    }

    StrategyOpenOrders openOrders()
    {
        return open;
    }

    StrategyTimers timers()
    {
        return timers;
    }

    BarSubscriptions bars()
    {
        return bars;
    }


    @Override
    public int strategyId()
    {
        return strategyId;
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public int instrumentId(final String symbol)
    {
        final int id = instruments.idOf(symbol);
        if (id < 0)
        {
            throw new IllegalArgumentException("strategy '" + name + "': product '" + symbol +
                "' is not configured (configured: " + String.join(", ", instruments.symbols()) + ")");
        }
        return id;
    }

    @Override
    public String symbol(final int instrumentId)
    {
        return instruments.get(instrumentId).symbol();
    }

    @Override
    public int instrumentCount()
    {
        return instruments.size();
    }

    @Override
    public MarketState market()
    {
        return market;
    }

    @Override
    public OrderBook book(final int instrumentId)
    {
        return market.book(instrumentId);
    }

    @Override
    public long priceIncrement(final int instrumentId)
    {
        return rules.priceIncrement(instrumentId);
    }

    @Override
    public long sizeIncrement(final int instrumentId)
    {
        return rules.sizeIncrement(instrumentId);
    }

    @Override
    public long minSize(final int instrumentId)
    {
        return rules.minSize(instrumentId);
    }

    @Override
    public TradingState tradingState()
    {
        return execution.tradingState().state();
    }

    @Override
    public long defaultOrderQuantity(final int instrumentId)
    {
        return sizer.defaultQuantity(instrumentId);
    }

    @Override
    public boolean feedHealthy(final int instrumentId)
    {
        return feedHealth.isHealthy(instrumentId);
    }

    @Override
    public long timeNanos()
    {
        return now;
    }

    @Override
    public DecisionRecord decision()
    {
        return note;
    }

    @Override
    public long submitMarketOrder(final int instrumentId, final int side, final long quantity)
    {
        return submit(instrumentId, side, OrderType.MARKET, quantity, 0);
    }

    @Override
    public long submitLimitOrder(final int instrumentId, final int side, final long quantity, final long limitPrice)
    {
        return submit(instrumentId, side, OrderType.LIMIT, quantity, limitPrice);
    }

    @Override
    public long submitLimitIocOrder(final int instrumentId, final int side, final long quantity, final long limitPrice)
    {
        return submit(instrumentId, side, OrderType.LIMIT_IOC, quantity, limitPrice);
    }

    @Override
    public long submitLimitFokOrder(final int instrumentId, final int side, final long quantity, final long limitPrice)
    {
        return submit(instrumentId, side, OrderType.LIMIT_FOK, quantity, limitPrice);
    }

    @Override
    public long submitReduceOnlyOrder(final int instrumentId, final int side, final long quantity, final long limitPrice)
    {
        final long sized = sizer.size(instrumentId, side, quantity);
        if (sized == 0)
        {
            note.clearExplanation();
            return 0;
        }
        return placed(execution.submit(strategyId, note, instrumentId, side,
            limitPrice == 0 ? OrderType.MARKET : OrderType.LIMIT, sized, limitPrice, true));
    }

    @Override
    public PerpetualTerms perpetual(final int instrumentId)
    {
        return instruments.perpetual(instrumentId);
    }

    @Override
    public MarkPrices markPrices()
    {
        return perpetuals.marks();
    }

    @Override
    public MarkWindow markWindow(final int instrumentId)
    {
        return perpetuals.window(instrumentId);
    }

    @Override
    public void guardFunding(final int instrumentId, final double maxRate)
    {
        execution.riskChain().fundingGuards().set(strategyId, instrumentId, maxRate);
    }

    @Override
    public MarginAccount marginAccount()
    {
        return perpetuals.account();
    }

    @Override
    public double funding(final int instrumentId)
    {
        return perpetuals.funding().paid(strategyId, instrumentId);
    }

    @Override
    public long liquidationPrints(final int instrumentId)
    {
        return perpetuals.liquidationPrints(instrumentId);
    }

    /**
     * Every new order of the strategy passes here: sized on the lot and within the risk limits first
     * ({@link OrderSizer}); one that sizes to nothing is not sent, not counted as a reject, and returns 0.
     */
    private long submit(final int instrumentId, final int side, final OrderType type, final long quantity,
        final long limitPrice)
    {
        final long sized = sizer.size(instrumentId, side, quantity);
        if (sized == 0)
        {
            note.clearExplanation();
            return 0;
        }
        return placed(execution.submit(strategyId, note, instrumentId, side, type, sized, limitPrice));
    }

    @Override
    public boolean cancelOrder(final long orderId)
    {
        return order(orderId) != null && execution.cancelOrder(orderId);
    }

    @Override
    public long replaceOrder(final long orderId, final long newQuantity, final long newLimitPrice)
    {
        final Order old = order(orderId);
        if (old == null)
        {
            note.clearExplanation();
            return -1;
        }
        // A replacement the order-rate limit would refuse is not started: cancelling first would leave the
        // strategy's side of the book empty until the limit lets a new order through. The old order keeps
        // working and the strategy may ask again on a later event.
        if (!execution.riskContext().orderRateAllows(now))
        {
            note.clearExplanation();
            return -1;
        }
        // On the lot, like a new order; the risk limits are left to risk, as the old order's quantity is
        // about to be cancelled and still counts as open here.
        final long sized = sizer.onLot(old.instrumentId(), newQuantity);
        if (sized == 0 && newQuantity > 0)
        {
            execution.cancelOrder(orderId);
            note.clearExplanation();
            return 0;
        }
        return placed(execution.replace(orderId, sized, newLimitPrice, note));
    }

    private long placed(final long orderId)
    {
        open.placed(orderId);
        return orderId;
    }

    @Override
    public int cancelAllOrders(final int instrumentId)
    {
        return open.cancelAll(instrumentId);
    }

    @Override
    public int openOrderCount()
    {
        return open.count();
    }

    @Override
    public Order openOrder(final int index)
    {
        return open.order(index);
    }

    @Override
    public Order order(final long orderId)
    {
        return open.ownOrder(orderId);
    }

    @Override
    public long openQuantity(final int instrumentId, final int side)
    {
        return open.openQuantity(instrumentId, side);
    }

    @Override
    public long position(final int instrumentId)
    {
        return positions.quantity(instrumentId);
    }

    @Override
    public double averagePrice(final int instrumentId)
    {
        return positions.averagePrice(instrumentId);
    }

    @Override
    public double realizedPnl(final int instrumentId)
    {
        return positions.realizedPnl(instrumentId);
    }

    @Override
    public double unrealizedPnl(final int instrumentId)
    {
        return positions.unrealizedPnl(instrumentId, market.markPrice(instrumentId));
    }

    @Override
    public double fees(final int instrumentId)
    {
        return positions.fees(instrumentId);
    }

    @Override
    public double totalPnl()
    {
        double total = 0.0;
        for (int id = 0; id < positions.instrumentCount(); id++)
        {
            total += positions.realizedPnl(id) + positions.unrealizedPnl(id, market.markPrice(id)) - positions.fees(id) -
                perpetuals.funding().paid(strategyId, id);
        }
        return total;
    }

    @Override
    public long enginePosition(final int instrumentId)
    {
        return enginePositions.quantity(instrumentId);
    }

    @Override
    public void subscribeTimeBars(final int instrumentId, final long intervalNanos)
    {
        bars.add(instrumentId, new TimeBarBuilder(instrumentId, intervalNanos, barListener));
    }

    @Override
    public void subscribeCandleBars(final int instrumentId, final long intervalNanos)
    {
        bars.add(instrumentId, new CandleBarBuilder(instrumentId, intervalNanos, barListener));
    }

    @Override
    public void subscribeTickBars(final int instrumentId, final int tradesPerBar)
    {
        bars.add(instrumentId, new TickBarBuilder(instrumentId, tradesPerBar, barListener));
    }

    @Override
    public void subscribeVolumeBars(final int instrumentId, final long volumePerBar)
    {
        bars.add(instrumentId, new VolumeBarBuilder(instrumentId, volumePerBar, barListener));
    }

    @Override
    public boolean scheduleTimer(final int timerId, final long atNanos)
    {
        return timers.schedule(timerId, atNanos);
    }

    @Override
    public boolean cancelTimer(final int timerId)
    {
        return timers.cancel(timerId);
    }

}
