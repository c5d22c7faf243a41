package dev.peregrine.core.strategy;

import dev.peregrine.core.bar.Bar;
import dev.peregrine.core.bar.BarBuilder;
import dev.peregrine.core.bar.BarListener;
import dev.peregrine.core.bar.TickBarBuilder;
import dev.peregrine.core.bar.TimeBarBuilder;
import dev.peregrine.core.bar.VolumeBarBuilder;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.market.FeedHealth;
import dev.peregrine.core.market.InstrumentRules;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RejectReason;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one strategy: it is that strategy's {@link StrategyContext} (so its orders carry its id and its
 * positions are its own), feeds its bars and timers, hands it its own order events, and isolates its
 * failures. The first callback that throws disables the strategy (every later callback is skipped),
 * counts the failure and cancels the strategy's working orders; the engine and the other strategies go
 * on. That is deterministic: the same input throws the same way live, in recovery and in replay. The
 * exception is only stored (one volatile write on that exceptional path) for a log line elsewhere.
 *
 * <p>Risk rejections of an order the strategy is submitting are not called back inside the submitting
 * callback (re-entering a strategy mid-decision invites loops); they are queued and told right after it
 * returns. A rejection caused while being told of one is told after the strategy's next callback.
 */
public final class StrategyRunner implements StrategyContext, BarListener
{
    /** Timers one strategy can have set at once. */
    public static final int MAX_TIMERS = 16;
    private static final int MAX_DEFERRED_REJECTS = 32;

    private final int strategyId;
    private final String name;
    private final ExecutionEngine execution;
    private final MarketState market;
    private final InstrumentRegistry instruments;
    private final InstrumentRules rules;
    private final FeedHealth feedHealth;
    private final PositionBook enginePositions;
    private final SingleWriterCounter failures;
    private final PositionBook positions;
    private final OrderSizer sizer;
    private final RepeatedRejects repeatedRejects = new RepeatedRejects();
    private final DecisionRecord note = new DecisionRecord();
    private final Bar bar = new Bar();

    private Strategy strategy;
    private boolean setUp = true;
    private final List<BarBuilder> barSetup = new ArrayList<>();
    private final List<Integer> barInstrumentIds = new ArrayList<>();
    private BarBuilder[] barBuilders = new BarBuilder[0];
    private int[] barInstruments = new int[0];

    private final long[] openIds = new long[ExecutionEngine.ORDER_CAPACITY];
    private int openCount;

    private final int[] timerIds = new int[MAX_TIMERS];
    private final long[] timerDue = new long[MAX_TIMERS];
    private int timerCount;
    private final int[] firingIds = new int[MAX_TIMERS];

    private boolean inCallback;
    private final long[] deferredOrderIds = new long[MAX_DEFERRED_REJECTS];
    private final int[] deferredInstruments = new int[MAX_DEFERRED_REJECTS];
    private final RejectReason[] deferredReasons = new RejectReason[MAX_DEFERRED_REJECTS];
    private final long[] deferredTimes = new long[MAX_DEFERRED_REJECTS];
    private int deferredCount;
    private long rejectsNotTold;

    private long now;
    private boolean enabled = true;
    private long disabledAtNanos;
    private volatile Throwable failure;

    public StrategyRunner(
        final int strategyId,
        final String name,
        final ExecutionEngine execution,
        final MarketState market,
        final InstrumentRegistry instruments,
        final InstrumentRules rules,
        final FeedHealth feedHealth,
        final PositionBook enginePositions,
        final long[] defaultOrderQuantity,
        final SingleWriterCounter failures)
    {
        this(strategyId, name, execution, market, instruments, rules, feedHealth, enginePositions, defaultOrderQuantity,
            0.0, failures);
    }

