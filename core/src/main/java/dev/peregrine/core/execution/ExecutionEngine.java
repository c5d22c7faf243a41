package dev.peregrine.core.execution;

import dev.peregrine.core.decision.DecisionLog;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.engine.TradingStateMachine;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.market.FeedHealth;
import dev.peregrine.core.market.InstrumentRules;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.metrics.StageLatencies;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.OrderRequest;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.risk.RiskChain;
import dev.peregrine.core.risk.RiskContext;
import dev.peregrine.core.risk.RiskLimits;

/**
 * Turns a strategy's order into outputs, and a venue's reports into state. Owned by the core thread.
 *
 * <p>A new order passes, in this order: the trading state (HALTED refuses everything, REDUCING all but
 * reducing orders), then the {@link RiskChain} (product rules, market-data health, window, price band,
 * size, position, exposure, loss, self-trade, rate). Then it gets
 * the next order id (ids count up from 1 in event order, so a replay assigns the same ids), becomes a
 * PENDING_NEW order in the {@link OrderStore}, is written as a command into the causing event's slot
 * for the outbound stage, and goes to the venue. Reports from the venue ({@link VenueReports}) move the
 * order through its states and book fills into positions and the fee ledger.
 */
public final class ExecutionEngine implements OrderEntry, VenueReports
{
    /** Open orders the engine can hold at once (pool size; a power of two). */
    public static final int ORDER_CAPACITY = 1 << 14;
    /** Strategy ids run from 1 to this; 0 marks orders the engine places itself. */
    public static final int MAX_STRATEGIES = 64;

    private final MarketState market;
    private final RiskChain risk;
    private final RiskContext riskContext;
    private final OrderRequest request = new OrderRequest();
    private final TradingStateMachine tradingState;
    private final PositionExits exits;
    private long venueTimeoutNanos;
    private final boolean liveVenue;
    private long nextTimeoutCheckNanos = Long.MIN_VALUE;
    private final PositionBook positions;
    private final OrderStore orders = new OrderStore(ORDER_CAPACITY);
    private final PaperVenue venue;
    private final FeeLedger fees;
    private final OutputListener outputs;
    private final CoreMetrics metrics;
    private final TradingSwitch tradingSwitch;

    /** The explanation for orders the engine places itself (exits, flatten). */
    private final DecisionRecord engineNote = new DecisionRecord();
    /** The decision being recorded: told to the outputs and copied into the decision log. */
    private final DecisionRecord decisionRecord = new DecisionRecord();
    private DecisionLog decisionLog = DecisionLog.NONE;
    private OrderEvents orderEvents = OrderEvents.NONE;
    /** Strategies whose working orders are being cancelled (a disabled strategy), and up to which order id. */
    private final long[] strategySweepUpTo = new long[MAX_STRATEGIES + 1];
    private int strategySweeps;

    private InboundEvent currentEvent;
    private long now;
    private long lastOrderId;
    private boolean cancelAllPending;
    private boolean flattenPending;
    private long lastFlattenAttemptNanos = Long.MIN_VALUE;
    private long lastCancelAllNanos = Long.MIN_VALUE;
    private long cancelAllUpToOrderId;

    public ExecutionEngine(
        final InstrumentRules rules,
        final FeedHealth feedHealth,
        final RiskLimits limits,
        final PositionBook positions,
        final MarketState market,
        final PaperVenueSettings venueSettings,
        final OutputListener outputs,
        final CoreMetrics metrics,
        final TradingSwitch tradingSwitch,
        final TradingStateMachine tradingState,
        final ExitRules exitRules,
        final long venueTimeoutNanos,
        final boolean liveVenue)
    {
        this.venueTimeoutNanos = venueTimeoutNanos;
        this.liveVenue = liveVenue;
        this.market = market;
        this.risk = RiskChain.standard();
        this.riskContext = new RiskContext(limits, positions, market, orders, rules, feedHealth);
        this.tradingState = tradingState;
        this.positions = positions;
        this.venue = new PaperVenue(market, orders, venueSettings, this, rules);
        this.fees = new FeeLedger(1 << 12, market.instrumentCount());
        this.outputs = outputs;
        this.metrics = metrics;
        this.tradingSwitch = tradingSwitch;
        this.exits = new PositionExits(exitRules, positions, market, orders, metrics);
    }

