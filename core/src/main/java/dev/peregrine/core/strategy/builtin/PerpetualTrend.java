package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.perpetual.MarginAccount;
import dev.peregrine.core.perpetual.MarkPrices;
import dev.peregrine.core.strategy.EmaCrossoverSignal;
import dev.peregrine.core.strategy.Strategy;
import dev.peregrine.core.strategy.StrategyContext;
import dev.peregrine.core.strategy.StrategyFactory;
import dev.peregrine.core.strategy.config.DescribedDefinition;
import dev.peregrine.core.strategy.config.StrategyDefinition;
import dev.peregrine.core.strategy.config.StrategyParams;

/**
 * Trend following on a perpetual with a funding filter: long while the fast EMA of trade prices is above the slow
 * one, short while below, and flat instead of holding the side that pays more funding than it accepts.
 *
 * <p>The rules, on every trade of the instrument:
 * <ol>
 *   <li>Trend: the sign of {@code EMA(fast) - EMA(slow)} over trade prices (TA-Lib seeding, {@link EmaCrossoverSignal});
 *       an exact tie keeps the last sign. No trend before the slow EMA is seeded.</li>
 *   <li>Funding filter: with the venue's current funding rate (the latest MARK_PRICE) above {@code max-funding}
 *       per interval, longs pay it, so an up-trend targets flat instead of long; below {@code -max-funding} shorts
 *       pay it, so a down-trend targets flat. The same limit is set as this strategy's own funding guard in risk
 *       ({@code FundingRateGuard}), so an order that slipped past the filter would be refused there.</li>
 *   <li>Target: {@code +quantity}, {@code -quantity} or 0. Acted on only when it differs from the last target acted
 *       on and {@code min-hold} of event time passed since the strategy's last order: at most one order per
 *       {@code min-hold} (five seconds: a dozen orders a minute on a busy market, not thousands).</li>
 *   <li>Order: the target minus the expected position (own position plus open buys minus open sells). An order
 *       that only closes (the target is flat, or between zero and the position) goes reduce-only, so it can never
 *       open a position should a fill come first; a flip is one order of both legs. Market orders, or with
 *       {@code order=limit} a limit order joining the touch.</li>
 * </ol>
 * The decision record says why: {@code trend-up}, {@code trend-down} or {@code funding-filter}, with
 * {@code ema_fast}, {@code ema_slow}, {@code mark} and {@code funding_rate}. On a spot instrument there is no
 * funding rate and the filter never acts: it is then a plain EMA trend follower. A position the venue liquidated
 * is not re-entered on the same trend: the target last acted on stands until the trend or the filter changes it. The leverage is the position's
 * notional over the account's margin balance: set by the quantity and the engine's collateral, or directly with
 * {@code leverage} (the size then follows the margin balance at each decision).
 */
public final class PerpetualTrend implements Strategy
{
    public static final String NAME = "perp-trend";

    /** Configuration by name: every parameter checked, every problem reported. */
    public static final StrategyDefinition DEFINITION = new DescribedDefinition(NAME,
        "perpetual trend following: long or short on a trade-price EMA trend, flat instead of the side paying funding " +
            "above max-funding (closes reduce-only)",
        "instrument=<first product>: the perpetual traded",
        "fast=20: fast EMA period, trades",
        "slow=60: slow EMA period, trades (> fast)",
        "min-hold=5s: least event time between two orders (0s: act on every change of target)",
        "quantity=<engine order notional at the current price>: size of the long and the short position",
        "leverage=0: size the position at this multiple of the account's margin balance instead (3 = 3x: notional " +
            "= 3 x margin balance at the mark; a perpetual only; 0 = use quantity)",
        "max-funding=0.0005: most funding per interval the held side may pay (0.0005 = 0.05 %; 0 = no filter); " +
            "also this strategy's funding guard in risk",
        "order=market: market (cross, taker) or limit (join the touch, maker)")
    {
        @Override
        public StrategyFactory configure(final StrategyParams params)
        {
            final int instrumentId = params.instrument("instrument");
            final int fast = params.integer("fast", 20, 1, 100_000);
            final int slow = params.integer("slow", 60, 2, 100_000);
            final long minHold = params.durationOrZero("min-hold", 5_000_000_000L);
            final long quantity = params.quantityOrEngine("quantity", instrumentId);
            final double leverage = params.decimal("leverage", 0, 0, 125);
            final double maxFunding = params.decimal("max-funding", 0.0005, 0, 0.1);
            final boolean joinTouch = "limit".equals(params.choice("order", "market", "limit"));
            params.require(fast < slow, "parameter 'fast' (" + fast + ") must be below 'slow' (" + slow + ")");
            if (!params.problems().isEmpty())
            {
                return null;
            }
            return context -> new PerpetualTrend(context, instrumentId, fast, slow, minHold, quantity, leverage, maxFunding,
                joinTouch);
        }
    };

