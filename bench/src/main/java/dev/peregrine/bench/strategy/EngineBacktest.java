package dev.peregrine.bench.strategy;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.output.OutputFanOut;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.ops.assembly.EngineAssembly;

import java.util.List;

/**
 * The long-only EMA-crossover backtest of {@link EmaCrossoverBacktests} through the whole engine: a
 * {@link TradingCore} configured as an operator would ({@code trend-following} by name, on 1-minute
 * time bars, market orders) fed the bars as inbound events ({@link RandomWalkEvents}) with
 * {@code core.onEvent(event, sequence, true)}, the call a journal replay makes for each decoded record.
 * So per bar the engine builds the bar from the trade, closes it on the clock event, calls the strategy,
 * runs the risk chain on each order, fills it in the paper venue, books the position, fills in the
 * decision record and folds every output into the output digest, as live or in replay. What a replay
 * adds, reading and decoding the journal, is left out.
 *
 * <p>The paper venue is {@link PaperVenueSettings#FRICTIONLESS} (an order fills within the event that
 * placed it, at the quoted touch, no fee) and the risk limits never bind (one order of 0.01 BTC against
 * limits of 1), so the engine's orders are the strategy's decisions and nothing else. BUY orders are
 * entries, SELL orders exits.
 */
public final class EngineBacktest
{
    static final List<String> PRODUCTS = List.of("BTC-USD");
    static final String QUANTITY = "0.01";

    private final EngineSettings settings;
    private final RandomWalkEvents events;
    private final RecordedOrders orders;
    /** The sidecar's registry outlives a run, as it outlives a live engine's restarts; the core decides nothing on it. */
    private final CoreMetrics metrics = new CoreMetrics(PRODUCTS.size());
    /** The reused slots of {@link #runThroughSlots}: one per event type of a bar, as a replay reuses its one slot. */
    private final InboundEvent quote = RandomWalkEvents.cleared(new InboundEvent());
    private final InboundEvent trade = RandomWalkEvents.cleared(new InboundEvent());
    private final InboundEvent clock = RandomWalkEvents.cleared(new InboundEvent());
    /** The one reused slot of {@link #runCandles}. */
    private final InboundEvent candle = RandomWalkEvents.cleared(new InboundEvent());
    private TradingCore core;
    private OutputDigest digest;

    /** Settings and events built once (per JMH trial); each {@link #run} builds a fresh core from them. */
    public EngineBacktest(final RandomWalkBars bars, final int fast, final int slow, final int warmUpBars)
    {
        this(bars, fast, slow, warmUpBars, false, RandomWalkEvents.HALF_SPREAD);
    }

    /**
     * The same backtest, with the strategy's bars taken whole from candles ({@code bars=candles}) when
     * {@code fromCandles}, fed by {@link #runCandles}, and the quotes of the three-event path
     * {@code halfSpread} either side of the close (0: locked at the close, the market a candle makes).
     */
    public EngineBacktest(final RandomWalkBars bars, final int fast, final int slow, final int warmUpBars,
        final boolean fromCandles, final long halfSpread)
    {
        final long quantity = FixedPoint.parse(QUANTITY);
        final long neverBinds = FixedPoint.parse("1");
        settings = EngineSettings.builder(PRODUCTS).windows(fast, slow).orderQuantity(new long[]{quantity}).risk(RiskLimits.basic(new long[]{neverBinds}, new long[]{neverBinds})).paperVenue(PaperVenueSettings.FRICTIONLESS).build()
            .withStrategies(List.of(StrategySpec.parse("trend-following:bar=1m,fast=" + fast + ",slow=" + slow +
                ",warm-up=" + warmUpBars + ",quantity=" + QUANTITY + (fromCandles ? ",bars=candles" : ""), "ema")));
        events = new RandomWalkEvents(bars, 0, halfSpread);
        orders = new RecordedOrders(bars.count());
    }