    /** Where order events go (the strategies); set once, before the first event. */
    /** Continues with other limits and rules (a settings change, see {@code SettingsChange}); between events only. */
    public void applySettings(final RiskLimits limits, final ExitRules exitRules, final PaperVenueSettings venueSettings,
        final long venueTimeout)
    {
        riskContext.replaceLimits(limits);
        exits.replaceRules(exitRules);
        venue.replaceSettings(venueSettings);
        venueTimeoutNanos = venueTimeout;
    }

    public void orderEvents(final OrderEvents listener)
    {
        this.orderEvents = listener == null ? OrderEvents.NONE : listener;
    }

    @Override
    public DecisionRecord decision()
    {
        return engineNote;
    }

    /** The inbound ring sequence of the next input, for the decision log (decisions wait for their cause's journaling). */
    public void beginInput(final long ringSequence)
    {
        decisionLog.beginInput(ringSequence);
    }

    /** Called by the core before any strategy callback for {@code event}. */
    public void beginEvent(final InboundEvent event)
    {
        beginEvent(event, event.eventTimeNanos);
    }

    /**
     * @param nowNanos the core's clock for this event: the event's time, but never earlier than the last
     *                 one (producers stamp independently), so rate windows, time-outs and venue due times
     *                 only ever move forward.
     */
    public void beginEvent(final InboundEvent event, final long nowNanos)
    {
        currentEvent = event;
        event.orderCount = 0;
        now = Math.max(now, nowNanos);
    }

    public PaperVenue venue()
    {
        return venue;
    }

    public OrderStore orders()
    {
        return orders;
    }

    public FeeLedger fees()
    {
        return fees;
    }

    @Override
    public long submitMarketOrder(final int instrumentId, final int side, final long quantity)
    {
        return submit(0, engineNote, instrumentId, side, OrderType.MARKET, quantity, 0);
    }

    @Override
    public long submitLimitOrder(final int instrumentId, final int side, final long quantity, final long limitPrice)
    {
        return submit(0, engineNote, instrumentId, side, OrderType.LIMIT, quantity, limitPrice);
    }

    @Override
    public long submitLimitIocOrder(final int instrumentId, final int side, final long quantity, final long limitPrice)
    {
        return submit(0, engineNote, instrumentId, side, OrderType.LIMIT_IOC, quantity, limitPrice);
    }

