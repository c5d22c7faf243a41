package dev.peregrine.journal.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each statistic on a small case computed by hand (the arithmetic is in the comments). */
class EquityStatisticsTest
{
    private static final long S = 1_000_000_000L;
    private static final long DAY = 86_400 * S;
    private static final double EPS = 1e-9;

    @Test
    void drawdownDepthDurationAndRecovery()
    {
        // PnL 0 -> 10 (peak at 1 s) -> -1 (fall 11) -> 20 (recovered at 3 s) -> 14 (fall 6)
        final Drawdown dd = new Drawdown(0);
        dd.observe(0, 0);
        dd.observe(S, 10);
        dd.observe(2 * S, -1);
        dd.observe(3 * S, 20);
        dd.observe(5 * S, 14);
        assertThat(dd.maxDrawdownQuote()).isCloseTo(11.0, within(EPS));
        assertThat(dd.maxDrawdownPeak()).isCloseTo(10.0, within(EPS));
        assertThat(dd.maxDrawdownPeakNanos()).isEqualTo(S);
        assertThat(dd.maxDrawdownTroughNanos()).isEqualTo(2 * S);
        assertThat(dd.maxDrawdownDurationNanos()).as("peak 1 s to recovery 3 s").isEqualTo(2 * S);
        assertThat(dd.maxDrawdownRecovered()).isTrue();
        assertThat(dd.current()).isCloseTo(6.0, within(EPS));
        assertThat(dd.longestUnderwaterNanos()).as("1..3 s recovered, 3..5 s still under: both 2 s").isEqualTo(2 * S);
        dd.observe(9 * S, 19);
        assertThat(dd.longestUnderwaterNanos()).as("still under the 20 peak since 3 s").isEqualTo(6 * S);
    }

    @Test
    void drawdownThatNeverRecoversLastsToTheEnd()
    {
        final Drawdown dd = new Drawdown(0);
        dd.observe(0, 0);
        dd.observe(S, -10);
        dd.observe(4 * S, -5);
        assertThat(dd.maxDrawdownQuote()).isCloseTo(10.0, within(EPS));
        assertThat(dd.maxDrawdownRecovered()).isFalse();
        assertThat(dd.maxDrawdownDurationNanos()).isEqualTo(4 * S);
        assertThat(dd.longestUnderwaterNanos()).isEqualTo(4 * S);
    }

    @Test
    void periodReturnsOnTheFixedCapitalGiveSharpeAndSortino()
    {
        // 1 s periods: [0,1) closes at PnL 10 (+10), [1,2) at 0 (-10), [2,3) has no event (0), [3,4) at 10
        // (+10). Changes 10, -10, 0, 10 (on a capital of 100: returns 0.1, -0.1, 0, 0.1, the same ratios):
        // mean 2.5; deviations 7.5, -12.5, -2.5, 7.5; sample variance 275 / 3; downside deviation
        // sqrt(100 / 4) = 5.
        final PeriodReturns returns = new PeriodReturns("1s", S);
        returns.observe(S / 2, 10);
        returns.observe(3 * S / 2, 0);
        returns.observe(7 * S / 2, 10);
        returns.finish();
        final double perYear = 365.0 * 86_400;
        assertThat(returns.count()).isEqualTo(4);
        assertThat(returns.mean()).isCloseTo(2.5, within(EPS));
        assertThat(returns.standardDeviation()).isCloseTo(Math.sqrt(275.0 / 3), within(EPS));
        assertThat(returns.sharpe()).isCloseTo(0.025 / Math.sqrt(0.0275 / 3) * Math.sqrt(perYear), within(1e-6));
        assertThat(returns.downsideDeviation()).isCloseTo(5, within(EPS));
        assertThat(returns.sortino()).isCloseTo(0.5 * Math.sqrt(perYear), within(1e-6));
    }

    @Test
    void noLosingPeriodLeavesSortinoUndefined()
    {
        final PeriodReturns returns = new PeriodReturns("1s", S);
        returns.observe(0, 1);
        returns.observe(S, 3);
        returns.finish();
        assertThat(returns.sortino()).isNaN();
        assertThat(returns.sharpe()).isFinite();
    }