    /**
     * @param defaultOrderQuantity per instrument (scaled): the engine's order size while no price is known
     *                             (always, when {@code orderNotional} is 0).
     * @param orderNotional        the engine's order size in quote currency, converted at the current price.
     */
    public StrategyRunner(
        final int strategyId,
        final String name,
        final ExecutionEngine execution,
        final MarketState market,
        final InstrumentRegistry instruments,
        final InstrumentRules rules,
        final FeedHealth feedHealth,
        final PositionBook enginePositions,
        final long[] defaultOrderQuantity,
        final double orderNotional,
        final SingleWriterCounter failures)
    {
        if (strategyId < 1 || strategyId > ExecutionEngine.MAX_STRATEGIES)
        {
            throw new IllegalArgumentException("strategy id must be 1.." + ExecutionEngine.MAX_STRATEGIES +
                ", got " + strategyId + " (at most " + ExecutionEngine.MAX_STRATEGIES + " strategies per engine)");
        }
        this.strategyId = strategyId;
        this.name = name;
        this.execution = execution;
        this.market = market;
        this.instruments = instruments;
        this.rules = rules;
        this.feedHealth = feedHealth;
        this.enginePositions = enginePositions;
        this.failures = failures;
        this.sizer = new OrderSizer(market, rules, execution.riskContext(), defaultOrderQuantity, orderNotional);
        this.positions = new PositionBook(instruments.size());
    }

    /** Builds the strategy against this context; bar subscriptions are accepted during this call only. */
    public void attach(final StrategyFactory factory)
    {
        if (strategy != null)
        {
            throw new IllegalStateException("strategy '" + name + "' is already attached");
        }
        final Strategy built = factory.create(this);
        if (built == null)
        {
            throw new IllegalArgumentException("the factory of strategy '" + name + "' returned no strategy");
        }
        strategy = built;
        barBuilders = barSetup.toArray(new BarBuilder[0]);
        barInstruments = new int[barBuilders.length];
        for (int i = 0; i < barBuilders.length; i++)
        {
            barInstruments[i] = barInstrumentIds.get(i);
        }
        setUp = false;
    }

    // ---------------------------------------------------------------- dispatch from the core

    void beginEvent(final long timeNanos)
    {
        now = timeNanos;
    }

    void onTrade(final int instrumentId, final long price, final long quantity, final int side, final long timeNanos)
    {
        if (!enabled)
        {
            return;
        }
        for (int i = 0; i < barBuilders.length; i++)
        {
            if (barInstruments[i] == instrumentId)
            {
                barBuilders[i].onTrade(price, quantity, timeNanos);
            }
        }
        if (!enabled)
        {
            return;
        }
        inCallback = true;
        try
        {
            strategy.onTrade(instrumentId, price, quantity, side, timeNanos);
        }
        catch (final RuntimeException ex)
        {
            disable(ex);
        }
        afterCallback();
    }

    /**
     * A trade the venue sent as history. It goes to {@link Strategy#onSnapshotTrade} only: not to the bar
     * builders, which would put minutes of history into the bar of the moment it arrived.
     */
    void onSnapshotTrade(final int instrumentId, final long price, final long quantity, final int side, final long printedNanos)
    {
        if (!enabled)
        {
            return;
        }
        inCallback = true;
        try
        {
            strategy.onSnapshotTrade(instrumentId, price, quantity, side, printedNanos);
        }
        catch (final RuntimeException ex)
        {
            disable(ex);
        }
        afterCallback();
    }

    void onQuote(final int instrumentId, final long timeNanos)
    {
        if (!enabled)
        {
            return;
        }
        inCallback = true;
        try
        {
            strategy.onQuote(instrumentId, timeNanos);
        }
        catch (final RuntimeException ex)
        {
            disable(ex);
        }
        afterCallback();
    }

    void onBook(final int instrumentId, final long timeNanos)
    {
        if (!enabled)
        {
            return;
        }
        inCallback = true;
        try
        {
            strategy.onBook(instrumentId, timeNanos);
        }
        catch (final RuntimeException ex)
        {
            disable(ex);
        }
        afterCallback();
    }

    void onFeedStatus(final int instrumentId, final boolean healthy, final long timeNanos)
    {
        if (!enabled)
        {
            return;
        }
        inCallback = true;
        try
        {
            strategy.onFeedStatus(instrumentId, healthy, timeNanos);
        }
        catch (final RuntimeException ex)
        {
            disable(ex);
        }
        afterCallback();
    }