    /**
     * Places an order on behalf of strategy {@code strategyId}: the order carries the id, its events go
     * back to that strategy, and {@code note} (the strategy's explanation) becomes its decision record.
     *
     * @return the order id, or -1 if it was refused (the reason is in the outputs and the order events).
     */
    public long submit(final int strategyId, final DecisionRecord note, final int instrumentId, final int side,
        final OrderType type, final long quantity, final long limitPrice)
    {
        final long timeNanos = now;
        final long orderId = ++lastOrderId;

        final OrderRequest r = request;
        r.instrumentId = instrumentId;
        r.side = side;
        r.type = type;
        r.quantity = quantity;
        r.limitPrice = limitPrice;
        r.referencePrice = type == OrderType.MARKET ? touch(instrumentId, side) : limitPrice;
        r.timeNanos = timeNanos;
        r.reducing = riskContext.isReducing(instrumentId, side, quantity);

        final StageLatencies stages = metrics.stages;
        final long riskStart = stages.riskStart();
        RejectReason reason;
        int checksPassed = 0;
        // The cross-thread TradingSwitch is not read here: it is not journaled, so a decision on it would
        // not replay. The outbound stage withholds orders while it is pulled.
        if (tradingState.state() == TradingState.HALTED)
        {
            reason = tradingState.stopping() ? RejectReason.ENGINE_STOPPING : RejectReason.TRADING_HALTED;
        }
        else if (tradingState.state() == TradingState.REDUCING && !r.reducing)
        {
            reason = RejectReason.TRADING_REDUCING;
        }
        else if (currentEvent.orderCount == InboundEvent.MAX_ORDERS_PER_EVENT)
        {
            reason = RejectReason.TOO_MANY_ORDERS;
        }
        else
        {
            reason = risk.check(r, riskContext);
            checksPassed = risk.lastPassed();
        }
        stages.riskEnd(riskStart);
        stages.executionStart();

        final Order order = reason == RejectReason.NONE ?
            orders.create(orderId, strategyId, instrumentId, side, type, quantity, limitPrice, r.reducing, timeNanos) :
            null;
        if (order == null && reason == RejectReason.NONE)
        {
            reason = RejectReason.TOO_MANY_ORDERS;
        }
        recordDecision(note, strategyId, orderId, instrumentId, side, type, quantity, limitPrice, timeNanos,
            checksPassed, reason);
        if (order == null)
        {
            metrics.rejects[reason.ordinal()].increment();
            outputs.onReject(orderId, instrumentId, side, quantity, reason, timeNanos);
            orderEvents.onRejected(strategyId, orderId, instrumentId, side, quantity, reason, timeNanos);
            stages.executionEnd();
            return -1;
        }

        currentEvent.orders[currentEvent.orderCount++].set(
            OrderCommand.NEW, type.ordinal(), orderId, instrumentId, side, quantity, limitPrice, timeNanos);
        metrics.orders.increment();
        recordArrival(order, quantity, r.referencePrice);
        outputs.onOrder(orderId, instrumentId, side, type, quantity, limitPrice, timeNanos);
        if (!liveVenue)
        {
            venue.submit(order, timeNanos);
        }
        stages.executionEnd();
        return orderId;
    }

    /** Execution-quality sums for the metrics: the order's notional, and the mid its fills are measured against. */
    private void recordArrival(final Order order, final long quantity, final long referencePrice)
    {
        final long bid = decisionRecord.bidPrice();
        final long ask = decisionRecord.askPrice();
        order.arrivalMid(bid > 0 && ask > 0 ? bid + (ask - bid) / 2 : 0);
        if (referencePrice > 0)
        {
            orderedNotional += FixedPoint.toDouble(referencePrice) * FixedPoint.toDouble(quantity);
            metrics.orderedNotional.set(orderedNotional);
        }
    }

    private double orderedNotional;
    private double filledNotional;
    private double slippageCost;

    private void recordFillQuality(final Order order, final long quantity, final long price)
    {
        final double qty = FixedPoint.toDouble(quantity);
        filledNotional += FixedPoint.toDouble(price) * qty;
        metrics.filledNotional.set(filledNotional);
        final long mid = order.arrivalMid();
        if (mid > 0)
        {
            final double worse = order.side() == Side.BUY ? price - mid : mid - price;
            slippageCost += worse / FixedPoint.SCALE * qty;
            metrics.slippageCost.set(slippageCost);
        }
        if (order.state() == OrderState.FILLED)
        {
            metrics.ordersFilled.increment();
        }
    }

    /**
     * Tells the outputs why the order was placed or refused and hands the record to the decision log;
     * the strategy's note is cleared for its next order.
     */
    private void recordDecision(final DecisionRecord note, final int strategyId, final long orderId,
        final int instrumentId, final int side, final OrderType type, final long quantity, final long limitPrice,
        final long timeNanos, final int checksPassed, final RejectReason outcome)
    {
        final DecisionRecord record = decisionRecord;
        record.record(note, strategyId, orderId, instrumentId, side, type, quantity, limitPrice, timeNanos,
            currentEvent.type);
        final dev.peregrine.core.book.OrderBook book = market.book(instrumentId);
        if (book.isSynced())
        {
            record.book(book.bids().bestPrice(), book.bids().bestQuantity(), book.asks().bestPrice(),
                book.asks().bestQuantity());
        }
        else
        {
            record.book(market.bidPrice(instrumentId), market.bidQuantity(instrumentId), market.askPrice(instrumentId),
                market.askQuantity(instrumentId));
        }
        record.verdict(positions.quantity(instrumentId), checksPassed, outcome);
        note.clearExplanation();
        outputs.onDecision(record);
        decisionLog.append(record);
    }

