package dev.peregrine.core.indicator;

import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.RetCode;
import dev.peregrine.core.bar.BinanceTradeCapture;
import dev.peregrine.core.bar.RecordedBars;
import dev.peregrine.core.bar.TickBarBuilder;
import dev.peregrine.core.bar.TimeBarBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

import static dev.peregrine.core.indicator.TaLibReference.CORE;
import static dev.peregrine.core.indicator.TaLibReference.Output;
import static dev.peregrine.core.indicator.TaLibReference.check;

/**
 * Every indicator against TA-Lib 0.4.0 on the real Binance BTCUSDT capture: trade-by-trade prices,
 * 1-second, 5-second and 10-trade OHLC bars built by Peregrine's bar builders, several periods each.
 * Every value from TA-Lib's first output on is compared, and readiness must flip exactly there.
 */
class TaLibConformanceTest
{
    private static final int[] PERIODS = {2, 5, 14, 20};
    private static final Map<String, double[][]> SERIES = new LinkedHashMap<>();

    @BeforeAll
    static void load()
    {
        final BinanceTradeCapture capture = BinanceTradeCapture.load();
        final double[] prices = capture.prices();
        SERIES.put("trades", new double[][] {prices, prices, prices});
        SERIES.put("1s", bars(capture, new RecordedBars(), 1_000_000_000L));
        SERIES.put("5s", bars(capture, new RecordedBars(), 5_000_000_000L));
        final RecordedBars ticks = new RecordedBars();
        final TickBarBuilder tickBars = new TickBarBuilder(0, 10, ticks);
        for (int i = 0; i < capture.size(); i++)
        {
            tickBars.onTrade(capture.scaledPrice[i], capture.scaledQuantity[i], capture.timeNanos[i]);
        }
        SERIES.put("10-trade", new double[][] {ticks.highs(), ticks.lows(), ticks.closes()});
    }

    private static double[][] bars(final BinanceTradeCapture capture, final RecordedBars out, final long interval)
    {
        final TimeBarBuilder builder = new TimeBarBuilder(0, interval, out);
        for (int i = 0; i < capture.size(); i++)
        {
            builder.onTrade(capture.scaledPrice[i], capture.scaledQuantity[i], capture.timeNanos[i]);
        }
        builder.onClock(capture.timeNanos[capture.size() - 1] + interval);
        return new double[][] {out.highs(), out.lows(), out.closes()};
    }

    @AfterAll
    static void report()
    {
        final StringBuilder text = new StringBuilder("TA-Lib comparisons (values, worst relative difference):\n");
        TaLibReference.COMPARED.forEach((name, count) -> text.append(String.format("  %-22s %7d  %.2e%n", name, count,
            TaLibReference.WORST.get(name))));
        System.out.print(text);
    }

    @Test
    void sma()
    {
        checkSeries("SMA", Sma::new, (in, period, out) -> CORE.sma(0, in.length - 1, in, period, out.begin, out.length,
            out.values));
    }

    @Test
    void ema()
    {
        checkSeries("EMA", Ema::new, (in, period, out) -> CORE.ema(0, in.length - 1, in, period, out.begin, out.length,
            out.values));
    }

    @Test
    void wma()
    {
        checkSeries("WMA", Wma::new, (in, period, out) -> CORE.wma(0, in.length - 1, in, period, out.begin, out.length,
            out.values));
    }

    @Test
    void rsi()
    {
        checkSeries("RSI", Rsi::new, (in, period, out) -> CORE.rsi(0, in.length - 1, in, period, out.begin, out.length,
            out.values));
    }

    /** A one-input indicator against its TA-Lib function on every close series and period. */
    private static void checkSeries(final String label, final IntFunction<SeriesIndicator> indicator,
        final SeriesReference reference)
    {
        forEachCloseSeries((name, closes, period) ->
        {
            final SeriesIndicator mine = indicator.apply(period);
            final Output ta = new Output(closes.length);
            ta.code = reference.compute(closes, period, ta);
            final Run run = Run.of(closes.length);
            for (int i = 0; i < closes.length; i++)
            {
                mine.update(closes[i]);
                run.record(i, mine.isReady(), mine.value());
            }
            check(label + "(" + name + "," + period + ")", run.values, run.ready, ta);
        });
    }