    private static final String TREND_UP = "trend-up";
    private static final String TREND_DOWN = "trend-down";
    private static final String FUNDING_FILTER = "funding-filter";
    private static final int UNDECIDED = Integer.MIN_VALUE;

    private final StrategyContext context;
    private final int instrumentId;
    private final EmaCrossoverSignal ema;
    private final long minHoldNanos;
    /** Scaled size of the position, or 0 for the engine's order quantity at each decision. */
    private final long quantity;
    /** Position notional over the margin balance, or 0 to size by {@link #quantity}. */
    private final double leverage;
    private final double maxFunding;
    private final boolean joinTouch;

    /** The sign of fast - slow: 1, -1, or 0 before the slow EMA is seeded. */
    private int trend;
    /** The target last acted on: 1 long, -1 short, 0 flat; {@link #UNDECIDED} before the first. */
    private int decided = UNDECIDED;
    private long lastOrderNanos = Long.MIN_VALUE / 2;
    private long filtered;
    private long orders;

    /**
     * @param minHoldNanos least event time between two orders (>= 0).
     * @param quantity     scaled size of the position (> 0), or 0 for the engine's order quantity.
     * @param leverage     on a perpetual, size the position at this multiple of the margin balance (0: by quantity).
     * @param maxFunding   most funding per interval the held side may pay (0 = no filter).
     */
    public PerpetualTrend(final StrategyContext context, final int instrumentId, final int fast, final int slow,
        final long minHoldNanos, final long quantity, final double leverage, final double maxFunding,
        final boolean joinTouch)
    {
        if (minHoldNanos < 0 || quantity < 0 || leverage < 0 || !(maxFunding >= 0 && maxFunding < 1))
        {
            throw new IllegalArgumentException("strategy '" + context.name() + "': min-hold, quantity and leverage must " +
                "be >= 0 and max-funding in [0, 1), got " + minHoldNanos + " ns, " + quantity + " (scaled), " +
                leverage + ", " + maxFunding);
        }
        this.context = context;
        this.instrumentId = instrumentId;
        this.ema = new EmaCrossoverSignal(fast, slow, 0);
        this.minHoldNanos = minHoldNanos;
        this.quantity = quantity;
        this.leverage = context.perpetual(instrumentId) != null ? leverage : 0;
        this.maxFunding = maxFunding;
        this.joinTouch = joinTouch;
        if (maxFunding > 0 && context.perpetual(instrumentId) != null)
        {
            context.guardFunding(instrumentId, maxFunding);
        }
    }

