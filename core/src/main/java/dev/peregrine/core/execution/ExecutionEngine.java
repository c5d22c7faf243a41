package dev.peregrine.core.execution;

import dev.peregrine.core.decision.DecisionLog;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.engine.TradingStateMachine;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.metrics.StageLatencies;
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
 * <p>A new order passes the {@link OrderGate} (the trading state, then the {@link RiskChain}: product rules,
 * market-data health, window, price band, size, position, exposure, loss, self-trade, rate). Then it gets
 * the next order id (ids count up from 1 in event order, so a replay assigns the same ids), its decision
 * is recorded ({@link DecisionRecorder}), it becomes a PENDING_NEW order in the {@link OrderStore}, is
 * written as a command into the causing event's slot for the outbound stage, and goes to the paper venue
 * (live mode has none: the outbound stage sends it). Reports from the venue ({@link VenueReportHandler})
 * move the order through its states and book fills into positions and the fee ledger; the
 * {@link CancelSweeps} carry kills, flattens and disabled strategies' cancels over as many events as they
 * take, and {@link VenueTimeouts} expires orders the venue never answered.
 *
 * <p>Its parts (order store, risk chain and context, fee ledger, paper venue, report handler) are given;
 * {@code CoreAssembly} builds them.
 */
public final class ExecutionEngine implements OrderEntry
{
    /** Open orders the engine can hold at once (pool size; a power of two). */
    public static final int ORDER_CAPACITY = 1 << 14;
    /** Strategy ids run from 1 to this; 0 marks orders the engine places itself. */
    public static final int MAX_STRATEGIES = 64;

    private final MarketState market;
    private final OrderGate gate;
    private final RiskContext riskContext;
    private final OrderRequest request = new OrderRequest();
    private final TradingStateMachine tradingState;
    private final PositionExits exits;
    private final OrderStore orders;
    /** The paper venue, or null in live mode (orders go out through the outbound stage only). */
    private final PaperVenue venue;
    private final FeeLedger fees;
    private final VenueReportHandler reports;
    private final VenueTimeouts timeouts;
    private final CancelSweeps sweeps;
    private final DecisionRecorder decisions;
    private final OrderCommands commands;
    private final OutputListener outputs;
    private final CoreMetrics metrics;
    private final TradingSwitch tradingSwitch;
    private final VenueLiquidations venueLiquidations;

    /** The explanation for orders the engine places itself (exits, flatten). */
    private final DecisionRecord engineNote = new DecisionRecord();

    private long now;
    private long lastOrderId;

    /**
     * @param paperVenue the paper venue answering orders, built over {@code orders} and reporting to
     *                   {@code reports}; null in live mode
     */
    public ExecutionEngine(final MarketState market, final PositionBook positions, final OrderStore orders,
        final RiskChain risk, final RiskContext riskContext, final FeeLedger fees, final VenueReportHandler reports,
        final PaperVenue paperVenue, final OutputListener outputs, final CoreMetrics metrics,
        final TradingSwitch tradingSwitch, final TradingStateMachine tradingState, final ExitRules exitRules,
        final long venueTimeoutNanos)
    {
        this.market = market;
        this.orders = orders;
        this.riskContext = riskContext;
        this.gate = new OrderGate(tradingState, risk, riskContext);
        this.tradingState = tradingState;
        this.venue = paperVenue;
        this.fees = fees;
        this.reports = reports;
        this.timeouts = new VenueTimeouts(orders, reports, venueTimeoutNanos);
        reports.timeouts(timeouts);
        this.sweeps = new CancelSweeps(orders, positions, MAX_STRATEGIES);
        this.decisions = new DecisionRecorder(market, positions, outputs);
        this.commands = new OrderCommands(paperVenue);
        this.outputs = outputs;
        this.metrics = metrics;
        this.tradingSwitch = tradingSwitch;
        this.exits = new PositionExits(exitRules, positions, market, orders, metrics);
        this.venueLiquidations = new VenueLiquidations(positions, this, reports);
    }