    @Test
    void macd()
    {
        final int[][] settings = {{12, 26, 9}, {5, 14, 5}, {2, 5, 2}};
        SERIES.forEach((name, hlc) ->
        {
            final double[] closes = hlc[2];
            for (final int[] s : settings)
            {
                final Macd macd = new Macd(s[0], s[1], s[2]);
                final Output line = new Output(closes.length);
                final Output signal = new Output(closes.length);
                final Output hist = new Output(closes.length);
                line.code = CORE.macd(0, closes.length - 1, closes, s[0], s[1], s[2], line.begin, line.length,
                    line.values, signal.values, hist.values);
                sharePlacement(line, signal, hist);
                final Run l = Run.of(closes.length);
                final Run g = Run.of(closes.length);
                final Run h = Run.of(closes.length);
                for (int i = 0; i < closes.length; i++)
                {
                    macd.update(closes[i]);
                    l.record(i, macd.isReady(), macd.line());
                    g.record(i, macd.isReady(), macd.signal());
                    h.record(i, macd.isReady(), macd.histogram());
                }
                final String id = "(" + name + "," + s[0] + "," + s[1] + "," + s[2] + ")";
                check("MACD line" + id, l.values, l.ready, line);
                check("MACD signal" + id, g.values, g.ready, signal);
                check("MACD histogram" + id, h.values, h.ready, hist);
            }
        });
    }

    @Test
    void highAndLow()
    {
        SERIES.forEach((name, hlc) ->
        {
            for (final int period : PERIODS)
            {
                final double[] highs = hlc[0];
                final double[] lows = hlc[1];
                final RollingHighLow hl = new RollingHighLow(period);
                final Output max = new Output(highs.length);
                final Output min = new Output(lows.length);
                max.code = CORE.max(0, highs.length - 1, highs, period, max.begin, max.length, max.values);
                min.code = CORE.min(0, lows.length - 1, lows, period, min.begin, min.length, min.values);
                final Run h = Run.of(highs.length);
                final Run l = Run.of(lows.length);
                for (int i = 0; i < highs.length; i++)
                {
                    hl.update(highs[i], lows[i]);
                    h.record(i, hl.isReady(), hl.high());
                    l.record(i, hl.isReady(), hl.low());
                }
                check("MAX high(" + name + "," + period + ")", h.values, h.ready, max);
                check("MIN low(" + name + "," + period + ")", l.values, l.ready, min);
            }
        });
    }

    @Test
    void atr()
    {
        forEachBarSeries((name, hlc, period) ->
        {
            final Atr atr = new Atr(period);
            final int n = hlc[2].length;
            final Output ta = new Output(n);
            ta.code = CORE.atr(0, n - 1, hlc[0], hlc[1], hlc[2], period, ta.begin, ta.length, ta.values);
            final Run run = Run.of(n);
            for (int i = 0; i < n; i++)
            {
                atr.update(hlc[0][i], hlc[1][i], hlc[2][i]);
                run.record(i, atr.isReady(), atr.value());
            }
            check("ATR(" + name + "," + period + ")", run.values, run.ready, ta);
        });
    }

    @Test
    void adxAndDirectionalIndicators()
    {
        forEachBarSeries((name, hlc, period) ->
        {
            final Adx adx = new Adx(period);
            final int n = hlc[2].length;
            final Output taAdx = new Output(n);
            final Output taPlus = new Output(n);
            final Output taMinus = new Output(n);
            taAdx.code = CORE.adx(0, n - 1, hlc[0], hlc[1], hlc[2], period, taAdx.begin, taAdx.length, taAdx.values);
            taPlus.code = CORE.plusDI(0, n - 1, hlc[0], hlc[1], hlc[2], period, taPlus.begin, taPlus.length, taPlus.values);
            taMinus.code = CORE.minusDI(0, n - 1, hlc[0], hlc[1], hlc[2], period, taMinus.begin, taMinus.length,
                taMinus.values);
            final Run a = Run.of(n);
            final Run p = Run.of(n);
            final Run m = Run.of(n);
            for (int i = 0; i < n; i++)
            {
                adx.update(hlc[0][i], hlc[1][i], hlc[2][i]);
                a.record(i, adx.isReady(), adx.value());
                p.record(i, adx.isDirectionReady(), adx.plusDi());
                m.record(i, adx.isDirectionReady(), adx.minusDi());
            }
            check("ADX(" + name + "," + period + ")", a.values, a.ready, taAdx);
            check("+DI(" + name + "," + period + ")", p.values, p.ready, taPlus);
            check("-DI(" + name + "," + period + ")", m.values, m.ready, taMinus);
        });
    }

