package dev.peregrine.core.strategy;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.strategy.config.DescribedDefinition;
import dev.peregrine.core.strategy.config.StrategyDefinition;
import dev.peregrine.core.strategy.config.StrategyParams;

import java.util.Arrays;


/**
 * Trend following on trade prices: when the fast simple moving average crosses above the slow one the
 * strategy targets a long position of the instrument's order quantity; when it crosses below, a short
 * one of the same size (0.01 BTC and 10 SOL are both "one order", so the quantity is per instrument). It trades only on a cross, never on the first comparison after warm-up, and sizes each
 * order as the difference between the target and the current position plus open orders, so a partial
 * fill is topped up on the next cross rather than chased, and orders in flight are not sent twice.
 *
 * <p>A minimum holding time (event time, per instrument) keeps it from paying fees on noise: windows
 * counted in trades are milliseconds long on a busy market, where averages cross many times a second.
 * A cross inside the holding time is not traded; once it has passed, the strategy trades to whichever
 * side the averages then stand on, if that differs from its last decision. With 0 it trades every cross.
 * Without a configured quantity it asks the engine for its order size at each decision, so the size is
 * the order notional at the current price.
 *
 * <p>Averages are kept as exact sums of scaled prices in fixed ring windows: O(1) per trade and no
 * floating-point drift, so the state hash is stable however long the run.
 */
public final class MovingAverageCrossover implements Strategy
{
    public static final String NAME = "ma-crossover";

    /** The engine's default strategy: every configured product, windows of trades, market or joining limit orders. */
    public static final StrategyDefinition DEFINITION = new DescribedDefinition(NAME,
        "trade-price SMA crossover on every product, long or short one order quantity (the demo's strategy)",
        "fast=10: fast window, trades", "slow=30: slow window, trades (> fast)",
        "order=market: market (cross, taker) or limit (join the touch, maker)",
        "min-hold=30s: least event time between two trades of a product (0s: trade every cross)",
        "warm-up=none: none, or snapshot (fill the windows from the trades the venue sends on subscribe)")
    {
        @Override
        public StrategyFactory configure(final StrategyParams params)
        {
            final int fast = params.integer("fast", 10, 1, 100_000);
            final int slow = params.integer("slow", 30, 2, 1_000_000);
            final boolean passive = "limit".equals(params.choice("order", "market", "limit"));
            // One default wherever the crossover runs (the demo's, a backtest's, a config's): trading every
            // cross of a 10/30-trade average pays the spread and fees several times a second.
            final long minHold = params.durationOrZero("min-hold", DEFAULT_MIN_HOLD_NANOS);
            final boolean warmUp = "snapshot".equals(params.choice("warm-up", "none", "snapshot"));
            params.require(fast < slow, "fast (" + fast + ") must be below slow (" + slow + ")", "fast", "slow");
            return context -> new MovingAverageCrossover(context, fast, slow, null, passive, minHold, warmUp);
        }
    };

    /**
     * The crossover's default minimum holding time: 30 s. On the demo's market at 500 trades a second a 10/30-trade
     * crossover crosses several times a second and lost 18,800 in 40 s to fees; held 30 s, a product
     * trades at most twice a minute whatever the trade rate.
     */
    public static final long DEFAULT_MIN_HOLD_NANOS = 30_000_000_000L;

    private static final int BELOW = -1;
    private static final int UNKNOWN = 0;
    private static final int ABOVE = 1;
    private static final String CROSS_UP = "sma-cross-up";
    private static final String CROSS_DOWN = "sma-cross-down";

    private final StrategyContext context;
    private final int fastWindow;
    private final int slowWindow;
    private final long[] orderQuantity;
    private final boolean passive;
    private final boolean sizeFromEngine;
    private final long minHoldNanos;
    /** The side (ABOVE/BELOW) last traded to, or found at warm-up; UNKNOWN before. */
    private final int[] decided;
    /** Event time of the last order sent per instrument; Long.MIN_VALUE / 2 before any (no overflow). */
    private final long[] lastTradeNanos;
    /** Snapshot trades (history sent on subscribe) fill the windows; they never cause an order. */
    private final boolean warmUpOnSnapshot;
    private boolean warmingUp;

    private final long[][] prices;
    private final int[] count;
    private final int[] next;
    /** Exact 128-bit sums: absurd prices must not wrap them into a negative average. */
    private final dev.peregrine.core.number.WideSums fastSum;
    private final dev.peregrine.core.number.WideSums slowSum;
    private final int[] relation;

