package dev.peregrine.ops.report;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.RejectReason;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each statistic on a small case computed by hand (the arithmetic is in the comments). */
class StatisticsTest
{
    private static final long S = 1_000_000_000L;
    private static final double EPS = 1e-9;

    @Test
    void monthlyReturnsFillQuietMonthsWithZero()
    {
        final MonthlyReturns months = new MonthlyReturns(100);
        months.observe(nanos(2024, 1, 15), 110);
        months.observe(nanos(2024, 3, 3), 121);
        months.finish();
        assertThat(months.returns()).containsOnlyKeys(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 3));
        assertThat(months.returns().get(YearMonth.of(2024, 1))).isCloseTo(0.10, within(EPS));
        assertThat(months.returns().get(YearMonth.of(2024, 2))).isZero();
        assertThat(months.returns().get(YearMonth.of(2024, 3))).isCloseTo(0.10, within(EPS));
    }

    @Test
    void equityCurveExposureAndTheOneSetOfStatistics()
    {
        // A position is open from day 0 to day 100 of 730.5; the curve's statistics are the module's own.
        final long day = 86_400 * S;
        final EquityCurve curve = new EquityCurve(100);
        curve.observe(0, 0, true);
        curve.observe(10 * day, 10, true);
        curve.observe(100 * day, -12, false);
        curve.observe(day * 7305 / 10, 21, false);
        curve.finish();
        assertThat(curve.exposure()).isCloseTo(100 / 730.5, within(EPS));
        assertThat(curve.totalReturn()).isCloseTo(0.21, within(EPS));
        assertThat(curve.finalEquity()).isCloseTo(121, within(EPS));
        assertThat(curve.statistics().cagr().value()).isCloseTo(0.10, within(1e-9));
        assertThat(curve.months().returns()).isNotEmpty();
    }

    @Test
    void tradesFromFillsWithAddsPartialClosesAndAFlip()
    {
        final List<Trade> trades = new ArrayList<>();
        final TradeLedger ledger = new TradeLedger(1, trades::add);
        ledger.onFill(0, +1, qty(1), 100, 1, 1 * S);   // open long 1 @ 100
        ledger.onFill(0, +1, qty(1), 110, 1, 2 * S);   // add: long 2 @ 105
        ledger.onFill(0, -1, qty(1), 120, 1, 3 * S);   // partial close: +15 gross, still the same trade
        assertThat(trades).isEmpty();
        ledger.onFill(0, -1, qty(3), 100, 3, 4 * S);   // flip: closes 1 @ 100 (-5), fee 3 split 1 / 2
        assertThat(trades).hasSize(1);
        final Trade first = trades.get(0);
        assertThat(first.direction()).isEqualTo(1);
        assertThat(first.entryNanos()).isEqualTo(S);
        assertThat(first.exitNanos()).isEqualTo(4 * S);
        assertThat(first.quantity()).isCloseTo(2, within(EPS));
        assertThat(first.entryPrice()).isCloseTo(105, within(EPS));
        assertThat(first.exitPrice()).as("(120 + 100) / 2").isCloseTo(110, within(EPS));
        assertThat(first.grossPnl()).isCloseTo(10, within(EPS));
        assertThat(first.fees()).as("1 + 1 + 1 + a third of 3").isCloseTo(4, within(EPS));
        assertThat(first.netPnl()).isCloseTo(6, within(EPS));
        assertThat(first.fills()).isEqualTo(4);
        assertThat(ledger.openDirection(0)).isEqualTo(-1);
        assertThat(ledger.openPosition(0)).isEqualTo(-qty(2));

        ledger.onFill(0, +1, qty(2), 90, 2, 6 * S);    // short 2 @ 100 covered @ 90: +20 gross, fees 2 + 2
        final Trade second = trades.get(1);
        assertThat(second.direction()).isEqualTo(-1);
        assertThat(second.entryNanos()).isEqualTo(4 * S);
        assertThat(second.grossPnl()).isCloseTo(20, within(EPS));
        assertThat(second.fees()).isCloseTo(4, within(EPS));
        assertThat(second.netPnl()).isCloseTo(16, within(EPS));
        assertThat(second.returnOnNotional()).as("16 / (2 x 100)").isCloseTo(0.08, within(EPS));
        assertThat(second.durationNanos()).isEqualTo(2 * S);
        assertThat(ledger.openDirection(0)).isZero();
    }

    @Test
    void tradeStatistics()
    {
        // Net PnL +10 -5 +3 +2 0 -4 -1 -2: 3 wins, 4 losses, one breakeven; profit factor 15 / 12;
        // expectancy 3 / 8; streaks: wins 2 (+3 +2), losses 3 (-4 -1 -2); the 0 ends the win streak.
        final TradeStatistics stats = new TradeStatistics();
        final double[] pnl = {10, -5, 3, 2, 0, -4, -1, -2};
        for (int i = 0; i < pnl.length; i++)
        {
            stats.add(new Trade(0, 1, i * S, i * S + (i + 1) * S, 1, 100, 100 + pnl[i], pnl[i], 0, 2));
        }
        assertThat(stats.trades()).isEqualTo(8);
        assertThat(stats.wins()).isEqualTo(3);
        assertThat(stats.losses()).isEqualTo(4);
        assertThat(stats.winRate()).isCloseTo(3.0 / 8, within(EPS));
        assertThat(stats.profitFactor()).isCloseTo(1.25, within(EPS));
        assertThat(stats.expectancy()).isCloseTo(0.375, within(EPS));
        assertThat(stats.maxConsecutiveWins()).isEqualTo(2);
        assertThat(stats.maxConsecutiveLosses()).isEqualTo(3);
        assertThat(stats.best().netPnl()).isEqualTo(10);
        assertThat(stats.worst().netPnl()).isEqualTo(-5);
        assertThat(stats.averageDurationNanos()).as("(1 + ... + 8) / 8 s").isEqualTo(4.5 * S);
    }

    @Test
    void executionStatisticsSlippageFillRateAndTurnover()
    {
        final ExecutionStatistics ex = new ExecutionStatistics();
        ex.onOrder(false, qty(1));
        ex.onOrder(true, qty(4));
        ex.onOrder(true, qty(2));
        // Market buy 1 @ 101 against a mid of 100: slippage +1. Limit sell 1 @ 102 vs mid 101: -1 (better).
        ex.onFill(new Fill(1, 0, 1, "MARKET", 1, 1, 101, 0.5, 0, 100, 1.0), false, qty(1), 0, qty(1));
        ex.onFill(new Fill(2, 0, 2, "LIMIT", 1, 1, 102, 0.25, 0, 101, -1.0), true, qty(1), 0, qty(4));
        ex.onFill(new Fill(2, 0, 2, "LIMIT", 1, 3, 102, 0.75, 0, Double.NaN, Double.NaN), true, qty(3), qty(1), qty(4));
        ex.onReject(RejectReason.MAX_POSITION);
        ex.onCancel();
        // Limit orders asked 6, got 4; one of two filled at all, and that one fully.
        assertThat(ex.limitFillRate()).isCloseTo(4.0 / 6, within(EPS));
        assertThat(ex.limitOrdersFilled()).isEqualTo(1);
        assertThat(ex.limitOrdersFullyFilled()).isEqualTo(1);
        assertThat(ex.tradedNotional()).isCloseTo(101 + 102 + 306, within(EPS));
        assertThat(ex.turnover(1000)).isCloseTo(0.509, within(EPS));
        assertThat(ex.fees()).isCloseTo(1.5, within(EPS));
        assertThat(ex.slippage()).isZero();
        assertThat(ex.fillsWithoutMid()).isEqualTo(1);
        assertThat(ex.slippageBps()).isZero();
        assertThat(ex.rejectCount()).isEqualTo(1);
        assertThat(ex.cancels()).isEqualTo(1);
    }

    @Test
    void chartSeriesStaysBoundedAndKeepsTheLastState()
    {
        final ChartSeries chart = new ChartSeries(1);
        final double[] mark = new double[1];
        for (int i = 0; i < 1_000_000; i++)
        {
            mark[0] = i;
            chart.observe(i * 10_000_000L, i, 0, mark); // ten hours of 10 ms events
        }
        assertThat(chart.size()).isBetween(ChartSeries.MAX_POINTS / 4, ChartSeries.MAX_POINTS);
        assertThat(chart.time(chart.size() - 1)).isEqualTo(999_999 * 10_000_000L);
        assertThat(chart.equity(chart.size() - 1)).isEqualTo(999_999);
        for (int i = 1; i < chart.size(); i++)
        {
            assertThat(chart.time(i)).isGreaterThan(chart.time(i - 1));
        }
    }

    private static long qty(final double units)
    {
        return Math.round(units * FixedPoint.SCALE);
    }

    private static long nanos(final int year, final int month, final int day)
    {
        return java.time.LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * S;
    }
}
