package dev.peregrine.core.engine;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.RiskContext;

/**
 * The core's gauges for the sidecar and HTTP threads, read about once a second: republished at once when
 * the trading state, the orders, the open orders or the fills moved (operators watch those react), on
 * every input that is not market data, and otherwise every {@link #GAUGE_EVERY_MARKET_EVENTS}-th market
 * event (unrealized PnL moves with every quote; recomputing it per event costs more than anyone can read).
 * Written on the core thread only; the gauges themselves are the cross-thread hand-off.
 */
final class CoreGauges
{
    private static final int GAUGE_EVERY_MARKET_EVENTS = 64;

    private final MarketState market;
    private final PositionBook positions;
    private final ExecutionEngine execution;
    private final TradingStateMachine tradingState;
    private final LossLimitWatch lossLimits;
    private final CoreMetrics metrics;

    private long gaugedOrders = -1;
    private long gaugedFills = -1;
    private int gaugedState = -1;
    private int gaugedOpen = -1;
    private int marketEventsSinceGauges;

    CoreGauges(final MarketState market, final PositionBook positions, final ExecutionEngine execution,
        final TradingStateMachine tradingState, final LossLimitWatch lossLimits, final CoreMetrics metrics)
    {
        this.market = market;
        this.positions = positions;
        this.execution = execution;
        this.tradingState = tradingState;
        this.lossLimits = lossLimits;
        this.metrics = metrics;
    }

    /** Called after every event of {@code type}: publishes when something an operator watches moved. */
    void afterEvent(final int type)
    {
        // A CANDLE is market data too: on the bar path it is the only kind, and publishing on each would be most
        // of a bar's cost (metrics only: no output or state depends on when gauges are written).
        final boolean marketData = type == EventType.TRADE || type == EventType.QUOTE || type == EventType.BOOK_LEVEL ||
            type == EventType.CANDLE;
        final long orders = execution.lastOrderId();
        final long fills = metrics.fills.get();
        final int state = tradingState.state().ordinal();
        final int open = execution.orders().openCount();
        if (!marketData || orders != gaugedOrders || fills != gaugedFills || state != gaugedState || open != gaugedOpen ||
            ++marketEventsSinceGauges >= GAUGE_EVERY_MARKET_EVENTS)
        {
            gaugedOrders = orders;
            gaugedFills = fills;
            gaugedState = state;
            gaugedOpen = open;
            marketEventsSinceGauges = 0;
            publish();
        }
    }

    /** Writes every gauge now. */
    void publish()
    {
        for (int id = 0; id < market.instrumentCount(); id++)
        {
            metrics.positions[id].set(FixedPoint.toDouble(positions.quantity(id)));
            metrics.markPrices[id].set(FixedPoint.toDouble(market.markPrice(id)));
        }
        metrics.realizedPnl.set(positions.totalRealizedPnl());
        metrics.unrealizedPnl.set(unrealizedPnl());
        // Two field reads: DailyPnl is updated by the loss-limit check on every event when a loss limit is set.
        final RiskContext risk = execution.riskContext();
        metrics.dayPnl.set(risk.dailyPnl.dayPnl());
        metrics.drawdown.set(-risk.dailyPnl.drawdown());
        metrics.grossExposure.set(risk.grossExposure()); // a loop over instruments and open orders, no allocation
        metrics.tradingState.set(tradingState.state().ordinal());
        metrics.tradingStateReason.set(tradingState.reasonCode());
        metrics.tradingStateSince.set(tradingState.sinceNanos());
        metrics.lossLimitHolds.set(lossLimits.holdingLimit());
        metrics.openOrders.set(execution.orders().openCount());
        metrics.awaitingVenue.set(awaitingVenue());
    }

    /** Unrealized PnL of every position at its instrument's mark price. */
    double unrealizedPnl()
    {
        double total = 0.0;
        for (int i = 0; i < market.instrumentCount(); i++)
        {
            total += positions.unrealizedPnl(i, market.markPrice(i));
        }
        return total;
    }

    private int awaitingVenue()
    {
        final OrderStore orders = execution.orders();
        int awaiting = 0;
        for (int i = orders.openCount() - 1; i >= 0; i--)
        {
            final Order order = orders.open(i);
            final OrderState state = order.state();
            if (state == OrderState.PENDING_NEW || state == OrderState.PENDING_CANCEL || order.type() != OrderType.LIMIT)
            {
                awaiting++;
            }
        }
        return awaiting;
    }
}
