package dev.peregrine.core.strategy;

import dev.peregrine.core.bar.Bar;
import dev.peregrine.core.bar.BarListener;
import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RejectReason;

/**
 * Runs one strategy: routes the core's events to it and holds what operators and the state hash read. The
 * parts that run it are each their own class: the {@link StrategyContext} it is built against and asks
 * ({@link EngineStrategyContext}: its orders carry its id and its positions are its own), its bars
 * ({@link BarSubscriptions}), its timers ({@link StrategyTimers}), its working orders
 * ({@link StrategyOpenOrders}), and the {@link FailureGuard} through which every callback passes: the first
 * callback that throws disables the strategy, counts the failure and cancels its working orders, while the
 * engine and the other strategies go on. Risk rejections caused inside a callback are told right after it
 * ({@link DeferredRejects}).
 */
public final class StrategyRunner implements BarListener
{
    /** Timers one strategy can have set at once. */
    public static final int MAX_TIMERS = StrategyTimers.MAX_TIMERS;

    private final EngineStrategyContext context;
    private final BarSubscriptions bars;
    private final StrategyOpenOrders open;
    private final StrategyTimers timers;
    private final PositionBook positions;
    private final RepeatedRejects repeatedRejects = new RepeatedRejects();
    private final DeferredRejects deferred;
    private final Bar bar = new Bar();
    private final FailureGuard guard;

    /**
     * @param defaultOrderQuantity per instrument (scaled): the engine's order size while no price is known
     *                             (always, when {@code orderNotional} is 0).
     * @param orderNotional        the engine's order size in quote currency, converted at the current price.
     */
    public StrategyRunner(
        final int strategyId,
        final String name,
        final StrategyParts parts,
        final long[] defaultOrderQuantity,
        final double orderNotional,
        final SingleWriterCounter failures)
    {
        if (strategyId < 1 || strategyId > ExecutionEngine.MAX_STRATEGIES)
        {
            throw new IllegalArgumentException("strategy id must be 1.." + ExecutionEngine.MAX_STRATEGIES +
                ", got " + strategyId + " (at most " + ExecutionEngine.MAX_STRATEGIES + " strategies per engine)");
        }
        this.context = new EngineStrategyContext(strategyId, name, parts, defaultOrderQuantity, orderNotional, this);
        this.bars = context.bars();
        this.open = context.openOrders();
        this.timers = context.timers();
        this.positions = context.positions();
        this.guard = new FailureGuard(context, parts.execution(), failures);
        this.deferred = guard.deferred();
    }

    /** Builds the strategy against its context; bar subscriptions are accepted during this call only. */
    public void attach(final StrategyFactory factory)
    {
        if (guard.strategy() != null)
        {
            throw new IllegalStateException("strategy '" + name() + "' is already attached");
        }
        final Strategy built = factory.create(context);
        if (built == null)
        {
            throw new IllegalArgumentException("the factory of strategy '" + name() + "' returned no strategy");
        }
        guard.guard(built);
        bars.seal();
    }

    // ---------------------------------------------------------------- dispatch from the core

    void beginEvent(final long timeNanos)
    {
        context.beginEvent(timeNanos);
    }

    void onTrade(final int instrumentId, final long price, final long quantity, final int side, final long timeNanos)
    {
        if (!guard.enabled())
        {
            return;
        }
        bars.onTrade(instrumentId, price, quantity, timeNanos);
        guard.call(StrategyCallback.TRADE, instrumentId, price, quantity, side, timeNanos, null);
    }

    /**
     * A trade the venue sent as history. It goes to {@link Strategy#onSnapshotTrade} only: not to the bar
     * builders, which would put minutes of history into the bar of the moment it arrived.
     */
    void onSnapshotTrade(final int instrumentId, final long price, final long quantity, final int side, final long printedNanos)
    {
        guard.call(StrategyCallback.SNAPSHOT_TRADE, instrumentId, price, quantity, side, printedNanos, null);
    }

    void onQuote(final int instrumentId, final long timeNanos)
    {
        guard.call(StrategyCallback.QUOTE, instrumentId, 0, 0, 0, timeNanos, null);
    }

    void onBook(final int instrumentId, final long timeNanos)
    {
        guard.call(StrategyCallback.BOOK, instrumentId, 0, 0, 0, timeNanos, null);
    }

    void onFeedStatus(final int instrumentId, final boolean healthy, final long timeNanos)
    {
        guard.call(StrategyCallback.FEED_STATUS, instrumentId, 0, 0, healthy ? 1 : 0, timeNanos, null);
    }

    /** A closed candle that is its interval's market data: to this strategy's candle bars only. */
    void onCandle(final int instrumentId, final long startNanos, final long open, final long high, final long low,
        final long close, final long volume)
    {
        if (!guard.enabled())
        {
            return;
        }
        bars.onCandle(instrumentId, startNanos, open, high, low, close, volume);
    }

