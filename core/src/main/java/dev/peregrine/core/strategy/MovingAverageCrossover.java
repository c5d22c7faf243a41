package dev.peregrine.core.strategy;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.OrderEntry;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.output.Hash64;

/**
 * Trend following on trade prices: when the fast simple moving average crosses above the slow one the
 * strategy targets a long position of the instrument's order quantity; when it crosses below, a short
 * one of the same size (0.01 BTC and 10 SOL are both "one order", so the quantity is per instrument). It trades only on a cross, never on the first comparison after warm-up, and sizes each
 * order as the difference between the target and the current position plus open orders, so a partial
 * fill is topped up on the next cross rather than chased, and orders in flight are not sent twice.
 *
 * <p>Averages are kept as exact sums of scaled prices in fixed ring windows: O(1) per trade and no
 * floating-point drift, so the state hash is stable however long the run.
 */
public final class MovingAverageCrossover implements Strategy
{
    public static final String NAME = "ma-crossover";

    private static final int BELOW = -1;
    private static final int UNKNOWN = 0;
    private static final int ABOVE = 1;

    private final OrderEntry orders;
    private final PositionBook positions;
    private final OrderStore openOrders;
    private final int fastWindow;
    private final int slowWindow;
    private final long[] orderQuantity;
    private final boolean passive;
    private final dev.peregrine.core.market.MarketState market;

    private final long[][] prices;
    private final int[] count;
    private final int[] next;
    private final long[] fastSum;
    private final long[] slowSum;
    private final int[] relation;

    public MovingAverageCrossover(
        final OrderEntry orders,
        final PositionBook positions,
        final OrderStore openOrders,
        final int fastWindow,
        final int slowWindow,
        final long[] orderQuantity)
    {
        this(orders, positions, openOrders, null, fastWindow, slowWindow, orderQuantity, false);
    }

    /**
     * @param market  needed for passive orders: the touch to join.
     * @param passive true to join the touch with a resting limit order (maker fees, queue risk) instead
     *                of crossing with a market order (taker fees, slippage).
     */
    public MovingAverageCrossover(
        final OrderEntry orders,
        final PositionBook positions,
        final OrderStore openOrders,
        final dev.peregrine.core.market.MarketState market,
        final int fastWindow,
        final int slowWindow,
        final long[] orderQuantity,
        final boolean passive)
    {
        if (passive && market == null)
        {
            throw new IllegalArgumentException("passive orders need the market state to find the touch");
        }
        this.passive = passive;
        this.market = market;
        if (fastWindow < 1 || slowWindow <= fastWindow)
        {
            throw new IllegalArgumentException("need 1 <= fast window < slow window, got fast=" + fastWindow +
                " slow=" + slowWindow);
        }
        for (int i = 0; i < orderQuantity.length; i++)
        {
            if (orderQuantity[i] <= 0)
            {
                throw new IllegalArgumentException("order quantity of instrument " + i + " must be > 0");
            }
        }
        final int instrumentCount = orderQuantity.length;
        this.orders = orders;
        this.positions = positions;
        this.openOrders = openOrders;
        this.fastWindow = fastWindow;
        this.slowWindow = slowWindow;
        this.orderQuantity = orderQuantity.clone();
        prices = new long[instrumentCount][slowWindow];
        count = new int[instrumentCount];
        next = new int[instrumentCount];
        fastSum = new long[instrumentCount];
        slowSum = new long[instrumentCount];
        relation = new int[instrumentCount];
    }

    @Override
    public void onTrade(final int instrumentId, final long price, final long quantity, final int side, final long timeNanos)
    {
        final long[] window = prices[instrumentId];
        final int head = next[instrumentId];
        final int n = count[instrumentId];

        // The price leaving the fast window is the one fastWindow slots back; the slow one leaves at head.
        if (n >= fastWindow)
        {
            fastSum[instrumentId] -= window[(head - fastWindow + slowWindow) % slowWindow];
        }
        if (n >= slowWindow)
        {
            slowSum[instrumentId] -= window[head];
        }
        window[head] = price;
        fastSum[instrumentId] += price;
        slowSum[instrumentId] += price;
        next[instrumentId] = (head + 1) % slowWindow;
        if (n < slowWindow)
        {
            count[instrumentId] = n + 1;
            if (n + 1 < slowWindow)
            {
                return;
            }
        }

        // Compare fast/fastWindow with slow/slowWindow without dividing: cross-multiply in double,
        // because sums of scaled prices times a window length can overflow a long.
        final double fastScaled = (double)fastSum[instrumentId] * slowWindow;
        final double slowScaled = (double)slowSum[instrumentId] * fastWindow;
        final int now = fastScaled > slowScaled ? ABOVE : fastScaled < slowScaled ? BELOW : relation[instrumentId];
        final int before = relation[instrumentId];
        relation[instrumentId] = now;
        if (before == UNKNOWN || now == before)
        {
            return;
        }

        final long target = now == ABOVE ? orderQuantity[instrumentId] : -orderQuantity[instrumentId];
        // Orders still in flight count: with venue latency their fills come after the next cross.
        final long pending = openOrders.openQuantity(instrumentId, Side.BUY) - openOrders.openQuantity(instrumentId, Side.SELL);
        final long delta = target - positions.quantity(instrumentId) - pending;
        if (delta != 0)
        {
            send(instrumentId, delta > 0 ? Side.BUY : Side.SELL, Math.abs(delta));
        }
    }

    private void send(final int instrumentId, final int side, final long quantity)
    {
        if (!passive)
        {
            orders.submitMarketOrder(instrumentId, side, quantity);
            return;
        }
        final long touch = side == Side.BUY ? market.bidPrice(instrumentId) : market.askPrice(instrumentId);
        if (touch > 0)
        {
            orders.submitLimitOrder(instrumentId, side, quantity, touch);
        }
    }

    @Override
    public void onQuote(final int instrumentId, final long timeNanos)
    {
        // Signals come from trades only.
    }

    @Override
    public void onBook(final int instrumentId, final long timeNanos)
    {
        // Signals come from trades only.
    }

    @Override
    public void onFeedStatus(final int instrumentId, final boolean healthy, final long timeNanos)
    {
        // Execution refuses orders on an unhealthy feed; the averages keep their history across it.
    }

    @Override
    public void onClock(final long timeNanos)
    {
        // No time-based logic in this strategy.
    }

    /** Fast average of an instrument as a scaled price, or 0 before warm-up; for tests and reports. */
    public long fastAverage(final int instrumentId)
    {
        return count[instrumentId] >= fastWindow ? fastSum[instrumentId] / fastWindow : 0;
    }

    /** Slow average as a scaled price, or 0 before warm-up. */
    public long slowAverage(final int instrumentId)
    {
        return count[instrumentId] >= slowWindow ? slowSum[instrumentId] / slowWindow : 0;
    }

    @Override
    public long hash(final long seed)
    {
        long h = seed;
        for (int i = 0; i < count.length; i++)
        {
            h = Hash64.mix(h, count[i]);
            h = Hash64.mix(h, next[i]);
            h = Hash64.mix(h, fastSum[i]);
            h = Hash64.mix(h, slowSum[i]);
            h = Hash64.mix(h, relation[i]);
            for (final long price : prices[i])
            {
                h = Hash64.mix(h, price);
            }
        }
        return h;
    }
}
