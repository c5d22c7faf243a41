package dev.peregrine.ops.report;

import dev.peregrine.journal.statistics.Drawdown;
import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.PeriodReturns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every figure of the tearsheet, computed once from a finished replay and read by both report.html and
 * report.json (so the two never disagree): the buy-and-hold benchmark and the figures beside it (excess
 * return, alpha, beta, correlation), the distribution of period returns (VaR, CVaR, skew, kurtosis,
 * histogram), rolling Sharpe and volatility, recovery factor, SQN, calendar breakdowns, the worst drawdowns
 * and the benchmark's curve on the chart's points.
 *
 * <p><b>One set of statistics.</b> The strategy's total return, CAGR, Sharpe, Sortino and max drawdown are
 * not computed here: they are the report curve's {@link EquityStatistics} (the headline's, the same object).
 * The benchmark's are a second {@link EquityStatistics} on the same capital, fed the benchmark's PnL
 * (its equity - capital): 0 at the first event (where it is bought, so it is worth the capital) and then at
 * each UTC hour's close, at the hour's end (the last event's time for the last hour), so its span is the
 * strategy's and its drawdown is over hourly closes.
 *
 * <p><b>Period returns</b> are those of {@link PeriodReturns}, the period the statistics chose
 * ({@link EquityStatistics#returnsUsed()}: daily UTC with at least 20 days, else hourly): a period's PnL
 * change over the fixed capital, quiet periods 0, annualized by {@link PeriodReturns#periodsPerYear()}.
 */
public final class Tearsheet
{
    public static final int HISTOGRAM_BINS = 20;
    private static final long DAY_NANOS = 24 * PeriodCloses.HOUR_NANOS;

    public final Benchmark benchmark;
    public final String period;
    public final long periodNanos;
    public final double periodsPerYear;
    public final int rollingWindow;
    public final long[] periodStarts;
    public final double[] returns;
    public final double[] benchmarkReturns;
    public final Figures strategy;
    public final Figures buyAndHold;
    public final double excessReturn;
    public final double alpha;
    public final double beta;
    public final double correlation;
    public final double recoveryFactor;
    public final double sqn;
    public final double[] rollingSharpe;
    public final double[] rollingVolatility;
    public final ReturnStatistics.Histogram histogram;
    public final List<CalendarReturns.Period> days;
    public final List<CalendarReturns.Period> weeks;
    public final List<CalendarReturns.Period> months;
    public final List<CalendarReturns.Period> years;
    public final List<CalendarReturns.Weekday> weekdays;
    public final CalendarReturns.Period bestDay;
    public final CalendarReturns.Period worstDay;
    public final List<DrawdownEpisodes.Episode> worstDrawdowns;
    /** Per strategy and per product: PnL, trades, return (and the product's buy and hold). */
    public final List<TearsheetRows.Row> byStrategy;
    public final List<TearsheetRows.Row> byProduct;
    /** The benchmark's equity at each of the chart's points. */
    public final double[] benchmarkCurve;

    /**
     * One column of the strategy-versus-benchmark table: the statistics module's figures ({@code statistics}:
     * total return, CAGR, Sharpe, Sortino, max drawdown, with their reasons when unavailable) and the
     * distribution of the same column's period returns.
     */
    public record Figures(EquityStatistics statistics, double volatility, double valueAtRisk, double conditionalValueAtRisk,
        double skew, double kurtosis, double bestPeriod, double worstPeriod)
    {
        /** Final PnL / capital, the statistics' own. */
        public double totalReturn()
        {
            return statistics.totalReturn();
        }
    }

    public Tearsheet(final Report report)
    {
        final EquityCurve curve = report.curve();
        final double capital = curve.capital();
        final PeriodCloses closes = report.closes();
        benchmark = Benchmark.of(report);

        final double[] marks = new double[closes.instruments()];
        final double[] hourlyBenchmark = new double[closes.hours()];
        for (int i = 0; i < closes.hours(); i++)
        {
            for (int k = 0; k < marks.length; k++)
            {
                marks[k] = closes.mark(k, i);
            }
            hourlyBenchmark[i] = benchmark.equity(marks);
        }
        days = CalendarReturns.days(closes, hourlyBenchmark, capital);
        weeks = CalendarReturns.weeks(closes, hourlyBenchmark, capital);
        months = CalendarReturns.months(closes, hourlyBenchmark, capital);
        years = CalendarReturns.years(closes, hourlyBenchmark, capital);
        weekdays = CalendarReturns.weekdays(days);
        bestDay = days.stream().max(Comparator.comparingDouble(CalendarReturns.Period::ret)).orElse(null);
        worstDay = days.stream().min(Comparator.comparingDouble(CalendarReturns.Period::ret)).orElse(null);

        final EquityStatistics statistics = curve.statistics();
        final PeriodReturns used = statistics.returnsUsed();
        period = used.label();
        periodNanos = used.lengthNanos();
        periodsPerYear = used.periodsPerYear();
        rollingWindow = periodNanos >= DAY_NANOS ? 30 : 24;

        // the close of each period = the close of its last hour (PeriodCloses repeats a quiet hour's close)
        final List<Integer> lastHours = new ArrayList<>();
        for (int i = 0; i < closes.hours(); i++)
        {
            if (i == closes.hours() - 1 || periodOf(closes.hourStartNanos(i + 1)) != periodOf(closes.hourStartNanos(i)))
            {
                lastHours.add(i);
            }
        }
        final int n = lastHours.size();
        periodStarts = new long[n];
        final double[] equityCloses = new double[n];
        final double[] benchmarkCloses = new double[n];
        for (int j = 0; j < n; j++)
        {
            final int hour = lastHours.get(j);
            periodStarts[j] = periodOf(closes.hourStartNanos(hour)) * periodNanos;
            equityCloses[j] = closes.equity(hour);
            benchmarkCloses[j] = hourlyBenchmark[hour];
        }
        returns = ReturnStatistics.returnsOnCapital(capital, equityCloses);
        benchmarkReturns = ReturnStatistics.returnsOnCapital(capital, benchmarkCloses);
        strategy = figures(statistics, returns);
        buyAndHold = figures(benchmarkStatistics(curve, closes, hourlyBenchmark), benchmarkReturns);
        excessReturn = strategy.totalReturn() - buyAndHold.totalReturn();
        beta = ReturnStatistics.beta(returns, benchmarkReturns);
        alpha = ReturnStatistics.alpha(returns, benchmarkReturns, periodsPerYear);
        correlation = ReturnStatistics.correlation(returns, benchmarkReturns);
        final Drawdown dd = curve.drawdown();
        recoveryFactor = dd.maxDrawdownQuote() > 0 ? (curve.finalEquity() - capital) / dd.maxDrawdownQuote() : Double.NaN;
        sqn = report.recorder().groups().all().sqn();
        rollingSharpe = ReturnStatistics.rolling(returns, rollingWindow, periodNanos, true);
        rollingVolatility = ReturnStatistics.rolling(returns, rollingWindow, periodNanos, false);
        histogram = ReturnStatistics.histogram(returns, HISTOGRAM_BINS);
        worstDrawdowns = report.drawdowns().worst();
        byStrategy = TearsheetRows.strategies(report);
        byProduct = TearsheetRows.products(report);

        final ChartSeries chart = report.chart();
        benchmarkCurve = new double[chart.size()];
        final double[] chartMarks = new double[chart.instruments()];
        for (int i = 0; i < chart.size(); i++)
        {
            for (int k = 0; k < chartMarks.length; k++)
            {
                chartMarks[k] = chart.mark(k, i);
            }
            benchmarkCurve[i] = benchmark.equity(chartMarks);
        }
    }

    private long periodOf(final long nanos)
    {
        return Math.floorDiv(nanos, periodNanos);
    }

    /**
     * The benchmark's statistics: the same class and capital as the strategy's, fed the benchmark's PnL at
     * the first event (0: bought there) and at each hourly close, timed at the hour's end but never past the
     * last event, so both columns span the same time and pick the same return period.
     */
    static EquityStatistics benchmarkStatistics(final EquityCurve curve, final PeriodCloses closes, final double[] hourlyBenchmark)
    {
        final EquityStatistics benchmark = new EquityStatistics(curve.capital());
        if (!curve.empty() && closes.hours() > 0)
        {
            benchmark.observe(curve.firstNanos(), 0.0);
            for (int i = 0; i < closes.hours(); i++)
            {
                final long close = Math.min(closes.hourStartNanos(i) + PeriodCloses.HOUR_NANOS - 1, curve.lastNanos());
                benchmark.observe(Math.max(close, curve.firstNanos()), hourlyBenchmark[i] - curve.capital());
            }
        }
        return benchmark.finish();
    }

    private Figures figures(final EquityStatistics statistics, final double[] r)
    {
        double best = Double.NaN;
        double worst = Double.NaN;
        for (final double v : r)
        {
            best = Double.isNaN(best) ? v : Math.max(best, v);
            worst = Double.isNaN(worst) ? v : Math.min(worst, v);
        }
        return new Figures(statistics, ReturnStatistics.volatility(r, periodsPerYear), ReturnStatistics.valueAtRisk(r),
            ReturnStatistics.conditionalValueAtRisk(r), ReturnStatistics.skew(r), ReturnStatistics.kurtosis(r), best, worst);
    }
}
