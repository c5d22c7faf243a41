package dev.peregrine.core.indicator;

import dev.peregrine.core.bar.BinanceTradeCapture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rolling mean, standard deviation and weighted mean against exact decimal arithmetic: on the real
 * capture's trade prices (many flat windows: equal prices in a row), and on a long random series with
 * price jumps over six orders of magnitude, where naive running sums would drift or cancel.
 */
class RollingStatisticsExactTest
{
    private static final MathContext MC = MathContext.DECIMAL128;

    @Test
    void meanAndDeviationOfEveryRealWindowMatchExactArithmetic()
    {
        final BinanceTradeCapture capture = BinanceTradeCapture.load();
        final double[] prices = capture.prices();
        for (final int period : new int[] {2, 5, 14, 20})
        {
            final RollingStdDev sd = new RollingStdDev(period);
            final BollingerBands bands = new BollingerBands(period, 2.0);
            final Wma wma = new Wma(period);
            int flat = 0;
            for (int i = 0; i < prices.length; i++)
            {
                sd.update(prices[i]);
                bands.update(prices[i]);
                wma.update(prices[i]);
                if (i + 1 < period)
                {
                    continue;
                }
                final Exact exact = Exact.of(prices, i + 1 - period, period);
                assertClose(exact.mean, sd.mean(), "mean", i);
                assertClose(exact.weighted, wma.value(), "WMA", i);
                if (isFlat(prices, i + 1 - period, period))
                {
                    flat++;
                    assertEquals(0.0, sd.value(), 1e-9, "flat window " + i + " of period " + period);
                    assertEquals(0.5, bands.percentB(), 1e-3, "%B of a flat window");
                }
                else
                {
                    assertClose(exact.deviation, sd.value(), "deviation", i);
                    assertClose(exact.mean + 2 * exact.deviation, bands.upper(), "upper band", i);
                    assertClose(exact.mean - 2 * exact.deviation, bands.lower(), "lower band", i);
                    assertClose(4 * exact.deviation / exact.mean, bands.width(), "width", i);
                    // %B is a position in the band, ill-conditioned near 0 and 1: checked to 1e-9 absolute.
                    final double percentB = exact.percentB(prices[i], 2);
                    assertTrue(Math.abs(bands.percentB() - percentB) <= 1e-9, "%B at update " + i + ": expected " +
                        percentB + " but was " + bands.percentB());
                }
            }
            assertTrue(flat > 0, "the capture has flat windows of " + period);
        }
    }

    @Test
    void noDriftOverAMillionUpdatesWithPriceJumps()
    {
        final SplittableRandom random = new SplittableRandom(42);
        final int period = 50;
        final int n = 1_000_000;
        final double[] values = new double[n];
        double level = 60_000.0;
        for (int i = 0; i < n; i++)
        {
            if (i % 100_000 == 99_999)
            {
                // Regime changes over six orders of magnitude: the worst case for running sums.
                level = 60_000.0 * Math.pow(1000.0, random.nextInt(3) - 1);
            }
            level += level * 1e-4 * (random.nextDouble() - 0.5);
            values[i] = Math.rint(level * 100.0) / 100.0;
        }
        final RollingStdDev sd = new RollingStdDev(period);
        final Sma sma = new Sma(period);
        final Wma wma = new Wma(period);
        double worst = 0.0;
        for (int i = 0; i < n; i++)
        {
            sd.update(values[i]);
            sma.update(values[i]);
            wma.update(values[i]);
            if (i >= period && (i % 997 == 0 || i % 100_000 < 3 * period))
            {
                final Exact exact = Exact.of(values, i + 1 - period, period);
                worst = Math.max(worst, assertClose(exact.mean, sma.value(), "SMA", i));
                worst = Math.max(worst, assertClose(exact.weighted, wma.value(), "WMA", i));
                if (!isFlat(values, i + 1 - period, period))
                {
                    worst = Math.max(worst, assertClose(exact.deviation, sd.value(), "deviation", i));
                }
            }
        }
        System.out.printf("rolling statistics, 1e6 random updates: worst relative error %.2e%n", worst);
    }

    private static boolean isFlat(final double[] values, final int from, final int period)
    {
        for (int j = 1; j < period; j++)
        {
            if (values[from + j] != values[from])
            {
                return false;
            }
        }
        return true;
    }

    private static double assertClose(final double expected, final double actual, final String what, final int i)
    {
        final double relative = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(relative <= 1e-9, what + " at update " + i + ": expected " + expected + " but was " + actual +
            " (relative " + relative + ")");
        return relative;
    }

    /** Mean, population deviation and linearly weighted mean of a window, in exact decimals. */
    private record Exact(double mean, double deviation, double weighted, BigDecimal exactMean, BigDecimal exactDeviation)
    {
        double percentB(final double close, final double k)
        {
            final BigDecimal width = exactDeviation.multiply(BigDecimal.valueOf(2 * k));
            final BigDecimal lower = exactMean.subtract(exactDeviation.multiply(BigDecimal.valueOf(k)));
            return new BigDecimal(close).subtract(lower).divide(width, MC).doubleValue();
        }

        static Exact of(final double[] values, final int from, final int period)
        {
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal weightedSum = BigDecimal.ZERO;
            for (int j = 0; j < period; j++)
            {
                final BigDecimal v = new BigDecimal(values[from + j]);
                sum = sum.add(v);
                weightedSum = weightedSum.add(v.multiply(BigDecimal.valueOf(j + 1)));
            }
            final BigDecimal n = BigDecimal.valueOf(period);
            final BigDecimal mean = sum.divide(n, MC);
            BigDecimal squares = BigDecimal.ZERO;
            for (int j = 0; j < period; j++)
            {
                final BigDecimal d = new BigDecimal(values[from + j]).subtract(mean);
                squares = squares.add(d.multiply(d));
            }
            final BigDecimal variance = squares.divide(n, MC);
            final BigDecimal divisor = BigDecimal.valueOf((long)period * (period + 1) / 2);
            final BigDecimal deviation = variance.sqrt(MC);
            return new Exact(mean.doubleValue(), deviation.doubleValue(), weightedSum.divide(divisor, MC).doubleValue(),
                mean, deviation);
        }
    }
}