    void onClock(final long timeNanos)
    {
        if (!guard.enabled())
        {
            return;
        }
        bars.onClock(timeNanos);
        guard.call(StrategyCallback.CLOCK, 0, 0, 0, 0, timeNanos, null);
    }

    /** A bar from one of this strategy's builders (called inside onTrade/onClock dispatch). */
    @Override
    public void onBar(final int instrumentId, final long startNanos, final long endNanos, final long open, final long high,
        final long low, final long close, final long volume, final int tradeCount)
    {
        if (!guard.enabled())
        {
            return;
        }
        bar.set(instrumentId, startNanos, endNanos, open, high, low, close, volume, tradeCount);
        guard.call(StrategyCallback.BAR, instrumentId, 0, 0, 0, endNanos, bar);
    }

    /** Fires due timers; called once per event after the market callbacks. */
    void fireTimers(final long timeNanos)
    {
        if (!guard.enabled() || timers.isEmpty())
        {
            return;
        }
        final int firing = timers.takeDue(timeNanos);
        for (int i = 0; i < firing && guard.enabled(); i++)
        {
            guard.call(StrategyCallback.TIMER, timers.firing(i), 0, 0, 0, timeNanos, null);
        }
    }

    // ---------------------------------------------------------------- order events (routed by strategy id)

    void onAccepted(final Order order, final long timeNanos)
    {
        repeatedRejects.onOrderWorked();
        guard.call(StrategyCallback.ORDER_ACCEPTED, order.instrumentId(), 0, 0, 0, timeNanos, order);
    }

    void onFill(final Order order, final long quantity, final long price, final double fee, final long timeNanos)
    {
        // The strategy's own book follows every fill, disabled or not: its PnL stays true.
        positions.applyFill(order.instrumentId(), order.side(), quantity, price, fee);
        repeatedRejects.onOrderWorked();
        final boolean complete = order.state() == OrderState.FILLED;
        if (complete)
        {
            open.remove(order.orderId());
        }
        guard.call(complete ? StrategyCallback.ORDER_FILLED : StrategyCallback.ORDER_PARTIALLY_FILLED,
            order.instrumentId(), price, quantity, 0, timeNanos, order);
    }

    void onCancelled(final Order order, final long timeNanos)
    {
        open.remove(order.orderId());
        guard.call(StrategyCallback.ORDER_CANCELLED, order.instrumentId(), 0, 0, 0, timeNanos, order);
    }

    void onExpired(final Order order, final long timeNanos)
    {
        open.remove(order.orderId());
        guard.call(StrategyCallback.ORDER_EXPIRED, order.instrumentId(), 0, 0, 0, timeNanos, order);
    }

    void onRejected(final long orderId, final int instrumentId, final RejectReason reason, final long timeNanos)
    {
        open.remove(orderId);
        repeatedRejects.onRejected(reason);
        guard.reject(orderId, instrumentId, reason, timeNanos);
    }

    // ---------------------------------------------------------------- what operators read

    /** The context the strategy was built against (what it sees and asks for). */
    public StrategyContext context()
    {
        return context;
    }

    /** The strategy's id (1-based, its place in the engine's list). */
    public int strategyId()
    {
        return context.strategyId();
    }

    public String name()
    {
        return context.name();
    }

    /** The strategy's net position in one instrument (from its own fills). */
    public long position(final int instrumentId)
    {
        return context.position(instrumentId);
    }

    /** How many orders of the strategy are working. */
    public int openOrderCount()
    {
        return context.openOrderCount();
    }

    /** The strategy's {@code index}th working order, oldest first. */
    public Order openOrder(final int index)
    {
        return context.openOrder(index);
    }

    // ---------------------------------------------------------------- state for operators and the hash

    public Strategy strategy()
    {
        return guard.strategy();
    }

    /** This strategy's own positions (from its own fills). */
    public PositionBook positions()
    {
        return positions;
    }

    public boolean enabled()
    {
        return guard.enabled();
    }

    /** Event time at which the strategy was disabled; 0 while it runs. */
    public long disabledAtNanos()
    {
        return guard.disabledAtNanos();
    }

    /** The exception that disabled the strategy, or null: for a log line off the core thread. */
    public Throwable failure()
    {
        return guard.failure();
    }

    /** This strategy's runs of rejections for one reason: for the summary and {@code /health}. */
    public RepeatedRejects repeatedRejects()
    {
        return repeatedRejects;
    }

    /** Rejections not told because too many were waiting (a strategy resubmitting in a loop). */
    public long rejectsNotTold()
    {
        return deferred.notTold();
    }

    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, context.strategyId());
        h = guard.hash(h);
        h = positions.hash(h);
        h = open.hash(h);
        h = timers.hash(h);
        h = deferred.hash(h);
        h = repeatedRejects.hash(h);
        h = bars.hash(h);
        return guard.strategy().hash(h);
    }

    @Override
    public String toString()
    {
        return "strategy " + strategyId() + " '" + name() + "'" + (enabled() ? "" : " (disabled: " + failure() + ")");
    }
}
