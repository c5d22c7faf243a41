package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.strategy.EmaCrossoverSignal;
import dev.peregrine.core.strategy.StrategyContext;
import dev.peregrine.core.strategy.StrategyFactory;
import dev.peregrine.core.strategy.config.DescribedDefinition;
import dev.peregrine.core.strategy.config.StrategyDefinition;
import dev.peregrine.core.strategy.config.StrategyParams;


/**
 * Trend following on time-bar closes of one instrument, on EMA or MACD crossovers.
 *
 * <p>The rules, evaluated once per closed bar of the configured instrument and interval:
 * <ol>
 *   <li>Signal. {@code ema}: the fast EMA of closes crosses the slow one ({@link EmaCrossoverSignal}).
 *       {@code macd}: the MACD line crosses its signal line ({@link MacdCrossoverSignal}). Either way a
 *       cross is a change of the sign of the difference against its last non-zero sign once both sides
 *       are defined; the first defined sign is never a cross, and an exact tie neither crosses nor is
 *       remembered. No cross counts during the first {@code warm-up} bars (below).</li>
 *   <li>Target. A cross up targets a long of {@code quantity}; a cross down targets flat, or a short of
 *       {@code quantity} when {@code allow-short}. No cross, no action.</li>
 *   <li>Order. One order of {@code target - position - (open buys - open sells)}, all in this
 *       strategy's own orders and fills; none when that is 0 (already there, or on the way). Market
 *       orders, or with {@code order=limit} a limit order joining the touch (bid to buy, ask to sell;
 *       nothing is sent while that side is empty). Before it is sent the decision record says why:
 *       {@code ema-cross-up|down} with {@code ema_fast, ema_slow, close}, or {@code macd-cross-up|down}
 *       with {@code macd, macd_signal, macd_histogram, close}.</li>
 * </ol>
 *
 * <p>Warm-up. With {@code warm-up=N} the first N bars (0 to N - 1) feed the indicators and the
 * remembered side but never act: the first order can come on bar N, and only if the side on bar N
 * differs from the side at the end of the warm-up. Why: an EMA's first values depend on how it was
 * seeded (TA-Lib's simple average of the first {@code period} closes here; other libraries, ta4j among
 * them, start from the first close), and that choice decays by {@code (1 - 2 / (period + 1))} per bar,
 * so an early cross may be an artefact of the seed rather than of the market. A warm-up of about 40
 * slow periods makes the seeding invisible in a double, so the strategy trades on exactly the bars a
 * differently seeded implementation does; the default, 0, acts from the first defined sign on.
 *
 * <p>Bars without trades (flat at the previous close) are fed like any other: the series stays regular
 * in time, so a period of 26 bars means 26 intervals, and a quiet market pulls the fast average towards
 * the last price as time passes. Bars of other instruments are ignored. Orders are not re-sent between
 * crosses: one refused by risk, or not sent for want of a touch, waits for the next cross.
 */
public final class TrendFollowing extends BarCloseStrategy
{
    public static final String NAME = "trend-following";

    /** Which crossover drives the strategy. */
    public enum Signal
    {
        EMA, MACD
    }

    /** Configuration by name: every parameter checked, every problem reported. */
    public static final StrategyDefinition DEFINITION = new DescribedDefinition(NAME,
        "EMA or MACD crossover on time-bar closes of one product: long on a cross up, flat (or short) on a cross down",
        BarCloseTerms.INSTRUMENT_HELP,
        BarCloseTerms.BAR_HELP,
        BarCloseTerms.BARS_HELP,
        "signal=ema: ema (fast EMA crosses slow EMA) or macd (MACD line crosses its signal line)",
        "fast=12: fast EMA period, bars",
        "slow=26: slow EMA period, bars (> fast)",
        "signal-period=9: MACD signal-line period, bars (macd only)",
        "quantity=<engine order notional at the current price>: size of the long (and short) position",
        BarCloseTerms.ORDER_HELP,
        "allow-short=false: true to go short on a cross down instead of flat",
        "warm-up=0: bars at the start that feed the indicators but never trade (seeding fades; >= 0)")
    {
        @Override
        public StrategyFactory configure(final StrategyParams params)
        {
            final int instrumentId = BarCloseTerms.instrument(params);
            final long barNanos = BarCloseTerms.bar(params);
            final Signal signal = "macd".equals(params.choice("signal", "ema", "macd")) ? Signal.MACD : Signal.EMA;
            final int fast = params.integer("fast", 12, 1, 100_000);
            final int slow = params.integer("slow", 26, 2, 100_000);
            final int signalPeriod = params.integer("signal-period", 9, 1, 100_000);
            final BarCloseTerms terms = BarCloseTerms.read(params, instrumentId, barNanos);
            final int warmUpBars = params.integer("warm-up", 0, 0, Integer.MAX_VALUE);
            params.require(fast < slow, "parameter 'fast' (" + fast + ") must be below 'slow' (" + slow + ")");
            if (!params.problems().isEmpty())
            {
                return null;
            }
            return context -> new TrendFollowing(context, terms, signal, fast, slow, signalPeriod, warmUpBars);
        }
    };

