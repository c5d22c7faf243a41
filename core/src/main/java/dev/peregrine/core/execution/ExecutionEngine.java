package dev.peregrine.core.execution;

import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.market.FeedHealth;
import dev.peregrine.core.market.InstrumentRules;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.risk.RiskChain;

/**
 * Turns a strategy's order into outputs: trading state, market-data health (a stale or gapped feed, a
 * book being rebuilt, a product the venue closed) and risk first, then an order id, the order
 * command in the causing event's slot (for the outbound stage), and the paper venue's fill or cancel,
 * which updates positions. Owned by the core thread.
 *
 * <p>Order ids count up from 1 in event order, so a replay assigns the same ids.
 */
public final class ExecutionEngine implements OrderEntry
{
    private final InstrumentRules rules;
    private final FeedHealth feedHealth;
    private final MarketState market;
    private final RiskChain risk;
    private final PositionBook positions;
    private final PaperVenue venue;
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
        final OutputListener outputs,
        final CoreMetrics metrics,
        final TradingSwitch tradingSwitch)
    {
        this.rules = rules;
        this.feedHealth = feedHealth;
        this.market = market;
        this.risk = risk;
        this.positions = positions;
        this.venue = new PaperVenue(market);
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

    @Override
    public long submitMarketOrder(final int instrumentId, final int side, final long quantity)
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
        else if (quantity <= 0 || quantity % rules.sizeIncrement(instrumentId) != 0)
        {
            reason = RejectReason.INVALID_QUANTITY;
        }
        else if (currentEvent.orderCount == InboundEvent.MAX_ORDERS_PER_EVENT)
        {
            reason = RejectReason.TOO_MANY_ORDERS;
        }
        else
        {
            reason = risk.check(instrumentId, side, quantity, positions);
            if (reason == RejectReason.NONE && !venue.hasMarket(instrumentId, side))
            {
                reason = RejectReason.NO_MARKET;
            }
        }
        if (reason != RejectReason.NONE)
        {
            metrics.rejects[reason.ordinal()].increment();
            outputs.onReject(orderId, instrumentId, side, quantity, reason, timeNanos);
            return -1;
        }

        final OrderCommand command = currentEvent.orders[currentEvent.orderCount++];
        command.set(orderId, instrumentId, side, quantity, 0, timeNanos);
        metrics.orders.increment();
        outputs.onOrder(orderId, instrumentId, side, quantity, 0, timeNanos);

        final long filled = venue.executeMarket(instrumentId, side, quantity);
        if (filled > 0)
        {
            final long price = venue.lastFillPrice();
            positions.applyFill(instrumentId, side, filled, price);
            metrics.fills.increment();
            outputs.onFill(orderId, instrumentId, side, filled, price, timeNanos);
        }
        if (filled < quantity)
        {
            metrics.cancels.increment();
            outputs.onCancel(orderId, instrumentId, quantity - filled, timeNanos);
        }
        return orderId;
    }

    public long lastOrderId()
    {
        return lastOrderId;
    }

    public long hash(final long seed)
    {
        return venue.hash(Hash64.mix(seed, lastOrderId));
    }
}
