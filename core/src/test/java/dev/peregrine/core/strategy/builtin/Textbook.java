package dev.peregrine.core.strategy.builtin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The strategies' rules recomputed the plain way, for the tests to check their hand-worked price paths
 * against: every value from the whole series with loops, sharing no code with the indicator package (a
 * bug there must not be copied into the expectation). Bars are numbered from 0.
 */
final class Textbook
{
    private Textbook()
    {
    }

    static double[] closes(final String... text)
    {
        final double[] closes = new double[text.length];
        for (int i = 0; i < text.length; i++)
        {
            closes[i] = Double.parseDouble(text[i]);
        }
        return closes;
    }

    /** EMA(n) of xs from index {@code from}: the mean of its first n values, then {@code e += (x - e) * 2 / (n + 1)}; NaN before. */
    static double[] ema(final double[] xs, final int n, final int from)
    {
        final double[] out = new double[xs.length];
        Arrays.fill(out, Double.NaN);
        if (xs.length - from < n)
        {
            return out;
        }
        double sum = 0;
        for (int i = from; i < from + n; i++)
        {
            sum += xs[i];
        }
        double e = sum / n;
        out[from + n - 1] = e;
        for (int i = from + n; i < xs.length; i++)
        {
            e += (xs[i] - e) * 2.0 / (n + 1);
            out[i] = e;
        }
        return out;
    }

    /** "up@i" / "down@i" where a - b changes sign against its last non-zero sign; the first sign is no cross. */
    static List<String> crosses(final double[] a, final double[] b)
    {
        final List<String> out = new ArrayList<>();
        int last = 0;
        for (int i = 0; i < a.length; i++)
        {
            final double d = a[i] - b[i];
            if (Double.isNaN(d) || d == 0)
            {
                continue;
            }
            final int sign = d > 0 ? 1 : -1;
            if (last != 0 && sign != last)
            {
                out.add((sign > 0 ? "up@" : "down@") + i);
            }
            last = sign;
        }
        return out;
    }

    static List<String> emaCrosses(final double[] closes, final int fast, final int slow)
    {
        return crosses(ema(closes, fast, 0), ema(closes, slow, 0));
    }

    /** MACD as TA-Lib aligns it: the fast EMA starts {@code slow - fast} bars late, so both start on bar slow - 1. */
    static List<String> macdCrosses(final double[] closes, final int fast, final int slow, final int signal)
    {
        final double[] fastEma = ema(closes, fast, slow - fast);
        final double[] slowEma = ema(closes, slow, 0);
        final double[] line = new double[closes.length];
        for (int i = 0; i < closes.length; i++)
        {
            line[i] = fastEma[i] - slowEma[i];
        }
        final double[] signalLine = ema(line, signal, slow - 1);
        return crosses(line, signalLine);
    }

    /** Wilder's RSI(n) at bar {@code index} (NaN before bar n): plain means of the first n changes, then smoothed. */
    static double rsi(final double[] closes, final int n, final int index)
    {
        if (index < n)
        {
            return Double.NaN;
        }
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= n; i++)
        {
            gain += Math.max(closes[i] - closes[i - 1], 0);
            loss += Math.max(closes[i - 1] - closes[i], 0);
        }
        gain /= n;
        loss /= n;
        for (int i = n + 1; i <= index; i++)
        {
            gain = (gain * (n - 1) + Math.max(closes[i] - closes[i - 1], 0)) / n;
            loss = (loss * (n - 1) + Math.max(closes[i - 1] - closes[i], 0)) / n;
        }
        return 100 * gain / (gain + loss);
    }

    /** {lower, middle, upper} of the n closes ending at {@code index}: mean +/- k population deviations. */
    static double[] bands(final double[] closes, final int n, final double k, final int index)
    {
        double sum = 0;
        for (int i = index - n + 1; i <= index; i++)
        {
            sum += closes[i];
        }
        final double mean = sum / n;
        double squares = 0;
        for (int i = index - n + 1; i <= index; i++)
        {
            squares += (closes[i] - mean) * (closes[i] - mean);
        }
        final double deviation = Math.sqrt(squares / n);
        return new double[]{mean - k * deviation, mean, mean + k * deviation};
    }

    /** "buy@i" / "sell@i" of the mean-reversion rules with every order filling at once. */
    static List<String> meanReversionTrades(final double[] closes, final int rsiPeriod, final int bandPeriod,
        final double k, final double oversold, final double overbought, final boolean allowShort)
    {
        final List<String> out = new ArrayList<>();
        int position = 0;
        for (int i = Math.max(rsiPeriod, bandPeriod - 1); i < closes.length; i++)
        {
            final double rsi = rsi(closes, rsiPeriod, i);
            final double[] b = bands(closes, bandPeriod, k, i);
            final double close = closes[i];
            if (position == 0 && close < b[0] && rsi < oversold)
            {
                position = 1;
                out.add("buy@" + i);
            }
            else if (position == 0 && allowShort && close > b[2] && rsi > overbought)
            {
                position = -1;
                out.add("sell@" + i);
            }
            else if (position > 0 && close >= b[1])
            {
                position = 0;
                out.add("sell@" + i);
            }
            else if (position < 0 && close <= b[1])
            {
                position = 0;
                out.add("buy@" + i);
            }
        }
        return out;
    }
}