    /**
     * A live venue liquidated our own position in {@code event}'s instrument (a LIQUIDATION flagged
     * {@code OWN_POSITION}): closed per holder as {@link VenueLiquidations} describes, at the venue's price and fee.
     */
    public void onVenueLiquidation(final InboundEvent event, final PaperLiquidations.Holders holders)
    {
        venueLiquidations.apply(event.instrumentId, event.side, event.quantity, event.price, event.fee, holders, now);
    }

    /** Liquidations of our own position a live venue reported. */
    public long venueLiquidations()
    {
        return venueLiquidations.count();
    }

    /** Continues with other limits and rules (a settings change, see {@code SettingsChange}); between events only. */
    public void applySettings(final RiskLimits limits, final ExitRules exitRules, final PaperVenueSettings venueSettings,
        final long venueTimeout)
    {
        riskContext.replaceLimits(limits);
        exits.replaceRules(exitRules);
        if (venue != null)
        {
            venue.replaceSettings(venueSettings);
        }
        reports.replaceFeeSchedule(venueSettings);
        timeouts.replaceTimeout(venueTimeout);
    }

    /** Where order events go (the strategies); set once, before the first event. */
    public void orderEvents(final OrderEvents listener)
    {
        reports.orderEvents(listener == null ? OrderEvents.NONE : listener);
    }

    @Override
    public DecisionRecord decision()
    {
        return engineNote;
    }

    /** The inbound ring sequence of the next input, for the decision log (decisions wait for their cause's journaling). */
    public void beginInput(final long ringSequence)
    {
        decisions.beginInput(ringSequence);
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
        commands.beginEvent(event);
        now = Math.max(now, nowNanos);
    }

    /** The paper venue, or null in live mode. */
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

    @Override
    public long submitLimitFokOrder(final int instrumentId, final int side, final long quantity, final long limitPrice)
    {
        return submit(0, engineNote, instrumentId, side, OrderType.LIMIT_FOK, quantity, limitPrice);
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
        return submit(strategyId, note, instrumentId, side, type, quantity, limitPrice, false);
    }

    /**
     * As {@link #submit(int, DecisionRecord, int, int, OrderType, long, long)}, {@code reduceOnly} marking an order
     * the strategy asked to be reduce-only: risk sees it in {@link OrderRequest#reduceOnly} and the venue in
     * {@code OrderCommand.reduceOnly}.
     */
    public long submit(final int strategyId, final DecisionRecord note, final int instrumentId, final int side,
        final OrderType type, final long quantity, final long limitPrice, final boolean reduceOnly)
    {
        final long timeNanos = now;
        final long orderId = ++lastOrderId;

        final OrderRequest r = request.set(instrumentId, side, type, quantity, limitPrice,
            type == OrderType.MARKET ? market.touchPrice(instrumentId, side) : limitPrice, timeNanos,
            riskContext.isReducing(instrumentId, side, quantity));
        r.reduceOnly = reduceOnly;
        r.strategyId = strategyId;

        final StageLatencies stages = metrics.stages;
        final long riskStart = stages.riskStart();
        RejectReason reason = gate.check(r, commands.count());
        stages.riskEnd(riskStart);
        stages.executionStart();

        final Order order = reason == RejectReason.NONE ?
            orders.create(orderId, strategyId, instrumentId, side, type, quantity, limitPrice, r.reducing, timeNanos) :
            null;
        if (order == null && reason == RejectReason.NONE)
        {
            reason = RejectReason.TOO_MANY_ORDERS;
        }
        decisions.record(note, strategyId, orderId, instrumentId, side, type, quantity, limitPrice, timeNanos,
            commands.causeType(), gate.checksPassed(), reason);
        if (order == null)
        {
            reports.onRefused(strategyId, orderId, instrumentId, side, quantity, reason, timeNanos);
            stages.executionEnd();
            return -1;
        }

        metrics.orders.increment();
        reports.quality().onOrder(order, quantity, r.referencePrice, decisions.bidPrice(), decisions.askPrice());
        outputs.onOrder(orderId, instrumentId, side, type, quantity, limitPrice, timeNanos);
        commands.newOrder(order, timeNanos, reduceOnly);
        stages.executionEnd();
        return orderId;
    }

