package dev.peregrine.ops.report;

import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.PeriodReturns;
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
    private static final long HOUR = PeriodCloses.HOUR_NANOS;
    private static final long DAY = 24 * HOUR;
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
        assertThat(new PeriodReturns("1d", DAY).periodsPerYear()).as("the annualization every figure here uses").isEqualTo(365);
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

        // returns on the fixed capital, as PeriodReturns: (110 - 100) / 100, (99 - 110) / 100, (121 - 99) / 100
        final double[] closes = {110, 99, 121};
        assertThat(ReturnStatistics.returnsOnCapital(100, closes)).containsExactly(new double[] {0.1, -0.11, 0.22},
            within(1e-12));

        final double[] volatility = ReturnStatistics.rolling(R, 3, DAY, false);
        final double[] sharpe = ReturnStatistics.rolling(R, 3, DAY, true);
        assertThat(volatility[0]).isNaN();
        assertThat(volatility[1]).isNaN();
        assertThat(sharpe[1]).isNaN();
        // the last three: 0.03, 0, -0.01: mean 0.0066667, deviations .0233333 -.0066667 -.0166667, sample sd
        // sqrt(0.00046667 / 2) = 0.0152753; annualized by sqrt(365 days a year)
        final double sd = Math.sqrt((0.0233333333333333 * 0.0233333333333333 + 0.0066666666666667 * 0.0066666666666667 +
            0.0166666666666667 * 0.0166666666666667) / 2);
        assertThat(ReturnStatistics.standardDeviation(new double[] {0.03, 0.0, -0.01})).isCloseTo(sd, within(1e-12));
        assertThat(volatility[4]).isCloseTo(sd * Math.sqrt(365), within(1e-12));
        assertThat(sharpe[4]).isCloseTo(0.02 / 3 / sd * Math.sqrt(365), within(1e-9));
        // the first three: 0.01, -0.02, 0.03: mean 0.00667, sample sd sqrt((.0033^2 + .0267^2 + .0233^2) / 2) = 0.025166
        assertThat(sharpe[2]).isCloseTo(0.02 / 3 / 0.025166114784235835 * Math.sqrt(365), within(1e-9));
        // hourly windows annualize by sqrt(8,760)
        assertThat(ReturnStatistics.rolling(R, 3, HOUR, true)[4]).isCloseTo(0.02 / 3 / sd * Math.sqrt(365 * 24), within(1e-9));

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

    @Test
    void theRollingSharpeOverTheWholeSeriesIsTheHeadlineSharpe()
    {
        // 25 days of PnL after one event a day: the headline Sharpe (daily, 25 >= 20 returns) and the rolling Sharpe
        // over one window of all 25 period returns are the same formula on the same returns
        final double capital = 1_000;
        final EquityStatistics statistics = new EquityStatistics(capital);
        final double[] equity = new double[25];
        double pnl = 0;
        for (int d = 0; d < equity.length; d++)
        {
            pnl += (d % 3 == 0 ? -4 : 7) + d * 0.5;
            statistics.observe(d * DAY + 12 * HOUR, pnl);
            equity[d] = capital + pnl;
        }
        statistics.finish();
        assertThat(statistics.returnsUsed().label()).isEqualTo("1d");
        final double[] rolling = ReturnStatistics.rolling(ReturnStatistics.returnsOnCapital(capital, equity), 25, DAY, true);
        assertThat(rolling[24]).isCloseTo(statistics.sharpe().value(), within(1e-9));
    }

    @Test
    void theBenchmarkIsFedToTheSameStatisticsClassAtHourlyCloses()
    {
        final long start = 1_704_067_200_000_000_000L; // 2024-01-01T00:00Z
        final long first = start + 10 * 60_000_000_000L;
        final long last = start + 2 * HOUR + 30 * 60_000_000_000L;
        final EquityCurve curve = new EquityCurve(100);
        final PeriodCloses closes = new PeriodCloses(1);
        curve.observe(first, 0, false);
        closes.observe(first, 100, new double[] {50});
        curve.observe(start + HOUR + 5 * 60_000_000_000L, 0, false);
        closes.observe(start + HOUR + 5 * 60_000_000_000L, 100, new double[] {60});
        curve.observe(last, 0, false);
        closes.observe(last, 100, new double[] {45});
        curve.finish();
        // the benchmark's equity at the three hourly closes: 100, 120, 90 (a dip inside an hour is not seen)
        final EquityStatistics benchmark = Tearsheet.benchmarkStatistics(curve, closes, new double[] {100, 120, 90});

        final EquityStatistics byHand = new EquityStatistics(100);
        byHand.observe(first, 0);                 // bought at the first event: worth the capital
        byHand.observe(start + HOUR - 1, 0);      // each hour's close at the hour's end
        byHand.observe(start + 2 * HOUR - 1, 20);
        byHand.observe(last, -10);                // the last hour closes at the last event
        byHand.finish();
        assertThat(benchmark.firstNanos()).isEqualTo(curve.firstNanos());
        assertThat(benchmark.lastNanos()).as("the same span as the strategy's").isEqualTo(curve.lastNanos());
        assertThat(benchmark.totalReturn()).isEqualTo(byHand.totalReturn()).isCloseTo(-0.1, within(1e-12));
        // from 120 down to 90 over hourly closes: 30 / 120
        assertThat(benchmark.maxDrawdown()).isEqualTo(byHand.maxDrawdown()).isCloseTo(0.25, within(1e-12));
        assertThat(benchmark.sharpe()).as("2h 20m: unavailable, with the strategy's reason").isEqualTo(byHand.sharpe())
            .isEqualTo(curve.statistics().sharpe());
        assertThat(benchmark.sharpe().unavailable()).isEqualTo("span 2h 20m, needs >= 1d");
        assertThat(benchmark.cagr()).isEqualTo(curve.statistics().cagr());
    }
}
