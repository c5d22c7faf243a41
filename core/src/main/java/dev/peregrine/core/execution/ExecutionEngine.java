package dev.peregrine.core.execution;

import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.market.FeedHealth;
import dev.peregrine.core.market.InstrumentRules;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.risk.RiskChain;

/**
 * Turns a strategy's order into outputs, and a venue's reports into state. Owned by the core thread.
 *
 * <p>A new order passes, in this order: trading state; market-data health (a stale or gapped feed, a
 * book being rebuilt, a product the venue closed); the product's lot size; the risk chain. Then it gets
 * the next order id (ids count up from 1 in event order, so a replay assigns the same ids), becomes a
 * PENDING_NEW order in the {@link OrderStore}, is written as a command into the causing event's slot
 * for the outbound stage, and goes to the venue. Reports from the venue ({@link VenueReports}) move the
 * order through its states and book fills into positions and the fee ledger.
 */
public final class ExecutionEngine implements OrderEntry, VenueReports
{
    /** Open orders the engine can hold at once (pool size; a power of two). */
    public static final int ORDER_CAPACITY = 1 << 14;

    private final InstrumentRules rules;
    private final FeedHealth feedHealth;
    private final MarketState market;
    private final RiskChain risk;
    private final PositionBook positions;
    private final OrderStore orders = new OrderStore(ORDER_CAPACITY);
    private final PaperVenue venue;
    private final FeeLedger fees;
    private final OutputListener outputs;
    private final CoreMetrics metrics;
    private final TradingSwitch tradingSwitch;

    private InboundEvent currentEvent;
    private long lastOrderId;

    public ExecutionEngine(
        final InstrumentRules rules,
        final FeedHealth feedHealth,
        final RiskChain risk,
        final PositionBook positions,
        final MarketState market,
        final PaperVenueSettings venueSettings,
        final OutputListener outputs,
        final CoreMetrics metrics,
        final TradingSwitch tradingSwitch)
    {
        this.rules = rules;
        this.feedHealth = feedHealth;
        this.market = market;
        this.risk = risk;
        this.positions = positions;
        this.venue = new PaperVenue(market, orders, venueSettings, this);
        this.fees = new FeeLedger(1 << 12, market.instrumentCount());
        this.outputs = outputs;
        this.metrics = metrics;
        this.tradingSwitch = tradingSwitch;
    }