    /**
     * Where decisions are journaled from now on. The live engine sets it after recovery, so decisions
     * already journaled by the run being recovered are not written twice.
     */
    public void decisionLog(final DecisionLog log)
    {
        this.decisionLog = log == null ? DecisionLog.NONE : log;
    }

    /** The risk checks in the order they run, for naming the ones a decision passed. */
    public RiskChain riskChain()
    {
        return risk;
    }

    /** The price a market order would take first: best ask for a buy, best bid for a sell (0 if none). */
    private long touch(final int instrumentId, final int side)
    {
        final dev.peregrine.core.book.OrderBook book = market.book(instrumentId);
        if (book.isSynced())
        {
            return side == Side.BUY ? book.asks().bestPrice() : book.bids().bestPrice();
        }
        return side == Side.BUY ? market.askPrice(instrumentId) : market.bidPrice(instrumentId);
    }

    @Override
    public boolean cancelOrder(final long orderId)
    {
        return cancel(orderId, false);
    }

    /** Emergency cancels (kill, flatten) are not held back by the cancel-rate limit. */
    private boolean cancel(final long orderId, final boolean emergency)
    {
        final Order order = orders.get(orderId);
        if (order == null || order.state().isTerminal() || order.state() == OrderState.PENDING_CANCEL ||
            currentEvent.orderCount == InboundEvent.MAX_ORDERS_PER_EVENT)
        {
            return false;
        }
        final long timeNanos = now;
        if (!emergency && !riskContext.cancelRateAllows(timeNanos))
        {
            metrics.rejects[RejectReason.CANCEL_RATE.ordinal()].increment();
            return false;
        }
        if (!orders.transition(order, OrderState.PENDING_CANCEL, timeNanos))
        {
            return false;
        }
        riskContext.recordCancel(timeNanos);
        currentEvent.orders[currentEvent.orderCount++].set(
            OrderCommand.CANCEL, order.type().ordinal(), orderId, order.instrumentId(), order.side(), 0, 0, timeNanos);
        outputs.onCancelRequested(orderId, order.instrumentId(), timeNanos);
        if (!liveVenue)
        {
            venue.cancel(order, timeNanos);
        }
        return true;
    }

    @Override
    public long replaceOrder(final long orderId, final long newQuantity, final long newLimitPrice)
    {
        return replace(orderId, newQuantity, newLimitPrice, engineNote);
    }

    /**
     * Cancel-replace keeping the old order's strategy; {@code note} explains the new order.
     *
     * @return the new order's id, or -1 if the old one could not be cancelled or the new one was refused.
     */
    public long replace(final long orderId, final long newQuantity, final long newLimitPrice, final DecisionRecord note)
    {
        final Order order = orders.get(orderId);
        if (order == null || !cancelOrder(orderId))
        {
            note.clearExplanation();
            return -1;
        }
        return submit(order.strategyId(), note, order.instrumentId(), order.side(), OrderType.LIMIT, newQuantity,
            newLimitPrice);
    }