    void onClock(final long timeNanos)
    {
        if (!enabled)
        {
            return;
        }
        for (final BarBuilder builder : barBuilders)
        {
            builder.onClock(timeNanos);
        }
        if (!enabled)
        {
            return;
        }
        inCallback = true;
        try
        {
            strategy.onClock(timeNanos);
        }
        catch (final RuntimeException ex)
        {
            disable(ex);
        }
        afterCallback();
    }

    /** A bar from one of this strategy's builders (called inside onTrade/onClock dispatch). */
    @Override
    public void onBar(final int instrumentId, final long startNanos, final long endNanos, final long open, final long high,
        final long low, final long close, final long volume, final int tradeCount)
    {
        if (!enabled)
        {
            return;
        }
        bar.set(instrumentId, startNanos, endNanos, open, high, low, close, volume, tradeCount);
        inCallback = true;
        try
        {
            strategy.onBar(bar);
        }
        catch (final RuntimeException ex)
        {
            disable(ex);
        }
        afterCallback();
    }

    /** Fires due timers; called once per event after the market callbacks. */
    void fireTimers(final long timeNanos)
    {
        if (!enabled || timerCount == 0)
        {
            return;
        }
        // Take the due ones out first: a timer callback may set timers again.
        int firing = 0;
        for (int i = 0; i < timerCount; )
        {
            if (timerDue[i] <= timeNanos)
            {
                firingIds[firing++] = timerIds[i];
                removeTimerAt(i);
            }
            else
            {
                i++;
            }
        }
        for (int i = 0; i < firing && enabled; i++)
        {
            inCallback = true;
            try
            {
                strategy.onTimer(firingIds[i], timeNanos);
            }
            catch (final RuntimeException ex)
            {
                disable(ex);
            }
            afterCallback();
        }
    }

    // ---------------------------------------------------------------- order events (routed by strategy id)

    void onAccepted(final Order order, final long timeNanos)
    {
        repeatedRejects.onOrderWorked();
        if (!enabled)
        {
            return;
        }
        inCallback = true;
        try
        {
            strategy.onOrderAccepted(order, timeNanos);
        }
        catch (final RuntimeException ex)
        {
            disable(ex);
        }
        afterCallback();
    }

    void onFill(final Order order, final long quantity, final long price, final double fee, final long timeNanos)
    {
        // The strategy's own book follows every fill, disabled or not: its PnL stays true.
        positions.applyFill(order.instrumentId(), order.side(), quantity, price, fee);
        repeatedRejects.onOrderWorked();
        final boolean complete = order.state() == OrderState.FILLED;
        if (complete)
        {
            removeOpen(order.orderId());
        }
        if (!enabled)
        {
            return;
        }
        inCallback = true;
        try
        {
            if (complete)
            {
                strategy.onOrderFilled(order, quantity, price, timeNanos);
            }
            else
            {
                strategy.onOrderPartiallyFilled(order, quantity, price, timeNanos);
            }
        }
        catch (final RuntimeException ex)
        {
            disable(ex);
        }
        afterCallback();
    }

    void onCancelled(final Order order, final long timeNanos)
    {
        removeOpen(order.orderId());
        if (!enabled)
        {
            return;
        }
        inCallback = true;
        try
        {
            strategy.onOrderCancelled(order, timeNanos);
        }
        catch (final RuntimeException ex)
        {
            disable(ex);
        }
        afterCallback();
    }

    void onExpired(final Order order, final long timeNanos)
    {
        removeOpen(order.orderId());
        if (!enabled)
        {
            return;
        }
        inCallback = true;
        try
        {
            strategy.onOrderExpired(order, timeNanos);
        }
        catch (final RuntimeException ex)
        {
            disable(ex);
        }
        afterCallback();
    }

