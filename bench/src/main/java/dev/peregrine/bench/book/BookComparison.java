package dev.peregrine.bench.book;

import dev.peregrine.bench.capture.CoinbaseCapture;
import dev.peregrine.core.book.OrderBook;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * {@link BookBenchmark}'s two books, core {@link OrderBook} and {@link TreeMapBook}, fed the real BTC-USD
 * update stream in alternating passes in one JVM: each round one pass of each, so both see nearly the same
 * machine even while other builds load it (JMH runs one benchmark after the other). Prints ns per level
 * update (median and min over rounds) of each, {@code treeMap / orderBook: X} (median of the per-round
 * ratios) and the bytes the core book allocated per level update over the measured rounds.
 *
 * <pre>
 * java @jvm.options -cp bench/target/benchmarks.jar dev.peregrine.bench.book.BookComparison \
 *     [--data DIR] [--warmup 3000] [--rounds 3000]
 * </pre>
 */
public final class BookComparison
{
    private BookComparison()
    {
    }

    public static void main(final String[] args)
    {
        String data = "";
        int warmup = 3000;
        int rounds = 3000;
        for (int i = 0; i < args.length; i += 2)
        {
            if (i + 1 >= args.length)
            {
                fail(args[i] + " needs a value");
            }
            switch (args[i])
            {
                case "--data" -> data = args[i + 1];
                case "--warmup" -> warmup = positive(args[i], args[i + 1]);
                case "--rounds" -> rounds = positive(args[i], args[i + 1]);
                default -> fail("unknown option " + args[i] + "; known: --data --warmup --rounds");
            }
        }
        run(data, warmup, rounds, System.out);
    }

    static void run(final String data, final int warmup, final int rounds, final PrintStream out)
    {
        final Level2Stream stream = Level2Stream.load(CoinbaseCapture.load(data), BookBenchmark.PRODUCT);
        final OrderBook orderBook = BookBenchmark.engineBook();
        final TreeMapBook treeMap = new TreeMapBook();
        BookBenchmark.loadSnapshot(stream, orderBook, treeMap);
        final double levels = stream.updateLevels();
        final double[] book = new double[rounds];
        final double[] tree = new double[rounds];
        final double[] ratio = new double[rounds];
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        long sink = 0;
        long allocated = 0;
        for (int round = -warmup; round < rounds; round++)
        {
            final long before = round >= 0 ? threads.getThreadAllocatedBytes(thread) : 0;
            final long t0 = System.nanoTime();
            sink += BookBenchmark.applyUpdates(stream, orderBook);
            final long t1 = System.nanoTime();
            if (round >= 0)
            {
                allocated += threads.getThreadAllocatedBytes(thread) - before;
            }
            final long t2 = System.nanoTime();
            sink += BookBenchmark.applyUpdates(stream, treeMap);
            final long t3 = System.nanoTime();
            if (round >= 0)
            {
                book[round] = (t1 - t0) / levels;
                tree[round] = (t3 - t2) / levels;
                ratio[round] = tree[round] / book[round];
            }
        }
        out.printf("BTC-USD: %d snapshot levels, %d level updates in %d messages per pass; %d warm-up and %d measured rounds%n",
            stream.snapshotLevels(), stream.updateLevels(), stream.updateMessages(), warmup, rounds);
        out.printf("orderBook ns per level update: median %.2f, min %.2f%n", median(book), min(book));
        out.printf("treeMap   ns per level update: median %.2f, min %.2f%n", median(tree), min(tree));
        out.printf("treeMap / orderBook: %.2f%n", median(ratio));
        out.printf("orderBook bytes per level update: %.4f (ThreadMXBean, measuring call included)%n",
            allocated / (levels * rounds));
        out.printf("checksum: %d%n", sink);
    }

    static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(final double[] values)
    {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static int positive(final String name, final String value)
    {
        try
        {
            final int parsed = Integer.parseInt(value);
            if (parsed >= 1)
            {
                return parsed;
            }
        }
        catch (final NumberFormatException e)
        {
            // reported below
        }
        throw fail(name + " must be a whole number >= 1, was '" + value + "'");
    }

    private static IllegalStateException fail(final String message)
    {
        System.err.println("BookComparison: " + message);
        System.exit(2);
        return new IllegalStateException(message);
    }
}
