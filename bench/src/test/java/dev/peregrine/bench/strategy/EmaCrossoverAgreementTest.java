package dev.peregrine.bench.strategy;

import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Peregrine and ta4j, given the same bars and rules, trade on exactly the same bars. */
class EmaCrossoverAgreementTest
{
    @Test
    void bothLibrariesProduceTheSameTradesOnTheBenchmarksBars()
    {
        final RandomWalkBars bars = new RandomWalkBars(EmaCrossoverBacktestBenchmark.BARS, 42);
        final BarSeries series = EmaCrossoverBacktests.ta4jSeries(bars);
        final int[] ours = new int[bars.count()];
        final int[] theirs = new int[bars.count()];
        final int n = EmaCrossoverBacktests.peregrine(bars.close, EmaCrossoverBacktestBenchmark.FAST,
            EmaCrossoverBacktestBenchmark.SLOW, EmaCrossoverBacktestBenchmark.WARM_UP, ours);
        final int m = EmaCrossoverBacktests.ta4j(series, EmaCrossoverBacktestBenchmark.FAST,
            EmaCrossoverBacktestBenchmark.SLOW, EmaCrossoverBacktestBenchmark.WARM_UP, theirs);
        assertThat(n).as("a backtest worth comparing").isGreaterThan(1_000);
        assertThat(Arrays.copyOf(ours, n)).isEqualTo(Arrays.copyOf(theirs, m));
        assertThat(ours[0]).as("nothing during the warm-up").isGreaterThanOrEqualTo(EmaCrossoverBacktestBenchmark.WARM_UP);
    }

    @Test
    void agreementHoldsOverOtherSeedsAndPeriods()
    {
        final int[][] periods = {{5, 20}, {9, 21}, {50, 200}};
        for (long seed = 1; seed <= 5; seed++)
        {
            final RandomWalkBars bars = new RandomWalkBars(20_000, seed);
            final BarSeries series = EmaCrossoverBacktests.ta4jSeries(bars);
            for (final int[] p : periods)
            {
                final int[] ours = new int[bars.count()];
                final int[] theirs = new int[bars.count()];
                final int n = EmaCrossoverBacktests.peregrine(bars.close, p[0], p[1], 40 * p[1], ours);
                final int m = EmaCrossoverBacktests.ta4j(series, p[0], p[1], 40 * p[1], theirs);
                assertThat(n).as("seed %d, EMA %d/%d", seed, p[0], p[1]).isPositive();
                assertThat(Arrays.copyOf(ours, n)).as("seed %d, EMA %d/%d", seed, p[0], p[1]).isEqualTo(Arrays.copyOf(theirs, m));
            }
        }
    }
}
