package dev.peregrine.ops.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The tearsheet's figures on small series worked out by hand (the sums are in the comments), so a change
 * of definition shows up here before it shows up in a report.
 */
class TearsheetStatisticsTest
{
    // mean 0.002; deviations .008 -.022 .028 -.002 -.012; squares sum to 0.00148
    private static final double[] R = {0.01, -0.02, 0.03, 0.00, -0.01};
    // mean 0.002 too
    private static final double[] B = {0.005, -0.01, 0.02, 0.0, -0.005};

    @Test
    void momentsOfASmallSeries()
    {
        assertThat(ReturnStatistics.mean(R)).isCloseTo(0.002, within(1e-15));
        // sqrt(0.00148 / 4) = sqrt(0.00037)
        assertThat(ReturnStatistics.standardDeviation(R)).isCloseTo(0.019235384061671343, within(1e-15));
        // m2 = 0.000296, m3 = 10.08e-6 / 5 = 2.016e-6: 2.016e-6 / 0.000296^1.5
        assertThat(ReturnStatistics.skew(R)).isCloseTo(0.3958703373438171, within(1e-12));
        // m4 = (4.096e-9 + 2.34256e-7 + 6.14656e-7 + 1.6e-11 + 2.0736e-8) / 5: m4 / m2^2 - 3
        assertThat(ReturnStatistics.kurtosis(R)).isCloseTo(-1.0054784514243977, within(1e-12));
        assertThat(ReturnStatistics.volatility(R, 365)).isCloseTo(0.019235384061671343 * Math.sqrt(365), within(1e-12));
        assertThat(ReturnStatistics.sharpe(R, 365)).isCloseTo(0.002 / 0.019235384061671343 * Math.sqrt(365), within(1e-12));
    }

    @Test
    void betaAlphaAndCorrelationAgainstABenchmark()
    {
        // cov = (.008*.003 + -.022*-.012 + .028*.018 + -.002*-.002 + -.012*-.007) / 4 = 0.00088 / 4 = 0.00022
        // var(B) = (.003^2 + .012^2 + .018^2 + .002^2 + .007^2) / 4 = 0.00053 / 4 = 0.0001325
        assertThat(ReturnStatistics.covariance(R, B)).isCloseTo(0.00022, within(1e-15));
        assertThat(ReturnStatistics.beta(R, B)).isCloseTo(0.00022 / 0.0001325, within(1e-12));
        // (0.002 - beta x 0.002) x 365
        assertThat(ReturnStatistics.alpha(R, B, 365)).isCloseTo((0.002 - 0.00022 / 0.0001325 * 0.002) * 365, within(1e-12));
        assertThat(ReturnStatistics.correlation(R, B)).isCloseTo(0.993605254789719, within(1e-12));
        assertThat(ReturnStatistics.beta(R, new double[] {0.01, 0.01, 0.01, 0.01, 0.01})).as("a flat benchmark").isNaN();
    }

    @Test
    void historicalVarAndCvarTakeTheWorstFivePercent()
    {
        // five returns: k = ceil(0.25) = 1, the worst alone
        assertThat(ReturnStatistics.valueAtRisk(R)).isCloseTo(0.02, within(1e-15));
        assertThat(ReturnStatistics.conditionalValueAtRisk(R)).isCloseTo(0.02, within(1e-15));
        // forty returns: k = 2; the two worst are -0.05 and -0.03
        final double[] forty = new double[40];
        for (int i = 0; i < 40; i++)
        {
            forty[i] = 0.001 * i;
        }
        forty[7] = -0.05;
        forty[31] = -0.03;
        assertThat(ReturnStatistics.valueAtRisk(forty)).isCloseTo(0.03, within(1e-15));
        assertThat(ReturnStatistics.conditionalValueAtRisk(forty)).isCloseTo(0.04, within(1e-15));
    }

    @Test
    void sqnReturnsDrawdownRollingAndHistogram()
    {
        // trades 10, -5, 20, -5: mean 5, sample variance (25 + 100 + 225 + 100) / 3 = 150: sqrt(4) x 5 / sqrt(150)
        assertThat(ReturnStatistics.sqn(4, 20, 100 + 25 + 400 + 25)).isCloseTo(2 * 5 / Math.sqrt(150), within(1e-12));
        assertThat(ReturnStatistics.sqn(1, 10, 100)).isNaN();

        final double[] closes = {110, 99, 121};
        assertThat(ReturnStatistics.returns(100, closes)).containsExactly(new double[] {0.1, -0.1, 99.0 / 121 * 0 + 121.0 / 99 - 1},
            within(1e-12));
        // peak 110, trough 99: 10%
        assertThat(ReturnStatistics.maxDrawdown(100, closes)).isCloseTo(0.1, within(1e-12));

        final double[] rolling = ReturnStatistics.rolling(R, 3, 365, false);
        assertThat(rolling[0]).isNaN();
        assertThat(rolling[1]).isNaN();
        // the last three: 0.03, 0, -0.01: mean 0.00667, sample sd sqrt(0.00046667 / 2)
        assertThat(rolling[4]).isCloseTo(ReturnStatistics.standardDeviation(new double[] {0.03, 0.0, -0.01}) * Math.sqrt(365),
            within(1e-15));
        assertThat(ReturnStatistics.standardDeviation(new double[] {0.03, 0.0, -0.01}))
            .isCloseTo(Math.sqrt((0.0233333333333333 * 0.0233333333333333 + 0.0066666666666667 * 0.0066666666666667 +
                0.0166666666666667 * 0.0166666666666667) / 2), within(1e-12));

        // -0.02 .. 0.03 in 5 bins of 0.01: -0.02 | -0.01 | 0.00 | 0.01 | 0.03 (the max in the last bin)
        final ReturnStatistics.Histogram h = ReturnStatistics.histogram(R, 5);
        assertThat(h.counts()).containsExactly(1, 1, 1, 1, 1);
        assertThat(h.edges()[0]).isEqualTo(-0.02);
        assertThat(h.edges()[5]).isCloseTo(0.03, within(1e-15));
    }

