package dev.peregrine.bench.strategy;

import org.ta4j.core.BarSeries;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The EMA-crossover backtest per bar, interleaved in one JVM: Peregrine's signal path, the whole engine on
 * three events per bar (quote, trade, clock through reused slots), the whole engine on the bar path (one
 * closed candle per bar) and ta4j 0.17, one whole backtest of each per round, in an order that rotates every
 * round. Why not only JMH: on a machine shared with other builds the load swings by several times within a
 * minute, and JMH measures one benchmark after the other, so two benchmarks a minute apart may see different
 * machines. Interleaved, every round gives each backtest nearly the same machine, and the per-round ratio and
 * the median over rounds are what to quote. JMH ({@link EmaCrossoverBacktestBenchmark}) stays the reference
 * on a quiet machine.
 *
 * <pre>
 * java @jvm.options -cp bench/target/benchmarks.jar dev.peregrine.bench.strategy.BarPathComparison \
 *     [--bars 100000] [--warmup 10] [--rounds 30]
 * </pre>
 * Prints ns per bar (median, min) of each, {@code ta4j / engine candles: X} (median of the per-round ratios),
 * the same for three events and the signal path, and the collections during the measured rounds.
 */
public final class BarPathComparison
{
    static final String[] NAMES = {"signal path", "engine, 3 events", "engine, candles", "ta4j 0.17"};
    private static final int FAST = EmaCrossoverBacktestBenchmark.FAST;
    private static final int SLOW = EmaCrossoverBacktestBenchmark.SLOW;

    private BarPathComparison()
    {
    }

    public static void main(final String[] args)
    {
        int bars = EmaCrossoverBacktestBenchmark.BARS;
        int warmup = 10;
        int rounds = 30;
        for (int i = 0; i < args.length; i++)
        {
            if (i + 1 >= args.length)
            {
                fail(args[i] + " needs a value");
            }
            final String value = args[++i];
            switch (args[i - 1])
            {
                case "--bars" -> bars = positive(args[i - 1], value);
                case "--warmup" -> warmup = positive(args[i - 1], value);
                case "--rounds" -> rounds = positive(args[i - 1], value);
                default -> fail("unknown option " + args[i - 1] + "; known: --bars --warmup --rounds");
            }
        }
        run(bars, warmup, rounds, System.out);
    }

    /** Runs the comparison and prints its lines to {@code out}. */
    static void run(final int barCount, final int warmup, final int rounds, final PrintStream out)
    {
        final int warmUpBars = Math.min(EmaCrossoverBacktestBenchmark.WARM_UP, barCount / 4);
        final RandomWalkBars bars = new RandomWalkBars(barCount, 42);
        final double[] close = bars.close;
        final BarSeries series = EmaCrossoverBacktests.ta4jSeries(bars);
        final EngineBacktest events = new EngineBacktest(bars, FAST, SLOW, warmUpBars);
        final EngineBacktest candles = new EngineBacktest(bars, FAST, SLOW, warmUpBars, true, 0);
        final int[] trades = new int[barCount];
        final double[][] nsPerBar = new double[NAMES.length][rounds];
        long sink = 0;
        long collections = 0;
        for (int round = -warmup; round < rounds; round++)
        {
            if (round == 0)
            {
                collections = collections();
            }
            for (int k = 0; k < NAMES.length; k++)
            {
                final int which = (k + Math.floorMod(round, NAMES.length)) % NAMES.length;
                final long start = System.nanoTime();
                sink += switch (which)
                {
                    case 0 -> EmaCrossoverBacktests.peregrine(close, FAST, SLOW, warmUpBars, trades);
                    case 1 -> events.runThroughSlots(trades);
                    case 2 -> candles.runCandles(trades);
                    default -> EmaCrossoverBacktests.ta4j(series, FAST, SLOW, warmUpBars, trades);
                };
                final long elapsed = System.nanoTime() - start;
                if (round >= 0)
                {
                    nsPerBar[which][round] = (double)elapsed / barCount;
                }
            }
        }
        collections = collections() - collections;
        out.printf("bars: %d, warm-up rounds: %d, measured rounds: %d (each round one backtest of each, order rotating)%n",
            barCount, warmup, rounds);
        for (int i = 0; i < NAMES.length; i++)
        {
            out.printf("%-18s ns per bar: median %.1f, min %.1f%n", NAMES[i] + ":", median(nsPerBar[i]), min(nsPerBar[i]));
        }
        out.printf("ta4j / engine candles: %.2f%n", medianRatio(nsPerBar[3], nsPerBar[2]));
        out.printf("ta4j / engine 3 events: %.2f%n", medianRatio(nsPerBar[3], nsPerBar[1]));
        out.printf("ta4j / signal path: %.2f%n", medianRatio(nsPerBar[3], nsPerBar[0]));
        out.printf("engine 3 events / engine candles: %.2f%n", medianRatio(nsPerBar[1], nsPerBar[2]));
        out.printf("gc collections during measurement: %d (every backtest builds its own engine or ta4j series state)%n",
            collections);
        out.printf("orders (check): %d%n", sink);
    }

    /** Median of the per-round ratios {@code a[i] / b[i]}: each ratio from backtests that saw the same machine. */
    static double medianRatio(final double[] a, final double[] b)
    {
        final double[] ratios = new double[a.length];
        for (int i = 0; i < a.length; i++)
        {
            ratios[i] = a[i] / b[i];
        }
        return median(ratios);
    }

    static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(final double[] values)
    {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static long collections()
    {
        long total = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    private static int positive(final String name, final String value)
    {
        final int parsed;
        try
        {
            parsed = Integer.parseInt(value);
        }
        catch (final NumberFormatException e)
        {
            throw fail(name + " must be a whole number, was '" + value + "'");
        }
        if (parsed < 1)
        {
            throw fail(name + " must be at least 1, was " + value);
        }
        return parsed;
    }

    private static IllegalStateException fail(final String message)
    {
        System.err.println("BarPathComparison: " + message);
        System.exit(2);
        return new IllegalStateException(message);
    }
}