    /**
     * A live venue's answer, from a journaled VENUE_* event: the same {@link VenueReports} path the paper
     * venue takes, so live, paper and replay share one order state machine. A fill reported twice (the
     * user channel can repeat itself after a reconnect) is applied once; an answer about an order the
     * engine no longer holds is counted and ignored.
     */
    public void onVenueReport(final InboundEvent event)
    {
        final Order order = orders.get(event.orderId);
        final long now = event.eventTimeNanos;
        if (order == null)
        {
            metrics.venueReportsUnmatched.increment();
            return;
        }
        switch (event.type)
        {
            case dev.peregrine.core.event.EventType.VENUE_ACCEPTED:
                onVenueAccepted(order, now);
                break;
            case dev.peregrine.core.event.EventType.VENUE_REJECTED:
                onVenueRejected(order, RejectReason.VENUE_REJECTED, now);
                break;
            case dev.peregrine.core.event.EventType.VENUE_FILL:
                if (orders.firstSightOfVenueFill(order, event.tradeId))
                {
                    applyFill(order, event.quantity, event.price, FixedPoint.toDouble(event.fee),
                        event.flags == 1 ? Liquidity.MAKER : Liquidity.TAKER, now);
                }
                else
                {
                    metrics.venueFillsDuplicated.increment();
                }
                break;
            case dev.peregrine.core.event.EventType.VENUE_CANCELLED:
                onVenueCancelled(order, now);
                break;
            case dev.peregrine.core.event.EventType.VENUE_CANCEL_REJECTED:
                if (order.state() == OrderState.PENDING_CANCEL)
                {
                    orders.restoreAfterCancelRefused(order, now);
                    outputs.onCancelRefused(order.orderId(), order.instrumentId(), order.state() != OrderState.PENDING_NEW, now);
                }
                break;
            default:
                // VENUE_UNKNOWN: the order may or may not exist; it stays as it is until the venue says more
                // (or the venue time-out expires it).
                metrics.venueUnknown.increment();
                break;
        }
    }

    @Override
    public void onVenueAccepted(final Order order, final long timeNanos)
    {
        if (order.state() == OrderState.PENDING_NEW && orders.transition(order, OrderState.ACKNOWLEDGED, timeNanos))
        {
            outputs.onAccepted(order.orderId(), order.instrumentId(), timeNanos);
            orderEvents.onAccepted(order, timeNanos);
        }
    }

    @Override
    public void onVenueFill(final Order order, final long quantity, final long price, final Liquidity liquidity,
        final long timeNanos)
    {
        final double fee = venue.settings().fee(FixedPoint.toDouble(price) * FixedPoint.toDouble(quantity), liquidity);
        applyFill(order, quantity, price, fee, liquidity, timeNanos);
    }

    private void applyFill(final Order order, final long quantity, final long price, final double fee,
        final Liquidity liquidity, final long timeNanos)
    {
        if (!orders.applyFill(order, quantity, price, fee, timeNanos))
        {
            // A venue fill for an order the engine already gave up on (expired after venue silence, or
            // cancelled while the fill was in flight) is still a real trade: the position must follow the
            // venue, not the engine's bookkeeping. Fills of a FILLED or REJECTED order are not real.
            final OrderState state = order.state();
            if (state != OrderState.EXPIRED && state != OrderState.CANCELLED)
            {
                return;
            }
            metrics.lateFills.increment();
        }
        positions.applyFill(order.instrumentId(), order.side(), quantity, price, fee);
        fees.record(order.orderId(), order.instrumentId(), quantity, price, fee, liquidity);
        metrics.fills.increment();
        recordFillQuality(order, quantity, price);
        outputs.onFill(order.orderId(), order.instrumentId(), order.side(), quantity, price, fee, timeNanos);
        orderEvents.onFill(order, quantity, price, fee, timeNanos);
    }

    @Override
    public void onVenueCancelled(final Order order, final long timeNanos)
    {
        final long leaves = order.quantity() - order.filledQuantity();
        if (orders.transition(order, OrderState.CANCELLED, timeNanos))
        {
            metrics.cancels.increment();
            outputs.onCancel(order.orderId(), order.instrumentId(), leaves, timeNanos);
            orderEvents.onCancelled(order, timeNanos);
        }
    }

    @Override
    public void onVenueRejected(final Order order, final RejectReason reason, final long timeNanos)
    {
        if (orders.transition(order, OrderState.REJECTED, timeNanos))
        {
            metrics.rejects[reason.ordinal()].increment();
            outputs.onReject(order.orderId(), order.instrumentId(), order.side(), order.quantity(), reason, timeNanos);
            orderEvents.onRejected(order.strategyId(), order.orderId(), order.instrumentId(), order.side(),
                order.quantity(), reason, timeNanos);
        }
    }