    /** Called by the core before any strategy callback for {@code event}. */
    public void beginEvent(final InboundEvent event)
    {
        currentEvent = event;
        event.orderCount = 0;
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

    private long submit(final int instrumentId, final int side, final OrderType type, final long quantity,
        final long limitPrice)
    {
        final long timeNanos = currentEvent.eventTimeNanos;
        final long orderId = ++lastOrderId;

        RejectReason reason = RejectReason.NONE;
        if (tradingSwitch.isHalted())
        {
            reason = RejectReason.TRADING_HALTED;
        }
        else if (!feedHealth.isHealthy(instrumentId))
        {
            reason = RejectReason.FEED_UNHEALTHY;
        }
        else if (!market.book(instrumentId).mayTrade())
        {
            reason = RejectReason.BOOK_NOT_SYNCED;
        }
        else if (!rules.acceptsOrders(instrumentId))
        {
            reason = RejectReason.INSTRUMENT_NOT_TRADING;
        }
        else if (quantity <= 0 || quantity % rules.sizeIncrement(instrumentId) != 0 || (side != Side.BUY && side != Side.SELL))
        {
            reason = RejectReason.INVALID_QUANTITY;
        }
        else if (type != OrderType.MARKET && (limitPrice <= 0 || limitPrice % rules.priceIncrement(instrumentId) != 0))
        {
            reason = RejectReason.INVALID_PRICE;
        }
        else if (currentEvent.orderCount == InboundEvent.MAX_ORDERS_PER_EVENT)
        {
            reason = RejectReason.TOO_MANY_ORDERS;
        }
        else
        {
            reason = risk.check(instrumentId, side, quantity, positions);
        }

        final Order order = reason == RejectReason.NONE ?
            orders.create(orderId, 0, instrumentId, side, type, quantity, limitPrice, false, timeNanos) : null;
        if (order == null)
        {
            if (reason == RejectReason.NONE)
            {
                reason = RejectReason.TOO_MANY_ORDERS;
            }
            metrics.rejects[reason.ordinal()].increment();
            outputs.onReject(orderId, instrumentId, side, quantity, reason, timeNanos);
            return -1;
        }

        currentEvent.orders[currentEvent.orderCount++].set(
            OrderCommand.NEW, type.ordinal(), orderId, instrumentId, side, quantity, limitPrice, timeNanos);
        metrics.orders.increment();
        outputs.onOrder(orderId, instrumentId, side, type, quantity, limitPrice, timeNanos);
        venue.submit(order, timeNanos);
        return orderId;
    }

    @Override
    public boolean cancelOrder(final long orderId)
    {
        final Order order = orders.get(orderId);
        if (order == null || order.state().isTerminal() || order.state() == OrderState.PENDING_CANCEL ||
            currentEvent.orderCount == InboundEvent.MAX_ORDERS_PER_EVENT)
        {
            return false;
        }
        final long timeNanos = currentEvent.eventTimeNanos;
        if (!orders.transition(order, OrderState.PENDING_CANCEL, timeNanos))
        {
            return false;
        }
        currentEvent.orders[currentEvent.orderCount++].set(
            OrderCommand.CANCEL, order.type().ordinal(), orderId, order.instrumentId(), order.side(), 0, 0, timeNanos);
        outputs.onCancelRequested(orderId, order.instrumentId(), timeNanos);
        venue.cancel(order, timeNanos);
        return true;
    }

    @Override
    public long replaceOrder(final long orderId, final long newQuantity, final long newLimitPrice)
    {
        final Order order = orders.get(orderId);
        if (order == null || !cancelOrder(orderId))
        {
            return -1;
        }
        return submitLimitOrder(order.instrumentId(), order.side(), newQuantity, newLimitPrice);
    }

    @Override
    public void onVenueAccepted(final Order order, final long timeNanos)
    {
        if (order.state() == OrderState.PENDING_NEW && orders.transition(order, OrderState.ACKNOWLEDGED, timeNanos))
        {
            outputs.onAccepted(order.orderId(), order.instrumentId(), timeNanos);
        }
    }

    @Override
    public void onVenueFill(final Order order, final long quantity, final long price, final Liquidity liquidity,
        final long timeNanos)
    {
        final double fee = venue.settings().fee(FixedPoint.toDouble(price) * FixedPoint.toDouble(quantity), liquidity);
        if (!orders.applyFill(order, quantity, price, fee, timeNanos))
        {
            return;
        }
        positions.applyFill(order.instrumentId(), order.side(), quantity, price, fee);
        fees.record(order.orderId(), order.instrumentId(), quantity, price, fee, liquidity);
        metrics.fills.increment();
        outputs.onFill(order.orderId(), order.instrumentId(), order.side(), quantity, price, fee, timeNanos);
    }

    @Override
    public void onVenueCancelled(final Order order, final long timeNanos)
    {
        final long leaves = order.quantity() - order.filledQuantity();
        if (orders.transition(order, OrderState.CANCELLED, timeNanos))
        {
            metrics.cancels.increment();
            outputs.onCancel(order.orderId(), order.instrumentId(), leaves, timeNanos);
        }
    }

    @Override
    public void onVenueRejected(final Order order, final RejectReason reason, final long timeNanos)
    {
        if (orders.transition(order, OrderState.REJECTED, timeNanos))
        {
            metrics.rejects[reason.ordinal()].increment();
            outputs.onReject(order.orderId(), order.instrumentId(), order.side(), order.quantity(), reason, timeNanos);
        }
    }

    public long lastOrderId()
    {
        return lastOrderId;
    }

    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, lastOrderId);
        h = orders.hash(h);
        h = fees.hash(h);
        return venue.hash(h);
    }
}