    @Test
    void aClockThatJumpsDecadesStopsTheHourlyClosesAndSaysSo()
    {
        final PeriodCloses closes = new PeriodCloses(1);
        closes.observe(0, 100, new double[] {10});
        assertThat(closes.truncated()).isFalse();
        closes.observe((PeriodCloses.MAX_HOURS + 5L) * PeriodCloses.HOUR_NANOS, 90, new double[] {11});
        assertThat(closes.truncated()).isTrue();
        assertThat(closes.hours()).as("no twenty years of filled-in hours").isEqualTo(1);
        assertThat(closes.equity(0)).isEqualTo(100);
    }

    @Test
    void drawdownEpisodesKeepTheDeepestWithTheirRecovery()
    {
        final DrawdownEpisodes episodes = new DrawdownEpisodes();
        final double[] equity = {100, 90, 95, 100, 120, 60, 80, 110};
        for (int i = 0; i < equity.length; i++)
        {
            episodes.observe(i * 1_000_000_000L, equity[i]);
        }
        episodes.finish();
        final List<DrawdownEpisodes.Episode> worst = episodes.worst();
        assertThat(worst).hasSize(2);
        // from 120 at t=4 down to 60 at t=5, not back at 120 by the end: 50%
        assertThat(worst.get(0)).isEqualTo(new DrawdownEpisodes.Episode(4_000_000_000L, 5_000_000_000L, -1, 0.5, 60));
        // from 100 at t=0 down to 90 at t=1, back at 100 at t=3: 10%
        assertThat(worst.get(1)).isEqualTo(new DrawdownEpisodes.Episode(0, 1_000_000_000L, 3_000_000_000L, 0.1, 10));
    }

    @Test
    void hourlyClosesCarryThroughQuietHoursAndMakeCalendarReturns()
    {
        final long hour = PeriodCloses.HOUR_NANOS;
        final long day = 24 * hour;
        final long start = 1_704_067_200_000_000_000L; // 2024-01-01T00:00Z, a Monday
        final PeriodCloses closes = new PeriodCloses(1);
        closes.observe(start, 100, new double[] {Double.NaN});
        closes.observe(start + 10, 100, new double[] {50});
        closes.observe(start + 5 * hour, 110, new double[] {55});       // day 1 closes at 110 (carried to 23:00)
        closes.observe(start + day + 3 * hour, 99, new double[] {60});  // day 2 closes at 99
        assertThat(closes.hours()).isEqualTo(24 + 4);
        assertThat(closes.equity(4)).as("a quiet hour repeats the close before it").isEqualTo(100);
        assertThat(closes.equity(23)).isEqualTo(110);
        assertThat(closes.firstMark(0)).isEqualTo(50);

        final double[] benchmark = new double[closes.hours()];
        for (int i = 0; i < benchmark.length; i++)
        {
            benchmark[i] = 100 * closes.mark(0, i) / 50;
        }
        final List<CalendarReturns.Period> days = CalendarReturns.days(closes, benchmark, 100);
        assertThat(days).hasSize(2);
        assertThat(days.get(0).label()).isEqualTo("2024-01-01");
        assertThat(days.get(0).ret()).isCloseTo(0.1, within(1e-12));
        assertThat(days.get(0).benchmarkReturn()).isCloseTo(0.1, within(1e-12)); // 55 / 50 - 1
        assertThat(days.get(1).ret()).isCloseTo(-0.1, within(1e-12));
        assertThat(days.get(1).pnl()).isCloseTo(-11, within(1e-12));
        assertThat(days.get(1).benchmarkReturn()).isCloseTo(60.0 / 55 - 1, within(1e-12));
        assertThat(CalendarReturns.weeks(closes, benchmark, 100)).singleElement()
            .satisfies(w -> assertThat(w.ret()).isCloseTo(-0.01, within(1e-12)));
        final List<CalendarReturns.Weekday> weekdays = CalendarReturns.weekdays(days);
        assertThat(weekdays.get(0).days()).isEqualTo(1);
        assertThat(weekdays.get(0).meanReturn()).isCloseTo(0.1, within(1e-12));
        assertThat(weekdays.get(1).positiveShare()).isZero();
        assertThat(weekdays.get(2).days()).isZero();
    }
}