    /**
     * One whole backtest on a fresh core. Writes the bar index of each order into {@code trades} (entry,
     * exit, entry, ...) and returns how many it wrote.
     */
    public int run(final int[] trades)
    {
        start();
        feedAll();
        return trades(trades);
    }

    /**
     * The same backtest, each bar's events written into three reused slots just before they are fed instead of
     * read from the 300,000 pre-built events: the input stays in cache, as a replay's one slot and the live
     * ring do (see {@link RandomWalkEvents} for why both are measured).
     */
    public int runThroughSlots(final int[] trades)
    {
        start();
        feedThroughSlots();
        return trades(trades);
    }

    /**
     * The bar path: one closed CANDLE per bar ({@code CandleFlags.BAR}) through one reused slot, the strategy
     * on candle bars. Needs a backtest built with {@code fromCandles}.
     */
    public int runCandles(final int[] trades)
    {
        start();
        feedCandles();
        return trades(trades);
    }

    void feedCandles()
    {
        for (int bar = 0; bar < events.barCount(); bar++)
        {
            events.writeCandle(bar, candle);
            core.onEvent(candle, bar, true);
        }
    }

    /**
     * The same through reused slots, each stamped just before it is fed as a live producer stamps it (receive
     * and publish time): the core then times its stages, as it does live and never in a replay. Measures what
     * the per-stage latency histograms cost.
     */
    public int runThroughSlotsTimed(final int[] trades)
    {
        return runThroughSlotsTimed(trades, 1);
    }

    /** The same, with ring wait and strategy timed on one input in {@code sampleEvery} (risk and execution on every order). */
    public int runThroughSlotsTimed(final int[] trades, final int sampleEvery)
    {
        metrics.stages.sampleEvery(sampleEvery);
        start();
        feedThroughSlots(true);
        return trades(trades);
    }

    /**
     * A fresh core, digest and order record: the part of a run that allocates (once per backtest). The core is
     * built by the composition root, as every command builds it.
     */
    void start()
    {
        orders.clear();
        digest = new OutputDigest();
        core = EngineAssembly.core(settings, new OutputFanOut(digest, orders), metrics, new TradingSwitch());
    }

    /** Every event, in order, as a replay feeds the journal's records. */
    void feedAll()
    {
        final InboundEvent[] in = events.events();
        for (int i = 0; i < in.length; i++)
        {
            core.onEvent(in[i], i, true);
        }
    }

    void feedThroughSlots()
    {
        feedThroughSlots(false);
    }

    void feedThroughSlots(final boolean timed)
    {
        long sequence = 0;
        for (int bar = 0; bar < events.barCount(); bar++)
        {
            events.writeBar(bar, quote, trade, clock);
            core.onEvent(timed ? stamped(quote) : quote, sequence++, true);
            core.onEvent(timed ? stamped(trade) : trade, sequence++, true);
            core.onEvent(timed ? stamped(clock) : clock, sequence++, true);
        }
    }

    private static InboundEvent stamped(final InboundEvent event)
    {
        final long now = System.nanoTime();
        event.receiveNanoTime = now;
        event.publishNanoTime = now;
        return event;
    }

    /** The core's metrics, shared by every run: the stage histograms of timed runs land here. */
    public CoreMetrics metrics()
    {
        return metrics;
    }

    private int trades(final int[] trades)
    {
        final int n = orders.orderCount();
        for (int i = 0; i < n; i++)
        {
            trades[i] = RandomWalkEvents.barIndexOfDecisionAt(orders.orderTime(i));
        }
        return n;
    }

    /** The orders and fills of the last run. */
    public RecordedOrders orders()
    {
        return orders;
    }

    /** The core of the last run (its state, position, contained errors). */
    public TradingCore core()
    {
        return core;
    }

    /** The output digest of the last run. */
    public OutputDigest digest()
    {
        return digest;
    }

    public RandomWalkEvents events()
    {
        return events;
    }
}