    /**
     * An operator command from a journaled COMMAND event: the state machine moves, and kill and flatten
     * start cancelling (and closing) until nothing is left, over as many events as it takes.
     */
    public void onCommand(final int code)
    {
        if (tradingState.onCommand(code, now))
        {
            startCancelAll();
            flattenPending = code == dev.peregrine.core.event.CommandCode.FLATTEN;
        }
    }

    /**
     * Called by the core at the end of every event: continues a kill or a flatten, fires exit rules,
     * and expires orders the venue never answered.
     */
    public void afterEvent()
    {
        continueCommands();
        if (tradingState.state() != TradingState.HALTED)
        {
            exits.evaluate(now, this);
        }
        if (venueTimeoutNanos > 0 && now >= nextTimeoutCheckNanos)
        {
            // Ten checks per time-out period are plenty, and cost nothing between them.
            nextTimeoutCheckNanos = now + Math.max(1, venueTimeoutNanos / 10);
            expireSilentOrders(now);
        }
    }

    private void expireSilentOrders(final long now)
    {
        for (int i = orders.openCount() - 1; i >= 0; i--)
        {
            final Order order = orders.open(i);
            final OrderState state = order.state();
            if ((state == OrderState.PENDING_NEW || state == OrderState.PENDING_CANCEL) &&
                now - order.updatedNanos() >= venueTimeoutNanos)
            {
                final long leaves = order.quantity() - order.filledQuantity();
                if (orders.transition(order, OrderState.EXPIRED, now))
                {
                    metrics.venueTimeouts.increment();
                    outputs.onExpired(order.orderId(), order.instrumentId(), leaves, now);
                    orderEvents.onExpired(order, now);
                }
            }
        }
    }

    private void continueCommands()
    {
        if (strategySweeps > 0)
        {
            continueStrategySweeps();
        }
        if (cancelAllPending)
        {
            // Done only when nothing is open. Orders not asked yet (one event carries at most a few
            // commands) are asked now; a cancel the venue refused (an outage, an open circuit breaker) put
            // its order back to working, and it is asked again at most once a second.
            // Only orders that existed when the sweep began: closing orders sent since (flatten, an exit
            // after a loss limit) are not swept away.
            if (!anyOpenUpTo(cancelAllUpToOrderId))
            {
                cancelAllPending = false;
            }
            else
            {
                final boolean retryRefused = lastCancelAllNanos == Long.MIN_VALUE || now - lastCancelAllNanos >= 1_000_000_000L;
                boolean asked = false;
                for (int i = 0; i < orders.openCount(); i++)
                {
                    final Order order = orders.open(i);
                    if (order.state() == OrderState.PENDING_CANCEL || order.orderId() > cancelAllUpToOrderId)
                    {
                        continue;
                    }
                    final boolean refusedBefore = orders.cancelWasRefused(order);
                    if (!refusedBefore || retryRefused)
                    {
                        asked |= cancel(order.orderId(), true);
                    }
                }
                if (asked)
                {
                    lastCancelAllNanos = now;   // a refusal of these is asked again a second from now
                }
                cancelAllPending = anyOpenUpTo(cancelAllUpToOrderId);
            }
        }
        if (flattenPending && !cancelAllPending)
        {
            flatten();
        }
    }

    /**
     * Cancels every order working now (a strategy was disabled), through the same sweep as a kill:
     * until the venue confirmed each cancel, refused ones asked again once a second. The trading state
     * does not change.
     */
    public void cancelAllWorkingOrders()
    {
        startCancelAll();
    }

    /**
     * Cancels the working orders of one strategy (it was disabled) and keeps asking, a refused cancel
     * once a second, until none of them is open. Other strategies' orders are left alone.
     */
    public void cancelWorkingOrders(final int strategyId)
    {
        if (strategyId < 1 || strategyId > MAX_STRATEGIES)
        {
            throw new IllegalArgumentException("strategy id must be 1.." + MAX_STRATEGIES + ", got " + strategyId);
        }
        if (strategySweepUpTo[strategyId] == 0)
        {
            strategySweeps++;
        }
        strategySweepUpTo[strategyId] = Math.max(lastOrderId, 1);
        continueStrategySweeps();
    }