    @Test
    void bollingerMiddleAgainstTaLibAndBandsAgainstCenteredTaLib()
    {
        forEachCloseSeries((name, closes, period) ->
        {
            final int n = closes.length;
            // TA-Lib's variance is mean(x^2) - mean(x)^2 and loses most digits at BTC prices (see
            // RollingStdDev). On the same series shifted by a constant its arithmetic is exact enough
            // to be a reference; Bollinger Bands shift with the series, so upper - c must match.
            final double c = centre(closes);
            final double[] centred = shifted(closes, -c);
            final Output raw = new Output(n);
            final Output rawUpper = new Output(n);
            final Output rawLower = new Output(n);
            raw.code = CORE.bbands(0, n - 1, closes, period, 2.0, 2.0, MAType.Sma, raw.begin, raw.length,
                rawUpper.values, raw.values, rawLower.values);
            final Output upper = new Output(n);
            final Output middle = new Output(n);
            final Output lower = new Output(n);
            upper.code = CORE.bbands(0, n - 1, centred, period, 2.0, 2.0, MAType.Sma, upper.begin, upper.length,
                upper.values, middle.values, lower.values);
            sharePlacement(upper, middle, lower);
            final BollingerBands bands = new BollingerBands(period, 2.0);
            final Run mid = Run.of(n);
            final Run up = Run.of(n);
            final Run low = Run.of(n);
            for (int i = 0; i < n; i++)
            {
                bands.update(closes[i]);
                mid.record(i, bands.isReady(), bands.middle());
                up.record(i, bands.isReady(), bands.upper() - c);
                low.record(i, bands.isReady(), bands.lower() - c);
            }
            check("BBANDS middle(" + name + "," + period + ")", mid.values, mid.ready, raw);
            // Shifted values can be near zero, where a relative check is meaningless: accept up to 1e-9
            // of the price level c, the same absolute tolerance the unshifted comparison allows.
            check("BBANDS upper, centred(" + name + "," + period + ")", up.values, up.ready, upper, 1e-9 * c);
            check("BBANDS lower, centred(" + name + "," + period + ")", low.values, low.ready, lower, 1e-9 * c);
        });
    }

    @Test
    void standardDeviationAgainstCenteredTaLib()
    {
        forEachCloseSeries((name, closes, period) ->
        {
            final int n = closes.length;
            final double c = centre(closes);
            final double[] centred = shifted(closes, -c);
            final Output ta = new Output(n);
            ta.code = CORE.stdDev(0, n - 1, centred, period, 1.0, ta.begin, ta.length, ta.values);
            final RollingStdDev sd = new RollingStdDev(period);
            final Run run = Run.of(n);
            for (int i = 0; i < n; i++)
            {
                sd.update(closes[i]);
                run.record(i, sd.isReady(), sd.value());
            }
            // TA-Lib writes 0 for any variance below 1e-8, so a deviation below 1e-4 may stand against its 0.
            check("STDDEV centred(" + name + "," + period + ")", run.values, run.ready, ta, 1e-4);
        });
    }

    private static double centre(final double[] values)
    {
        double sum = 0;
        for (final double v : values)
        {
            sum += v;
        }
        return sum / values.length;
    }

    private static double[] shifted(final double[] values, final double by)
    {
        final double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++)
        {
            out[i] = values[i] + by;
        }
        return out;
    }

    /** Outputs of one TA-Lib call that fills several arrays share the status, first index and length of the first. */
    private static void sharePlacement(final Output first, final Output... others)
    {
        for (final Output o : others)
        {
            o.code = first.code;
            o.begin.value = first.begin.value;
            o.length.value = first.length.value;
        }
    }

    /** A TA-Lib function of one input series and a period. */
    interface SeriesReference
    {
        RetCode compute(double[] in, int period, Output out);
    }

    interface CloseCase
    {
        void run(String name, double[] closes, int period);
    }

    interface BarCase
    {
        void run(String name, double[][] hlc, int period);
    }

    private static void forEachCloseSeries(final CloseCase test)
    {
        SERIES.forEach((name, hlc) ->
        {
            for (final int period : PERIODS)
            {
                test.run(name, hlc[2], period);
            }
        });
    }

    private static void forEachBarSeries(final BarCase test)
    {
        SERIES.forEach((name, hlc) ->
        {
            if (!name.equals("trades"))
            {
                for (final int period : PERIODS)
                {
                    test.run(name, hlc, period);
                }
            }
        });
    }

    private static final class Run
    {
        final double[] values;
        final boolean[] ready;

        private Run(final int n)
        {
            values = new double[n];
            ready = new boolean[n];
        }

        static Run of(final int n)
        {
            return new Run(n);
        }

        void record(final int i, final boolean isReady, final double value)
        {
            ready[i] = isReady;
            values[i] = value;
        }
    }
}