    void onRejected(final long orderId, final int instrumentId, final RejectReason reason, final long timeNanos)
    {
        removeOpen(orderId);
        repeatedRejects.onRejected(reason);
        if (!enabled)
        {
            return;
        }
        if (inCallback)
        {
            if (deferredCount == MAX_DEFERRED_REJECTS)
            {
                rejectsNotTold++;
                return;
            }
            deferredOrderIds[deferredCount] = orderId;
            deferredInstruments[deferredCount] = instrumentId;
            deferredReasons[deferredCount] = reason;
            deferredTimes[deferredCount] = timeNanos;
            deferredCount++;
            return;
        }
        inCallback = true;
        try
        {
            strategy.onOrderRejected(orderId, instrumentId, reason, timeNanos);
        }
        catch (final RuntimeException ex)
        {
            disable(ex);
        }
        afterCallback();
    }

    private void afterCallback()
    {
        inCallback = false;
        // An explanation written but not used by an order must not attach itself to a later, unrelated one.
        note.clearExplanation();
        if (deferredCount == 0)
        {
            return;
        }
        // One round: rejections caused while telling these wait for the next callback (no loops).
        final int round = deferredCount;
        inCallback = true;
        for (int i = 0; i < round && enabled; i++)
        {
            try
            {
                strategy.onOrderRejected(deferredOrderIds[i], deferredInstruments[i], deferredReasons[i], deferredTimes[i]);
            }
            catch (final RuntimeException ex)
            {
                disable(ex);
            }
        }
        inCallback = false;
        note.clearExplanation();
        final int rest = enabled ? deferredCount - round : 0;
        System.arraycopy(deferredOrderIds, round, deferredOrderIds, 0, Math.max(rest, 0));
        System.arraycopy(deferredInstruments, round, deferredInstruments, 0, Math.max(rest, 0));
        System.arraycopy(deferredReasons, round, deferredReasons, 0, Math.max(rest, 0));
        System.arraycopy(deferredTimes, round, deferredTimes, 0, Math.max(rest, 0));
        deferredCount = Math.max(rest, 0);
    }

    private void disable(final RuntimeException ex)
    {
        if (!enabled)
        {
            return;
        }
        enabled = false;
        disabledAtNanos = now;
        deferredCount = 0;
        timerCount = 0;
        failures.increment();
        failure = ex;
        // Orders it placed in this very callback are included: they passed risk and will be sent, so they
        // are cancelled like the rest rather than left working for a strategy that no longer manages them.
        execution.cancelWorkingOrders(strategyId);
    }