    private static final String EMA_CROSS_UP = "ema-cross-up";
    private static final String EMA_CROSS_DOWN = "ema-cross-down";
    private static final String MACD_CROSS_UP = "macd-cross-up";
    private static final String MACD_CROSS_DOWN = "macd-cross-down";
    private static final String EMA_FAST = "ema_fast";
    private static final String EMA_SLOW = "ema_slow";
    private static final String MACD = "macd";
    private static final String MACD_SIGNAL = "macd_signal";
    private static final String MACD_HISTOGRAM = "macd_histogram";
    private static final String CLOSE = "close";

    private static final int UP = 1;
    private static final int NONE = 0;
    private static final int DOWN = -1;

    private final int warmUpBars;
    /** Exactly one of the two is set, by {@link Signal}. */
    private final EmaCrossoverSignal ema;
    private final MacdCrossoverSignal macd;
    private long crosses;

    /**
     * Subscribes the time bars it trades on, so it must be called while the engine builds its strategies.
     * With {@code terms.allowShort()} a cross down targets a short, else flat.
     *
     * @param fast         fast EMA period (both modes), bars.
     * @param slow         slow EMA period (both modes), bars; above {@code fast}.
     * @param signalPeriod MACD signal-line period, bars; unused with {@link Signal#EMA}.
     * @param warmUpBars   bars at the start that feed the signal but never trade (>= 0).
     */
    public TrendFollowing(
        final StrategyContext context,
        final BarCloseTerms terms,
        final Signal signal,
        final int fast,
        final int slow,
        final int signalPeriod,
        final int warmUpBars)
    {
        super(checked(context, terms.quantity(), signal, warmUpBars), terms);
        this.warmUpBars = warmUpBars;
        this.ema = signal == Signal.EMA ? new EmaCrossoverSignal(fast, slow, warmUpBars) : null;
        this.macd = signal == Signal.MACD ? new MacdCrossoverSignal(fast, slow, signalPeriod) : null;
    }

    private static StrategyContext checked(final StrategyContext context, final long quantity, final Signal signal,
        final int warmUpBars)
    {
        TargetPosition.requireQuantity(context, quantity);
        if (warmUpBars < 0)
        {
            throw new IllegalArgumentException("strategy '" + context.name() + "': warm-up must be >= 0 bars, got " +
                warmUpBars);
        }
        if (signal == null)
        {
            throw new IllegalArgumentException("strategy '" + context.name() + "': a signal (EMA or MACD) is required");
        }
        return context;
    }

    @Override
    protected void onClose(final double close)
    {
        final int direction = ema != null ? emaDirection(ema.onBarClose(close)) : macdDirection(macd.onBarClose(close));
        if (direction == NONE)
        {
            return;
        }
        crosses++;
        final long size = orders.size(terms.quantity());
        final long target = direction == UP ? size : terms.allowShort() ? -size : 0;
        final long delta = target - orders.expectedPosition();
        if (delta == 0)
        {
            return;
        }
        explain(direction, close);
        orders.send(delta);
    }

    private static int emaDirection(final int signal)
    {
        return signal == EmaCrossoverSignal.ENTER ? UP : signal == EmaCrossoverSignal.EXIT ? DOWN : NONE;
    }

    /** The EMA signal applies the warm-up itself; MACD's is applied here, with the same meaning (bar index below it). */
    private int macdDirection(final int signal)
    {
        return bars <= warmUpBars ? NONE : signal;
    }

    private void explain(final int direction, final double close)
    {
        final DecisionRecord decision = context.decision();
        if (ema != null)
        {
            decision.signal(direction == UP ? EMA_CROSS_UP : EMA_CROSS_DOWN)
                .value(EMA_FAST, ema.fastValue())
                .value(EMA_SLOW, ema.slowValue())
                .value(CLOSE, close);
        }
        else
        {
            decision.signal(direction == UP ? MACD_CROSS_UP : MACD_CROSS_DOWN)
                .value(MACD, macd.line())
                .value(MACD_SIGNAL, macd.signal())
                .value(MACD_HISTOGRAM, macd.histogram())
                .value(CLOSE, close);
        }
    }

    /** Crosses seen so far, traded on or not. */
    public long crosses()
    {
        return crosses;
    }

    @Override
    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, terms.instrumentId());
        h = Hash64.mix(h, terms.barNanos());
        h = Hash64.mix(h, terms.quantity());
        h = Hash64.mix(h, terms.allowShort() ? 1L : 0L);
        h = Hash64.mix(h, warmUpBars);
        h = ema != null ? ema.hash(Hash64.mix(h, 1L)) : macd.hash(Hash64.mix(h, 2L));
        h = orders.hash(h);
        h = Hash64.mix(h, bars);
        return Hash64.mix(h, crosses);
    }
}
