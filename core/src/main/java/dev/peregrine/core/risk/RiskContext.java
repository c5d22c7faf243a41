package dev.peregrine.core.risk;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.market.FeedHealth;
import dev.peregrine.core.market.InstrumentRules;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.output.Hash64;

/**
 * Everything a risk check may read, in one place, plus the state the checks keep between orders
 * (order and cancel rates, the day's PnL). Owned by the core thread.
 */
public final class RiskContext
{
    /** Replaced only between events, by {@link #replaceLimits} (a settings change). */
    public RiskLimits limits;
    public final PositionBook positions;
    public final MarketState market;
    public final OrderStore orders;
    public final InstrumentRules rules;
    public final FeedHealth feedHealth;
    public final ZonedClock clock;
    public final DailyPnl dailyPnl;
    private EventRateWindow ordersPerSecond;
    private EventRateWindow ordersPerMinute;
    private EventRateWindow cancelsPerSecond;
    private EventRateWindow cancelsPerMinute;

    public RiskContext(
        final RiskLimits limits,
        final PositionBook positions,
        final MarketState market,
        final OrderStore orders,
        final InstrumentRules rules,
        final FeedHealth feedHealth)
    {
        this.limits = limits;
        this.positions = positions;
        this.market = market;
        this.orders = orders;
        this.rules = rules;
        this.feedHealth = feedHealth;
        this.clock = new ZonedClock(limits.zone);
        this.dailyPnl = new DailyPnl(clock);
        ordersPerSecond = new EventRateWindow(limits.maxOrdersPerSecond, 1_000_000_000L);
        ordersPerMinute = new EventRateWindow(limits.maxOrdersPerMinute, 60_000_000_000L);
        cancelsPerSecond = new EventRateWindow(limits.maxCancelsPerSecond, 1_000_000_000L);
        cancelsPerMinute = new EventRateWindow(limits.maxCancelsPerMinute, 60_000_000_000L);
    }

    /**
     * Continues with {@code next} (a settings change): the rate windows keep the orders and cancels already
     * sent; positions, orders and the day's PnL are untouched. The zone must stay (the caller refuses a change).
     */
    public void replaceLimits(final RiskLimits next)
    {
        if (!next.zone.equals(limits.zone))
        {
            throw new IllegalArgumentException("risk zone cannot change on a running core: " + limits.zone + " -> " + next.zone);
        }
        ordersPerSecond = ordersPerSecond.withLimit(next.maxOrdersPerSecond);
        ordersPerMinute = ordersPerMinute.withLimit(next.maxOrdersPerMinute);
        cancelsPerSecond = cancelsPerSecond.withLimit(next.maxCancelsPerSecond);
        cancelsPerMinute = cancelsPerMinute.withLimit(next.maxCancelsPerMinute);
        limits = next;
    }

    /** Called by the core once per event, after market data is applied. */
    public void onEvent(final long nowNanos)
    {
        dailyPnl.update(nowNanos, equity());
    }

    /** Realized PnL after fees plus unrealized PnL at the mark, all instruments. */
    public double equity()
    {
        double total = positions.totalRealizedPnl();
        for (int i = 0; i < positions.instrumentCount(); i++)
        {
            total += positions.unrealizedPnl(i, market.markPrice(i));
        }
        return total;
    }

    /** Sum of |position| x mark plus the notional of open orders, in quote currency. */
    public double grossExposure()
    {
        double exposure = 0.0;
        for (int i = 0; i < positions.instrumentCount(); i++)
        {
            exposure += Math.abs(FixedPoint.toDouble(positions.quantity(i))) * FixedPoint.toDouble(market.markPrice(i));
        }
        for (int i = 0; i < orders.openCount(); i++)
        {
            final Order order = orders.open(i);
            final long price = order.limitPrice() > 0 ? order.limitPrice() : market.markPrice(order.instrumentId());
            exposure += FixedPoint.toDouble(order.quantity() - order.filledQuantity()) * FixedPoint.toDouble(price);
        }
        return exposure;
    }

    /**
     * True if an order of {@code side} and {@code quantity} only brings the position closer to zero,
     * counting the open orders already on that side: several reducing orders in flight at once must not
     * add up to a flip (with venue latency, fills arrive after the next decision).
     */
    public boolean isReducing(final int instrumentId, final int side, final long quantity)
    {
        final long position = positions.quantity(instrumentId);
        if (position > 0 && side == Side.SELL)
        {
            return quantity + orders.openQuantity(instrumentId, Side.SELL) <= position;
        }
        if (position < 0 && side == Side.BUY)
        {
            return quantity + orders.openQuantity(instrumentId, Side.BUY) <= -position;
        }
        return false;
    }

    public boolean orderRateAllows(final long nowNanos)
    {
        return ordersPerSecond.allows(nowNanos) && ordersPerMinute.allows(nowNanos);
    }

    public void recordOrder(final long nowNanos)
    {
        ordersPerSecond.record(nowNanos);
        ordersPerMinute.record(nowNanos);
    }

    public boolean cancelRateAllows(final long nowNanos)
    {
        return cancelsPerSecond.allows(nowNanos) && cancelsPerMinute.allows(nowNanos);
    }

    public void recordCancel(final long nowNanos)
    {
        cancelsPerSecond.record(nowNanos);
        cancelsPerMinute.record(nowNanos);
    }

    public long hash(final long seed)
    {
        long h = dailyPnl.hash(seed);
        h = ordersPerSecond.hash(h);
        h = ordersPerMinute.hash(h);
        h = cancelsPerSecond.hash(h);
        return cancelsPerMinute.hash(Hash64.mix(h, 1));
    }
}