    @Test
    void returnCagrCalmarOverTwoYearsUseDailyReturns()
    {
        // Two years (730.5 days), PnL 0 -> 21 on 100: CAGR sqrt(1.21) - 1 = 10%. Low of -12 after the peak of 10:
        // a fall of 22 from an equity of 110 = 20%, Calmar 0.1 / 0.2 = 0.5.
        final EquityStatistics stats = new EquityStatistics(100);
        stats.observe(0, 0);
        stats.observe(10 * DAY, 10);
        stats.observe(100 * DAY, -12);
        stats.observe(DAY * 7305 / 10, 21);
        stats.finish();
        assertThat(stats.totalReturn()).isCloseTo(0.21, within(EPS));
        assertThat(stats.cagr().value()).isCloseTo(0.10, within(1e-9));
        assertThat(stats.maxDrawdownQuote()).isCloseTo(22, within(EPS));
        assertThat(stats.maxDrawdown()).isCloseTo(0.20, within(EPS));
        assertThat(stats.calmar().value()).isCloseTo(0.5, within(1e-9));
        assertThat(stats.returnsUsed().label()).as("731 daily returns").isEqualTo("1d");
        assertThat(stats.sharpe().available()).isTrue();
        assertThat(stats.sharpe().value()).isEqualTo(stats.returnsUsed().sharpe());
    }

    @Test
    void aSpanUnderADayHasNoAnnualizedFigureButSaysWhy()
    {
        // Five minutes that swing wildly: annualized, this is the Sharpe of -1,273 the issue saw.
        final EquityStatistics stats = new EquityStatistics();
        stats.observe(0, 0);
        stats.observe(60 * S, -30);
        stats.observe(120 * S, 5);
        stats.observe(300 * S, -50);
        stats.finish();
        for (final Statistic annualized : new Statistic[] {stats.sharpe(), stats.sortino(), stats.cagr(), stats.calmar()})
        {
            assertThat(annualized.available()).isFalse();
            assertThat(annualized.value()).isNaN();
            assertThat(annualized.unavailable()).isEqualTo("span 5m, needs >= 1d");
            assertThat(annualized.text("%.2f")).isEqualTo("n/a (span 5m, needs >= 1d)");
        }
        assertThat(stats.totalReturn()).as("not annualized: given").isCloseTo(-50 / EquityStatistics.DEFAULT_CAPITAL, within(EPS));
        assertThat(stats.maxDrawdownQuote()).isCloseTo(55, within(EPS));
    }

    @Test
    void aDayIsEnoughAndUsesHourlyReturns()
    {
        final EquityStatistics stats = new EquityStatistics();
        for (int hour = 0; hour <= 24; hour++)
        {
            stats.observe(hour * 3_600 * S, hour % 3 == 0 ? -hour : hour);
        }
        stats.finish();
        assertThat(stats.tooShort()).isNull();
        assertThat(stats.returnsUsed().label()).isEqualTo("1h");
        assertThat(stats.returnsUsed().count()).isEqualTo(25);
        assertThat(stats.sharpe().available()).isTrue();
        assertThat(stats.sortino().available()).isTrue();
    }

    @Test
    void sharpeAndSortinoDoNotDependOnTheCapital()
    {
        final EquityStatistics small = new EquityStatistics(1_000);
        final EquityStatistics large = new EquityStatistics(1_000_000);
        for (int hour = 0; hour < 72; hour++)
        {
            final double pnl = Math.sin(hour * 0.7) * 40 + hour;
            small.observe(hour * 3_600 * S, pnl);
            large.observe(hour * 3_600 * S, pnl);
        }
        small.finish();
        large.finish();
        assertThat(small.sharpe()).as("the same number, not a close one").isEqualTo(large.sharpe());
        assertThat(small.sortino()).isEqualTo(large.sortino());
        assertThat(small.maxDrawdownQuote()).isEqualTo(large.maxDrawdownQuote());
        assertThat(small.totalReturn()).isCloseTo(large.totalReturn() * 1_000, within(1e-12));
        final EquityStatistics rebased = small.onCapital(1_000_000);
        assertThat(rebased.sharpe()).isEqualTo(large.sharpe());
        assertThat(rebased.totalReturn()).isEqualTo(large.totalReturn());
        assertThat(rebased.maxDrawdown()).isEqualTo(large.maxDrawdown());
        assertThat(rebased.cagr()).isEqualTo(large.cagr());
    }

    @Test
    void noEventsNoFigures()
    {
        final EquityStatistics stats = new EquityStatistics().finish();
        assertThat(stats.sharpe().unavailable()).isEqualTo("no events");
        assertThat(stats.maxDrawdownQuote()).isZero();
    }

    @Test
    void spansReadAsAPersonWritesThem()
    {
        assertThat(EquityStatistics.span(45 * S)).isEqualTo("45s");
        assertThat(EquityStatistics.span(300 * S)).isEqualTo("5m");
        assertThat(EquityStatistics.span(312 * S)).isEqualTo("5m 12s");
        assertThat(EquityStatistics.span(3 * 3_600 * S + 240 * S)).isEqualTo("3h 04m");
        assertThat(EquityStatistics.span(DAY)).isEqualTo("1d");
        assertThat(EquityStatistics.span(DAY + 5 * 3_600 * S)).isEqualTo("1d 05h");
    }
}