    @Override
    public void onTrade(final int instrumentId, final long price, final long tradeQuantity, final int side,
        final long timeNanos)
    {
        if (instrumentId != this.instrumentId)
        {
            return;
        }
        ema.onBarClose(FixedPoint.toDouble(price));
        final double difference = ema.fastValue() - ema.slowValue();
        if (Double.isNaN(difference))
        {
            return;
        }
        if (difference != 0)
        {
            trend = difference > 0 ? 1 : -1;
        }
        if (trend == 0 || timeNanos - lastOrderNanos < minHoldNanos)
        {
            return;
        }
        final double rate = fundingRate();
        final boolean paysFunding = trend > 0 ? rate > maxFunding : rate < -maxFunding;
        final int target = maxFunding > 0 && paysFunding ? 0 : trend;
        final long size = size();
        if (target == decided || (size <= 0 && target != 0))
        {
            return; // nothing new, or no price (or no margin) to size the position by yet
        }
        decided = target;
        if (target == 0)
        {
            filtered++;
        }
        final long position = context.position(instrumentId);
        final long expected = position + context.openQuantity(instrumentId, Side.BUY) -
            context.openQuantity(instrumentId, Side.SELL);
        final long delta = target * size - expected;
        if (delta == 0)
        {
            return;
        }
        context.decision().signal(target == 0 ? FUNDING_FILTER : target > 0 ? TREND_UP : TREND_DOWN)
            .value("ema_fast", ema.fastValue())
            .value("ema_slow", ema.slowValue())
            .value("mark", FixedPoint.toDouble(context.markPrices().mark(instrumentId)))
            .value("funding_rate", rate);
        lastOrderNanos = timeNanos;
        orders++;
        send(delta, closesOnly(position, target * size));
    }

    /**
     * The position's size: {@code leverage} x the margin balance at the mark in contracts (rounded down to the lot by
     * the engine), else {@code quantity}, else the engine's order quantity.
     */
    private long size()
    {
        if (leverage > 0)
        {
            final MarginAccount account = context.marginAccount();
            final double price = account.valuationPrice(instrumentId) > 0 ? account.valuationPrice(instrumentId) :
                FixedPoint.toDouble(context.market().lastPrice(instrumentId));
            final double contract = FixedPoint.toDouble(context.perpetual(instrumentId).contractSize());
            final double balance = account.marginBalance();
            return price > 0 && balance > 0 ? FixedPoint.fromDouble(leverage * balance / (price * contract)) : 0;
        }
        return quantity > 0 ? quantity : context.defaultOrderQuantity(instrumentId);
    }

    /** True when the order only brings the position towards zero: it may go reduce-only. */
    private static boolean closesOnly(final long position, final long target)
    {
        return position != 0 && (target == 0 || (Long.signum(target) == Long.signum(position) &&
            Math.abs(target) < Math.abs(position)));
    }

    private double fundingRate()
    {
        final MarkPrices marks = context.markPrices();
        return marks.hasMark(instrumentId) ? FixedPoint.toDouble(marks.fundingRate(instrumentId)) : 0.0;
    }

    private void send(final long delta, final boolean reduceOnly)
    {
        final int side = delta > 0 ? Side.BUY : Side.SELL;
        final long size = Math.abs(delta);
        long limit = 0;
        if (joinTouch)
        {
            limit = side == Side.BUY ? context.market().bidPrice(instrumentId) : context.market().askPrice(instrumentId);
            if (limit <= 0)
            {
                context.decision().clearExplanation(); // no touch to join: the next trade decides again
                decided = UNDECIDED;
                return;
            }
        }
        if (reduceOnly)
        {
            context.submitReduceOnlyOrder(instrumentId, side, size, limit);
        }
        else if (joinTouch)
        {
            context.submitLimitOrder(instrumentId, side, size, limit);
        }
        else
        {
            context.submitMarketOrder(instrumentId, side, size);
        }
    }

    /** Targets set to flat because the trend's side paid too much funding. */
    public long filtered()
    {
        return filtered;
    }

    /** Orders this strategy decided to send (sent, sized to nothing, or refused). */
    public long orders()
    {
        return orders;
    }

    @Override
    public long hash(final long seed)
    {
        long h = ema.hash(Hash64.mix(seed, instrumentId));
        h = Hash64.mix(h, trend);
        h = Hash64.mix(h, decided);
        h = Hash64.mix(h, lastOrderNanos);
        h = Hash64.mix(h, filtered);
        return Hash64.mix(h, orders);
    }
}
