package dev.peregrine.ops.report;

import dev.peregrine.journal.statistics.Drawdown;

import java.util.Comparator;
import java.util.List;

/**
 * Every figure of the tearsheet, computed once from a finished replay and read by both report.html and
 * report.json (so the two never disagree): the buy-and-hold benchmark and the figures beside it (excess
 * return, alpha, beta, correlation), the distribution of period returns (VaR, CVaR, skew, kurtosis,
 * histogram), rolling Sharpe and volatility, recovery factor, SQN, calendar breakdowns, the worst drawdowns
 * and the benchmark's curve on the chart's points.
 *
 * <p>Period returns are daily (UTC) when the run has at least {@value #MIN_DAYS} of them, else hourly,
 * the same rule as the Sharpe of the statistics module.
 */
public final class Tearsheet
{
    public static final int MIN_DAYS = 20;
    public static final int HISTOGRAM_BINS = 20;

    public final Benchmark benchmark;
    public final String period;
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

    /** One column of the strategy-versus-benchmark table, over the same period returns. */
    public record Figures(double totalReturn, double cagr, double volatility, double sharpe, double maxDrawdown,
        double valueAtRisk, double conditionalValueAtRisk, double skew, double kurtosis, double bestPeriod,
        double worstPeriod)
    {
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

        final boolean daily = days.size() >= MIN_DAYS;
        period = daily ? "1d" : "1h";
        periodsPerYear = daily ? 365.0 : 365.0 * 24;
        rollingWindow = daily ? 30 : 24;
        final int n = daily ? days.size() : closes.hours();
        periodStarts = new long[n];
        final double[] equityCloses = new double[n];
        final double[] benchmarkCloses = new double[n];
        for (int i = 0; i < n; i++)
        {
            if (daily)
            {
                final CalendarReturns.Period d = days.get(i);
                periodStarts[i] = d.startNanos();
                equityCloses[i] = d.close();
                benchmarkCloses[i] = i == 0 ? capital * (1 + d.benchmarkReturn()) : benchmarkCloses[i - 1] * (1 + d.benchmarkReturn());
            }
            else
            {
                periodStarts[i] = closes.hourStartNanos(i);
                equityCloses[i] = closes.equity(i);
                benchmarkCloses[i] = hourlyBenchmark[i];
            }
        }
        returns = ReturnStatistics.returns(capital, equityCloses);
        benchmarkReturns = ReturnStatistics.returns(capital, benchmarkCloses);
        final double years = curve.spanNanos() / (365.25 * 86_400e9);
        strategy = figures(capital, curve.totalReturn(), equityCloses, returns, years);
        final double benchmarkTotal = n == 0 ? 0.0 : benchmarkCloses[n - 1] / capital - 1.0;
        buyAndHold = figures(capital, benchmarkTotal, benchmarkCloses, benchmarkReturns, years);
        excessReturn = curve.totalReturn() - benchmarkTotal;
        beta = ReturnStatistics.beta(returns, benchmarkReturns);
        alpha = ReturnStatistics.alpha(returns, benchmarkReturns, periodsPerYear);
        correlation = ReturnStatistics.correlation(returns, benchmarkReturns);
        final Drawdown dd = curve.drawdown();
        recoveryFactor = dd.maxDrawdownQuote() > 0 ? (curve.finalEquity() - capital) / dd.maxDrawdownQuote() : Double.NaN;
        sqn = report.recorder().groups().all().sqn();
        rollingSharpe = ReturnStatistics.rolling(returns, rollingWindow, periodsPerYear, true);
        rollingVolatility = ReturnStatistics.rolling(returns, rollingWindow, periodsPerYear, false);
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

    private Figures figures(final double capital, final double totalReturn, final double[] closes, final double[] r,
        final double years)
    {
        double best = Double.NaN;
        double worst = Double.NaN;
        for (final double v : r)
        {
            best = Double.isNaN(best) ? v : Math.max(best, v);
            worst = Double.isNaN(worst) ? v : Math.min(worst, v);
        }
        final double cagr = years >= 1.0 / 365.25 && 1 + totalReturn > 0 ? Math.pow(1 + totalReturn, 1 / years) - 1 : Double.NaN;
        return new Figures(totalReturn, cagr, ReturnStatistics.volatility(r, periodsPerYear),
            ReturnStatistics.sharpe(r, periodsPerYear), ReturnStatistics.maxDrawdown(capital, closes),
            ReturnStatistics.valueAtRisk(r), ReturnStatistics.conditionalValueAtRisk(r), ReturnStatistics.skew(r),
            ReturnStatistics.kurtosis(r), best, worst);
    }
}
