package dev.peregrine.ops.report;

import dev.peregrine.journal.statistics.PeriodReturns;

import java.util.Arrays;

/**
 * The distribution figures of a series of period returns, as plain functions over arrays so each can be
 * checked by hand on a small series: moments (population moments for skew and kurtosis, the sample
 * standard deviation for volatility), historical VaR and CVaR, beta and alpha against a benchmark, rolling
 * Sharpe and volatility, SQN over trades. A figure that the data cannot define is NaN (written as null and
 * "n/a"); callers never divide by zero.
 *
 * <p>The returns are those of the one statistics module ({@link PeriodReturns}): a period's PnL change over
 * the fixed capital ({@link #returnsOnCapital}), not compounded. No Sharpe ratio is computed here: the
 * rolling one is {@link PeriodReturns#sharpe()} itself over each window, so it is the headline's formula.
 */
public final class ReturnStatistics
{
    /** Confidence of VaR and CVaR: the 5% worst periods. */
    public static final double TAIL = 0.05;

    private ReturnStatistics()
    {
    }

    public static double mean(final double[] x)
    {
        if (x.length == 0)
        {
            return Double.NaN;
        }
        double sum = 0;
        for (final double v : x)
        {
            sum += v;
        }
        return sum / x.length;
    }

    /** Sample standard deviation (n - 1); NaN under two values. */
    public static double standardDeviation(final double[] x)
    {
        if (x.length < 2)
        {
            return Double.NaN;
        }
        final double m = mean(x);
        double sum = 0;
        for (final double v : x)
        {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / (x.length - 1));
    }

    /** Central population moment of order k. */
    private static double moment(final double[] x, final int k)
    {
        final double m = mean(x);
        double sum = 0;
        for (final double v : x)
        {
            sum += Math.pow(v - m, k);
        }
        return sum / x.length;
    }

    /** Skewness m3 / m2^1.5 (population moments); NaN under three values or without variance. */
    public static double skew(final double[] x)
    {
        if (x.length < 3)
        {
            return Double.NaN;
        }
        final double m2 = moment(x, 2);
        return m2 > 0 ? moment(x, 3) / Math.pow(m2, 1.5) : Double.NaN;
    }

    /** Excess kurtosis m4 / m2^2 - 3 (0 for a normal distribution); NaN under four values or without variance. */
    public static double kurtosis(final double[] x)
    {
        if (x.length < 4)
        {
            return Double.NaN;
        }
        final double m2 = moment(x, 2);
        return m2 > 0 ? moment(x, 4) / (m2 * m2) - 3.0 : Double.NaN;
    }

    /** How many of the worst returns make the 5% tail: ceil(5% of n), at least one. */
    static int tailCount(final int n)
    {
        return Math.max(1, (int)Math.ceil(TAIL * n - 1e-9));
    }

    /** Historical VaR 95%: the loss of the k-th worst period, k = ceil(5% of n); positive is a loss. */
    public static double valueAtRisk(final double[] x)
    {
        if (x.length == 0)
        {
            return Double.NaN;
        }
        final double[] sorted = x.clone();
        Arrays.sort(sorted);
        return -sorted[tailCount(x.length) - 1];
    }

    /** Historical CVaR 95% (expected shortfall): the mean loss of the k worst periods, k as for VaR. */
    public static double conditionalValueAtRisk(final double[] x)
    {
        if (x.length == 0)
        {
            return Double.NaN;
        }
        final double[] sorted = x.clone();
        Arrays.sort(sorted);
        final int k = tailCount(x.length);
        double sum = 0;
        for (int i = 0; i < k; i++)
        {
            sum += sorted[i];
        }
        return -sum / k;
    }

    /** Sample covariance of two equally long series; NaN under two values. */
    public static double covariance(final double[] x, final double[] y)
    {
        if (x.length != y.length)
        {
            throw new IllegalArgumentException("covariance of series of different lengths " + x.length + " and " + y.length +
                ": align them on the same periods first");
        }
        if (x.length < 2)
        {
            return Double.NaN;
        }
        final double mx = mean(x);
        final double my = mean(y);
        double sum = 0;
        for (int i = 0; i < x.length; i++)
        {
            sum += (x[i] - mx) * (y[i] - my);
        }
        return sum / (x.length - 1);
    }