    // ---------------------------------------------------------------- StrategyContext

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
        if (orderId > 0)
        {
            final Order order = execution.orders().get(orderId);
            if (order != null && !order.state().isTerminal())
            {
                openIds[openCount++] = orderId;
            }
        }
        return orderId;
    }

    @Override
    public int cancelAllOrders(final int instrumentId)
    {
        int asked = 0;
        for (int i = 0; i < openCount; i++)
        {
            final Order order = execution.orders().get(openIds[i]);
            if (order != null && (instrumentId < 0 || order.instrumentId() == instrumentId) &&
                execution.cancelOrder(order.orderId()))
            {
                asked++;
            }
        }
        return asked;
    }

    @Override
    public int openOrderCount()
    {
        return openCount;
    }

    @Override
    public Order openOrder(final int index)
    {
        if (index < 0 || index >= openCount)
        {
            throw new IndexOutOfBoundsException("open order " + index + " of " + openCount);
        }
        return execution.orders().get(openIds[index]);
    }

    @Override
    public Order order(final long orderId)
    {
        final Order order = execution.orders().get(orderId);
        return order != null && order.strategyId() == strategyId ? order : null;
    }

    @Override
    public long openQuantity(final int instrumentId, final int side)
    {
        long total = 0;
        for (int i = 0; i < openCount; i++)
        {
            final Order order = execution.orders().get(openIds[i]);
            if (order != null && order.instrumentId() == instrumentId && order.side() == side)
            {
                total += order.leavesQuantity();
            }
        }
        return total;
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
            total += positions.realizedPnl(id) + positions.unrealizedPnl(id, market.markPrice(id)) - positions.fees(id);
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
        addBars(instrumentId, new TimeBarBuilder(instrumentId, intervalNanos, this));
    }

    @Override
    public void subscribeTickBars(final int instrumentId, final int tradesPerBar)
    {
        addBars(instrumentId, new TickBarBuilder(instrumentId, tradesPerBar, this));
    }

    @Override
    public void subscribeVolumeBars(final int instrumentId, final long volumePerBar)
    {
        addBars(instrumentId, new VolumeBarBuilder(instrumentId, volumePerBar, this));
    }

    private void addBars(final int instrumentId, final BarBuilder builder)
    {
        if (!setUp)
        {
            throw new IllegalStateException("strategy '" + name + "': bars are subscribed while the strategy is built, " +
                "not once events flow");
        }
        if (instrumentId < 0 || instrumentId >= instruments.size())
        {
            throw new IllegalArgumentException("strategy '" + name + "': no instrument " + instrumentId);
        }
        barSetup.add(builder);
        barInstrumentIds.add(instrumentId);
    }

    @Override
    public boolean scheduleTimer(final int timerId, final long atNanos)
    {
        for (int i = 0; i < timerCount; i++)
        {
            if (timerIds[i] == timerId)
            {
                timerDue[i] = atNanos;
                return true;
            }
        }
        if (timerCount == MAX_TIMERS)
        {
            return false;
        }
        timerIds[timerCount] = timerId;
        timerDue[timerCount] = atNanos;
        timerCount++;
        return true;
    }

    @Override
    public boolean cancelTimer(final int timerId)
    {
        for (int i = 0; i < timerCount; i++)
        {
            if (timerIds[i] == timerId)
            {
                removeTimerAt(i);
                return true;
            }
        }
        return false;
    }

    private void removeTimerAt(final int index)
    {
        final int tail = timerCount - index - 1;
        System.arraycopy(timerIds, index + 1, timerIds, index, tail);
        System.arraycopy(timerDue, index + 1, timerDue, index, tail);
        timerCount--;
    }

    private void removeOpen(final long orderId)
    {
        for (int i = openCount - 1; i >= 0; i--)
        {
            if (openIds[i] == orderId)
            {
                System.arraycopy(openIds, i + 1, openIds, i, openCount - i - 1);
                openCount--;
                return;
            }
        }
    }

    // ---------------------------------------------------------------- state for operators and the hash

    public Strategy strategy()
    {
        return strategy;
    }

    /** This strategy's own positions (from its own fills). */
    public PositionBook positions()
    {
        return positions;
    }

    public boolean enabled()
    {
        return enabled;
    }

    /** Event time at which the strategy was disabled; 0 while it runs. */
    public long disabledAtNanos()
    {
        return disabledAtNanos;
    }

    /** The exception that disabled the strategy, or null: for a log line off the core thread. */
    public Throwable failure()
    {
        return failure;
    }

    /** This strategy's runs of rejections for one reason: for the summary and {@code /health}. */
    public RepeatedRejects repeatedRejects()
    {
        return repeatedRejects;
    }

    /** Rejections not told because too many were waiting (a strategy resubmitting in a loop). */
    public long rejectsNotTold()
    {
        return rejectsNotTold;
    }

    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, strategyId);
        h = Hash64.mix(h, enabled ? 0 : disabledAtNanos | 1L);
        h = positions.hash(h);
        h = Hash64.mix(h, openCount);
        for (int i = 0; i < openCount; i++)
        {
            h = Hash64.mix(h, openIds[i]);
        }
        h = Hash64.mix(h, timerCount);
        for (int i = 0; i < timerCount; i++)
        {
            h = Hash64.mix(h, timerIds[i]);
            h = Hash64.mix(h, timerDue[i]);
        }
        h = Hash64.mix(h, deferredCount);
        h = Hash64.mix(h, rejectsNotTold);
        h = repeatedRejects.hash(h);
        for (final BarBuilder builder : barBuilders)
        {
            h = builder.hash(h);
        }
        return strategy.hash(h);
    }

    @Override
    public String toString()
    {
        return "strategy " + strategyId + " '" + name + "'" + (enabled ? "" : " (disabled: " + failure + ")");
    }
}
