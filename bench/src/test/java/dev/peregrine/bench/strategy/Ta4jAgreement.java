package dev.peregrine.bench.strategy;

import org.ta4j.core.BarSeries;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agreement cases every Peregrine side of the EMA-crossover comparison must pass against ta4j 0.17:
 * the benchmark's own bars and settings, then five other seeds with three other period pairs. Each side
 * (the bare signal path, the whole engine) supplies how it backtests one case; the bars, ta4j's run and the
 * assertions are shared, so both sides are held to exactly the same cases.
 */
final class Ta4jAgreement
{
    private static final int[][] OTHER_PERIODS = {{5, 20}, {9, 21}, {50, 200}};
    private static final int OTHER_SEEDS = 5;
    private static final int OTHER_BARS = 20_000;

    /** One side's backtest of a case: the bar index of each trade into {@code trades}, their count returned. */
    @FunctionalInterface
    interface Backtester
    {
        int run(RandomWalkBars bars, int fast, int slow, int warmUp, int[] trades, String what);
    }

    private Ta4jAgreement()
    {
    }

    /** The benchmark's bars and periods: a backtest worth comparing, nothing during the warm-up. */
    static void assertSameTradesOnTheBenchmarksBars(final Backtester ours)
    {
        final RandomWalkBars bars = new RandomWalkBars(EmaCrossoverBacktestBenchmark.BARS, 42);
        final int fast = EmaCrossoverBacktestBenchmark.FAST;
        final int slow = EmaCrossoverBacktestBenchmark.SLOW;
        final int warmUp = EmaCrossoverBacktestBenchmark.WARM_UP;
        final int[] trades = new int[bars.count()];
        final int n = ours.run(bars, fast, slow, warmUp, trades, "seed 42, EMA " + fast + "/" + slow);
        final int[] theirs = new int[bars.count()];
        final int m = EmaCrossoverBacktests.ta4j(EmaCrossoverBacktests.ta4jSeries(bars), fast, slow, warmUp, theirs);
        assertThat(n).as("a backtest worth comparing").isGreaterThan(1_000);
        assertThat(Arrays.copyOf(trades, n)).isEqualTo(Arrays.copyOf(theirs, m));
        assertThat(trades[0]).as("nothing during the warm-up").isGreaterThanOrEqualTo(warmUp);
    }

    /** Five other seeds, three other period pairs each, a warm-up of 40 slow periods. */
    static void assertSameTradesOverOtherSeedsAndPeriods(final Backtester ours)
    {
        for (long seed = 1; seed <= OTHER_SEEDS; seed++)
        {
            final RandomWalkBars bars = new RandomWalkBars(OTHER_BARS, seed);
            final BarSeries series = EmaCrossoverBacktests.ta4jSeries(bars);
            for (final int[] p : OTHER_PERIODS)
            {
                final String what = "seed " + seed + ", EMA " + p[0] + "/" + p[1];
                final int[] trades = new int[bars.count()];
                final int n = ours.run(bars, p[0], p[1], 40 * p[1], trades, what);
                final int[] theirs = new int[bars.count()];
                final int m = EmaCrossoverBacktests.ta4j(series, p[0], p[1], 40 * p[1], theirs);
                assertThat(n).as(what).isPositive();
                assertThat(Arrays.copyOf(trades, n)).as(what).isEqualTo(Arrays.copyOf(theirs, m));
            }
        }
    }
}
