package dev.peregrine.bench.strategy;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;

import java.util.concurrent.TimeUnit;

/**
 * Time per bar of the same EMA(12)/EMA(26) crossover backtest ({@link EmaCrossoverBacktests}) over the
 * same 100,000 one-minute bars, Peregrine against ta4j 0.17, in one run:
 * <ul>
 *   <li>{@code peregrine}: the signal path, {@code EmaCrossoverSignal} fed the closes;</li>
 *   <li>{@code peregrineEngine}: the whole engine ({@link EngineBacktest}): a fresh {@code TradingCore} running
 *       {@code trend-following} fed the bars as inbound events (quote, trade, clock per bar), with bars built
 *       from trades, risk, paper-venue fills, positions, decision records and the output digest, and a fresh
 *       core per backtest (about 3.6 MB of pre-allocated pools, the whole of its allocation), reading 300,000
 *       pre-built events;</li>
 *   <li>{@code peregrineEngineHotSlots}: the same, each bar's events written into three reused slots just
 *       before they are fed, so the input stays in cache as a replay's slot and the live ring do;</li>
 *   <li>{@code peregrineEngineCandles}: the bar path, one closed CANDLE per bar through one reused slot, the
 *       strategy on candle bars ({@code bars=candles}), filling at the close;</li>
 *   <li>{@code ta4j}: indicators, rules, strategy and {@code BarSeriesManager}.</li>
 * </ul>
 * Each invocation is a whole backtest (ta4j's indicators and Peregrine's core are built anew each time, as
 * their state belongs to a run); the bars are built once per trial in each library's own form. The
 * agreement of the trade lists is a test ({@code EmaCrossoverAgreementTest}, {@code EngineBacktestAgreementTest}),
 * not assumed here. Each returns a count so nothing is elided.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EmaCrossoverBacktestBenchmark
{
    static final int BARS = 100_000;
    static final int FAST = 12;
    static final int SLOW = 26;
    static final int WARM_UP = 40 * SLOW;

    private double[] close;
    private BarSeries series;
    private int[] trades;

    @Setup
    public void setUp()
    {
        final RandomWalkBars bars = new RandomWalkBars(BARS, 42);
        close = bars.close;
        series = EmaCrossoverBacktests.ta4jSeries(bars);
        trades = new int[BARS];
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public int peregrine()
    {
        return EmaCrossoverBacktests.peregrine(close, FAST, SLOW, WARM_UP, trades);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public int peregrineEngine(final Engine engine)
    {
        return engine.backtest.run(trades);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public int peregrineEngineHotSlots(final Engine engine)
    {
        return engine.backtest.runThroughSlots(trades);
    }

    /** The bar path: one closed candle per bar (not a quote, a trade and a clock), the strategy on candle bars. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public int peregrineEngineCandles(final CandleEngine engine)
    {
        return engine.backtest.runCandles(trades);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public int peregrineEngineHotSlotsTimed(final Engine engine)
    {
        return engine.backtest.runThroughSlotsTimed(trades);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public int peregrineEngineHotSlotsTimedSampled8(final Engine engine)
    {
        return engine.backtest.runThroughSlotsTimed(trades, 8);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public int ta4j()
    {
        return EmaCrossoverBacktests.ta4j(series, FAST, SLOW, WARM_UP, trades);
    }

    /**
     * The engine's events (300,000 {@code InboundEvent}s, 234 MB with their eight order slots each) in a state of
     * their own, so only the engine's fork builds them and the other libraries' heaps stay as they were.
     */
    @State(Scope.Thread)
    public static class Engine
    {
        EngineBacktest backtest;

        @Setup
        public void setUp()
        {
            backtest = new EngineBacktest(new RandomWalkBars(BARS, 42), FAST, SLOW, WARM_UP);
        }
    }

    /** The bar path's backtest: the strategy on candle bars ({@code bars=candles}); no pre-built events are read. */
    @State(Scope.Thread)
    public static class CandleEngine
    {
        EngineBacktest backtest;

        @Setup
        public void setUp()
        {
            backtest = new EngineBacktest(new RandomWalkBars(BARS, 42), FAST, SLOW, WARM_UP, true, 0);
        }
    }
}