    /**
     * @param orderQuantity per instrument (scaled), or null to ask the engine at each decision (its order
     *                      notional at the current price).
     * @param passive       true to join the touch with a resting limit order (maker fees, queue risk) instead
     *                      of crossing with a market order (taker fees, slippage).
     * @param minHoldNanos  least event time between two orders of an instrument; 0 trades every cross.
     * @param warmUpOnSnapshot fill the windows from the venue's snapshot trades, so live trading starts warm.
     */
    public MovingAverageCrossover(
        final StrategyContext context,
        final int fastWindow,
        final int slowWindow,
        final long[] orderQuantity,
        final boolean passive,
        final long minHoldNanos,
        final boolean warmUpOnSnapshot)
    {
        if (minHoldNanos < 0)
        {
            throw new IllegalArgumentException("minimum holding time must be >= 0, got " + minHoldNanos);
        }
        if (fastWindow < 1 || slowWindow <= fastWindow)
        {
            throw new IllegalArgumentException("need 1 <= fast window < slow window, got fast=" + fastWindow +
                " slow=" + slowWindow);
        }
        final int instrumentCount = context.instrumentCount();
        final long[] quantity = new long[instrumentCount];
        for (int i = 0; i < instrumentCount; i++)
        {
            quantity[i] = orderQuantity != null && i < orderQuantity.length ? orderQuantity[i] : context.defaultOrderQuantity(i);
        }
        for (int i = 0; i < quantity.length; i++)
        {
            if (quantity[i] <= 0)
            {
                throw new IllegalArgumentException("order quantity of instrument " + i + " must be > 0");
            }
        }
        this.context = context;
        this.passive = passive;
        this.fastWindow = fastWindow;
        this.slowWindow = slowWindow;
        this.orderQuantity = quantity;
        this.sizeFromEngine = orderQuantity == null;
        this.minHoldNanos = minHoldNanos;
        this.warmUpOnSnapshot = warmUpOnSnapshot;
        decided = new int[instrumentCount];
        lastTradeNanos = new long[instrumentCount];
        Arrays.fill(lastTradeNanos, Long.MIN_VALUE / 2);
        prices = new long[instrumentCount][slowWindow];
        count = new int[instrumentCount];
        next = new int[instrumentCount];
        fastSum = new dev.peregrine.core.number.WideSums(instrumentCount);
        slowSum = new dev.peregrine.core.number.WideSums(instrumentCount);
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
            fastSum.subtract(instrumentId, window[(head - fastWindow + slowWindow) % slowWindow]);
        }
        if (n >= slowWindow)
        {
            slowSum.subtract(instrumentId, window[head]);
        }
        window[head] = price;
        fastSum.add(instrumentId, price);
        slowSum.add(instrumentId, price);
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
        final double fastScaled = fastSum.toDouble(instrumentId) * slowWindow;
        final double slowScaled = slowSum.toDouble(instrumentId) * fastWindow;
        final int now = fastScaled > slowScaled ? ABOVE : fastScaled < slowScaled ? BELOW : relation[instrumentId];
        relation[instrumentId] = now;
        if (decided[instrumentId] == UNKNOWN || warmingUp)
        {
            decided[instrumentId] = now; // the first comparison after warm-up is not a cross; history never trades
            return;
        }
        if (now == decided[instrumentId] || timeNanos - lastTradeNanos[instrumentId] < minHoldNanos)
        {
            return;
        }
        decided[instrumentId] = now;

        final long size = sizeFromEngine ? context.defaultOrderQuantity(instrumentId) : orderQuantity[instrumentId];
        final long target = now == ABOVE ? size : -size;
        // Orders still in flight count: with venue latency their fills come after the next cross.
        final long pending = context.openQuantity(instrumentId, Side.BUY) - context.openQuantity(instrumentId, Side.SELL);
        final long delta = target - context.position(instrumentId) - pending;
        if (delta != 0)
        {
            context.decision().signal(now == ABOVE ? CROSS_UP : CROSS_DOWN)
                .value("sma_fast", fastSum.toDouble(instrumentId) / fastWindow / dev.peregrine.core.number.FixedPoint.SCALE)
                .value("sma_slow", slowSum.toDouble(instrumentId) / slowWindow / dev.peregrine.core.number.FixedPoint.SCALE)
                .value("last_price", dev.peregrine.core.number.FixedPoint.toDouble(price));
            lastTradeNanos[instrumentId] = timeNanos;
            send(instrumentId, delta > 0 ? Side.BUY : Side.SELL, Math.abs(delta));
        }
    }

    /** History the venue sent: moves the averages and the fast/slow relation, never trades. */
    @Override
    public void onSnapshotTrade(
        final int instrumentId, final long price, final long quantity, final int side, final long printedNanos)
    {
        if (!warmUpOnSnapshot)
        {
            return;
        }
        warmingUp = true;
        try
        {
            onTrade(instrumentId, price, quantity, side, printedNanos);
        }
        finally
        {
            warmingUp = false;
        }
    }

    private void send(final int instrumentId, final int side, final long quantity)
    {
        if (!passive)
        {
            context.submitMarketOrder(instrumentId, side, quantity);
            return;
        }
        final long touch = side == Side.BUY ? context.market().bidPrice(instrumentId) : context.market().askPrice(instrumentId);
        if (touch > 0)
        {
            context.submitLimitOrder(instrumentId, side, quantity, touch);
        }
        else
        {
            context.decision().clearExplanation();
        }
    }

    /** Fast average of an instrument as a scaled price, or 0 before warm-up; for tests and reports. */
    public long fastAverage(final int instrumentId)
    {
        return count[instrumentId] >= fastWindow ? fastSum.quotient(instrumentId, fastWindow) : 0;
    }

    /** Slow average as a scaled price, or 0 before warm-up. */
    public long slowAverage(final int instrumentId)
    {
        return count[instrumentId] >= slowWindow ? slowSum.quotient(instrumentId, slowWindow) : 0;
    }

    @Override
    public long hash(final long seed)
    {
        long h = seed;
        for (int i = 0; i < count.length; i++)
        {
            h = Hash64.mix(h, count[i]);
            h = Hash64.mix(h, next[i]);
            h = fastSum.hash(h, i);
            h = slowSum.hash(h, i);
            h = Hash64.mix(h, relation[i]);
            h = Hash64.mix(h, decided[i]);
            h = Hash64.mix(h, lastTradeNanos[i]);
            for (final long price : prices[i])
            {
                h = Hash64.mix(h, price);
            }
        }
        return h;
    }
}