    private void continueStrategySweeps()
    {
        final boolean retryRefused = lastCancelAllNanos == Long.MIN_VALUE || now - lastCancelAllNanos >= 1_000_000_000L;
        boolean asked = false;
        for (int i = 0; i < orders.openCount(); i++)
        {
            final Order order = orders.open(i);
            final int strategyId = order.strategyId();
            if (strategyId == 0 || order.orderId() > strategySweepUpTo[strategyId] ||
                order.state() == OrderState.PENDING_CANCEL)
            {
                continue;
            }
            if (!orders.cancelWasRefused(order) || retryRefused)
            {
                asked |= cancel(order.orderId(), true);
            }
        }
        if (asked)
        {
            lastCancelAllNanos = now;
        }
        for (int id = 1; id <= MAX_STRATEGIES && strategySweeps > 0; id++)
        {
            if (strategySweepUpTo[id] != 0 && !anyOpenOf(id, strategySweepUpTo[id]))
            {
                strategySweepUpTo[id] = 0;
                strategySweeps--;
            }
        }
    }

    private boolean anyOpenOf(final int strategyId, final long upToOrderId)
    {
        for (int i = 0; i < orders.openCount(); i++)
        {
            final Order order = orders.open(i);
            if (order.strategyId() == strategyId && order.orderId() <= upToOrderId)
            {
                return true;
            }
        }
        return false;
    }

    /** A loss limit was breached: working orders may add to the loss, so they are all cancelled. */
    public void onLossLimitBreached()
    {
        startCancelAll();
    }

    private void startCancelAll()
    {
        cancelAllPending = true;
        cancelAllUpToOrderId = lastOrderId;
    }

    private boolean anyOpenUpTo(final long orderId)
    {
        for (int i = 0; i < orders.openCount(); i++)
        {
            if (orders.open(i).orderId() <= orderId)
            {
                return true;
            }
        }
        return false;
    }

    private void flatten()
    {
        boolean flat = true;
        for (int id = 0; id < positions.instrumentCount(); id++)
        {
            if (positions.quantity(id) != 0)
            {
                flat = false;
            }
        }
        if (flat)
        {
            flattenPending = false;
            return;
        }
        // Closing orders in flight are awaited; a rejected close (no market, stale feed) is retried once a second.
        if (orders.openCount() > 0 ||
            (lastFlattenAttemptNanos != Long.MIN_VALUE && now - lastFlattenAttemptNanos < 1_000_000_000L))
        {
            return;
        }
        lastFlattenAttemptNanos = now;
        for (int id = 0; id < positions.instrumentCount(); id++)
        {
            final long position = positions.quantity(id);
            if (position != 0)
            {
                engineNote.signal("operator-flatten").value("position", FixedPoint.toDouble(position));
                submit(0, engineNote, id, position > 0 ? Side.SELL : Side.BUY, OrderType.MARKET, Math.abs(position), 0);
            }
        }
    }

    public boolean commandInProgress()
    {
        return cancelAllPending || flattenPending || strategySweeps > 0;
    }

    public RiskContext riskContext()
    {
        return riskContext;
    }

    public TradingStateMachine tradingState()
    {
        return tradingState;
    }

    public long lastOrderId()
    {
        return lastOrderId;
    }

    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, lastOrderId);
        h = Hash64.mix(h, (cancelAllPending ? 1 : 0) + (flattenPending ? 2 : 0));
        h = Hash64.mix(h, lastFlattenAttemptNanos);
        h = Hash64.mix(h, lastCancelAllNanos);
        h = Hash64.mix(h, cancelAllUpToOrderId);
        h = Hash64.mix(h, strategySweeps);
        for (final long upTo : strategySweepUpTo)
        {
            h = Hash64.mix(h, upTo);
        }
        h = Hash64.mix(h, now);
        h = riskContext.hash(h);
        h = exits.hash(h);
        h = Hash64.mix(h, nextTimeoutCheckNanos);
        h = tradingState.hash(h);
        h = orders.hash(h);
        h = fees.hash(h);
        return venue.hash(h);
    }
}