    /**
     * The paper venue liquidates a position ({@link PaperLiquidations}): an order the venue places itself on behalf
     * of {@code strategyId}, of type {@link OrderType#LIQUIDATION}; no risk check, never sent out. Returns it, or
     * null when the order store has no room.
     */
    Order venueLiquidation(final int strategyId, final int instrumentId, final int side, final long quantity)
    {
        final long orderId = ++lastOrderId;
        final Order order = orders.create(orderId, strategyId, instrumentId, side, OrderType.LIQUIDATION, quantity, 0,
            true, now);
        if (order != null)
        {
            outputs.onOrder(orderId, instrumentId, side, OrderType.LIQUIDATION, quantity, 0, now);
        }
        return order;
    }

    /**
     * Where decisions are journaled from now on. The live engine sets it after recovery, so decisions
     * already journaled by the run being recovered are not written twice.
     */
    public void decisionLog(final DecisionLog log)
    {
        decisions.decisionLog(log == null ? DecisionLog.NONE : log);
    }

    /** The risk checks in the order they run, for naming the ones a decision passed. */
    public RiskChain riskChain()
    {
        return gate.riskChain();
    }

    @Override
    public boolean cancelOrder(final long orderId)
    {
        return cancel(orderId, false);
    }

    /** A cancel of a sweep (kill, flatten, a disabled strategy): not held back by the cancel-rate limit. */
    boolean emergencyCancel(final long orderId)
    {
        return cancel(orderId, true);
    }

    private boolean cancel(final long orderId, final boolean emergency)
    {
        final Order order = orders.get(orderId);
        if (order == null || order.state().isTerminal() || order.state() == OrderState.PENDING_CANCEL || commands.full())
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
        outputs.onCancelRequested(orderId, order.instrumentId(), timeNanos);
        commands.cancel(order, timeNanos);
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

    /** Where the venue's reports are turned into state: the paper venue reports to it. */
    public VenueReportHandler reports()
    {
        return reports;
    }

    /**
     * An operator command from a journaled COMMAND event: the state machine moves, and kill and flatten
     * start cancelling (and closing) until nothing is left, over as many events as it takes.
     */
    public void onCommand(final int code)
    {
        if (code == CommandCode.RECOVERED)
        {
            // Not the operator's: the trading state is not touched.
            timeouts.onRecovered();
            return;
        }
        if (tradingState.onCommand(code, now))
        {
            sweeps.startCancelAll(lastOrderId, code == CommandCode.FLATTEN);
        }
    }

    /**
     * Called by the core at the end of every event: continues a kill or a flatten, fires exit rules,
     * and expires orders the venue never answered.
     */
    public void afterEvent()
    {
        sweeps.continueSweeps(this, now);
        if (tradingState.state() != TradingState.HALTED)
        {
            exits.evaluate(now, this);
        }
        timeouts.afterEvent(now);
    }

    /**
     * Cancels every order working now (a strategy was disabled), through the same sweep as a kill:
     * until the venue confirmed each cancel, refused ones asked again once a second. The trading state
     * does not change.
     */
    public void cancelAllWorkingOrders()
    {
        sweeps.startCancelAll(lastOrderId);
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
        sweeps.startStrategySweep(strategyId, lastOrderId, this, now);
    }

    /** A loss limit was breached: working orders may add to the loss, so they are all cancelled. */
    public void onLossLimitBreached()
    {
        sweeps.startCancelAll(lastOrderId);
    }

    public boolean commandInProgress()
    {
        return sweeps.inProgress();
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
        h = sweeps.hash(h);
        h = Hash64.mix(h, now);
        h = riskContext.hash(h);
        h = exits.hash(h);
        h = timeouts.hash(h);
        h = tradingState.hash(h);
        h = orders.hash(h);
        h = fees.hash(h);
        return venue != null ? venue.hash(h) : NoPaperVenue.hash(h, market.instrumentCount());
    }
}
