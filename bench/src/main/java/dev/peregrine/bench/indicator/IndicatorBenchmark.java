package dev.peregrine.bench.indicator;

import dev.peregrine.core.indicator.Adx;
import dev.peregrine.core.indicator.Atr;
import dev.peregrine.core.indicator.BollingerBands;
import dev.peregrine.core.indicator.Ema;
import dev.peregrine.core.indicator.Macd;
import dev.peregrine.core.indicator.Rsi;
import dev.peregrine.core.indicator.RollingHighLow;
import dev.peregrine.core.indicator.RollingStdDev;
import dev.peregrine.core.indicator.Sma;
import dev.peregrine.core.indicator.Vwap;
import dev.peregrine.core.indicator.Wma;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The cost of one update of each streaming indicator, with its default parameters, over a random walk
 * of bars (pre-generated, so the benchmark measures the indicator, not the data). Each invocation
 * updates the indicator once per bar of a 4,096-bar series; the result is read so nothing is elided.
 * Every indicator is O(1) per update and allocates nothing after construction: {@code -prof gc} says so.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IndicatorBenchmark
{
    private static final int BARS = 4096;

    private final double[] high = new double[BARS];
    private final double[] low = new double[BARS];
    private final double[] close = new double[BARS];
    private final double[] volume = new double[BARS];

    private Sma sma;
    private Ema ema;
    private Wma wma;
    private Rsi rsi;
    private Macd macd;
    private BollingerBands bollinger;
    private Atr atr;
    private Adx adx;
    private RollingStdDev stdDev;
    private Vwap vwap;
    private RollingHighLow highLow;

    @Setup(Level.Trial)
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(2026);
        double price = 60_000;
        for (int i = 0; i < BARS; i++)
        {
            price *= 1 + (random.nextDouble() - 0.5) * 0.002;
            final double spread = price * random.nextDouble() * 0.001;
            close[i] = price;
            high[i] = price + spread;
            low[i] = price - spread;
            volume[i] = 0.01 + random.nextDouble();
        }
        sma = new Sma(20);
        ema = new Ema(20);
        wma = new Wma(20);
        rsi = new Rsi(14);
        macd = new Macd(12, 26, 9);
        bollinger = new BollingerBands(20, 2);
        atr = new Atr(14);
        adx = new Adx(14);
        stdDev = new RollingStdDev(20);
        vwap = new Vwap(Vwap.UTC_DAY);
        highLow = new RollingHighLow(20);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double sma20()
    {
        for (int i = 0; i < BARS; i++)
        {
            sma.update(close[i]);
        }
        return sma.value();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double ema20()
    {
        for (int i = 0; i < BARS; i++)
        {
            ema.update(close[i]);
        }
        return ema.value();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double wma20()
    {
        for (int i = 0; i < BARS; i++)
        {
            wma.update(close[i]);
        }
        return wma.value();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double rsi14()
    {
        for (int i = 0; i < BARS; i++)
        {
            rsi.update(close[i]);
        }
        return rsi.value();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double macd12269()
    {
        for (int i = 0; i < BARS; i++)
        {
            macd.update(close[i]);
        }
        return macd.histogram();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double bollinger202()
    {
        for (int i = 0; i < BARS; i++)
        {
            bollinger.update(close[i]);
        }
        return bollinger.percentB();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double atr14()
    {
        for (int i = 0; i < BARS; i++)
        {
            atr.update(high[i], low[i], close[i]);
        }
        return atr.value();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double adx14()
    {
        for (int i = 0; i < BARS; i++)
        {
            adx.update(high[i], low[i], close[i]);
        }
        return adx.value();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double stdDev20()
    {
        for (int i = 0; i < BARS; i++)
        {
            stdDev.update(close[i]);
        }
        return stdDev.value();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double vwapDay()
    {
        for (int i = 0; i < BARS; i++)
        {
            vwap.update(close[i], volume[i], 1_000_000_000L * i);
        }
        return vwap.value();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double highLow20()
    {
        for (int i = 0; i < BARS; i++)
        {
            highLow.update(high[i], low[i]);
        }
        return highLow.high() - highLow.low();
    }
}