    /** cov(strategy, benchmark) / var(benchmark); NaN when the benchmark did not move. */
    public static double beta(final double[] strategy, final double[] benchmark)
    {
        final double variance = covariance(benchmark, benchmark);
        return variance > 0 ? covariance(strategy, benchmark) / variance : Double.NaN;
    }

    /** Jensen's alpha per year, risk-free 0: (mean strategy return - beta x mean benchmark return) x periods per year. */
    public static double alpha(final double[] strategy, final double[] benchmark, final double periodsPerYear)
    {
        final double b = beta(strategy, benchmark);
        return Double.isNaN(b) ? Double.NaN : (mean(strategy) - b * mean(benchmark)) * periodsPerYear;
    }

    public static double correlation(final double[] x, final double[] y)
    {
        final double sx = standardDeviation(x);
        final double sy = standardDeviation(y);
        return sx > 0 && sy > 0 ? covariance(x, y) / (sx * sy) : Double.NaN;
    }

    /** Annualized volatility: sample standard deviation x sqrt(periods per year, {@link PeriodReturns#periodsPerYear()}). */
    public static double volatility(final double[] x, final double periodsPerYear)
    {
        return standardDeviation(x) * Math.sqrt(periodsPerYear);
    }


    /** Van Tharp's system quality number: sqrt(n) x mean / sample standard deviation of the trades' net PnL. */
    public static double sqn(final long n, final double sum, final double sumOfSquares)
    {
        if (n < 2)
        {
            return Double.NaN;
        }
        final double mean = sum / n;
        final double variance = (sumOfSquares - n * mean * mean) / (n - 1);
        return variance > 0 ? Math.sqrt(n) * mean / Math.sqrt(variance) : Double.NaN;
    }

    /**
     * Period returns as {@link PeriodReturns} defines them: (close[i] - close[i - 1]) / capital, the close
     * before the first being the capital itself (PnL 0); {@code equityCloses} are capital + PnL.
     */
    public static double[] returnsOnCapital(final double capital, final double[] equityCloses)
    {
        final double[] r = new double[equityCloses.length];
        double previous = capital;
        for (int i = 0; i < equityCloses.length; i++)
        {
            r[i] = (equityCloses[i] - previous) / capital;
            previous = equityCloses[i];
        }
        return r;
    }

    /**
     * Rolling figure over windows of {@code window} returns on capital, each {@code periodNanos} long,
     * ending at each period from the window-th on (earlier periods NaN), both annualized: Sharpe when
     * {@code sharpe} is true, else volatility. Each window is fed to a {@link PeriodReturns} of that period
     * length (its PnL the running sum of the window's returns), so the rolling Sharpe is the headline
     * Sharpe's own formula and annualization over the window.
     */
    public static double[] rolling(final double[] x, final int window, final long periodNanos, final boolean sharpe)
    {
        final double[] out = new double[x.length];
        Arrays.fill(out, Double.NaN);
        for (int end = window; end <= x.length; end++)
        {
            final PeriodReturns returns = new PeriodReturns("window", periodNanos);
            double pnl = 0;
            for (int i = end - window; i < end; i++)
            {
                pnl += x[i];
                returns.observe(i * periodNanos, pnl);
            }
            returns.finish();
            out[end - 1] = sharpe ? returns.sharpe() : returns.standardDeviation() * Math.sqrt(returns.periodsPerYear());
        }
        return out;
    }

    /**
     * Counts of {@code x} in {@code bins} equal bins from min to max (the max in the last bin); edges has
     * bins + 1 values. One value or none: one bin around it.
     */
    public static Histogram histogram(final double[] x, final int bins)
    {
        if (x.length == 0)
        {
            return new Histogram(new double[0], new int[0]);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (final double v : x)
        {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        final int n = hi > lo ? bins : 1;
        if (hi <= lo)
        {
            hi = lo + 1e-9;
        }
        final double[] edges = new double[n + 1];
        for (int i = 0; i <= n; i++)
        {
            edges[i] = lo + (hi - lo) * i / n;
        }
        final int[] counts = new int[n];
        for (final double v : x)
        {
            // the nudge puts a value that sits on an edge (but for rounding) into the bin that edge opens
            counts[Math.min(n - 1, (int)Math.floor((v - lo) / (hi - lo) * n + 1e-9))]++;
        }
        return new Histogram(edges, counts);
    }

    /** A histogram: {@code counts[i]} values in [edges[i], edges[i + 1]). */
    public record Histogram(double[] edges, int[] counts)
    {
    }
}
