package dev.peregrine.bench.backtest;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.FillModel;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.journal.backtest.Backtest;
import dev.peregrine.journal.backtest.BacktestPlan;
import dev.peregrine.journal.backtest.BacktestRequest;
import dev.peregrine.journal.backtest.BacktestResult;
import dev.peregrine.journal.importer.EventSource;
import dev.peregrine.journal.importer.Importers;
import dev.peregrine.journal.importer.TimeWindow;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Issue 17, 3: {@code backtest --data trades.csv} end to end against its floor, in one JVM, rounds alternating
 * after a warm-up round. Per round, on the same file:
 * <ul>
 *   <li><b>read</b>: the file's bytes read and thrown away (the disk and page cache alone);</li>
 *   <li><b>parse</b> (the floor): the importer drained, every row parsed to its quote and trade events and the
 *   clocks between them, no core: what any backtest of this file must at least do;</li>
 *   <li><b>end to end</b>: {@code Backtest.plan} and {@code Backtest.run} as {@code ./peregrine backtest --data FILE
 *   --strategy S} runs them (no journal kept, the default; import and core on two threads);</li>
 *   <li><b>one thread</b>: the same run with import and core on one thread (a sweep's combination);</li>
 *   <li><b>with journal</b> ({@code --journal}): the same run keeping its journal ({@code --keep-journal}).</li>
 * </ul>
 * Prints trades/s for each (wall clock) and the process's CPU time per trade (all threads; less sensitive than
 * wall time to other work on a shared machine), the best round, and {@code ratio end-to-end / floor}, and checks
 * the digest is the same in every round, on one thread and with the journal.
 * <pre>
 * java @jvm.options -cp bench/target/benchmarks.jar dev.peregrine.bench.backtest.BacktestCsvComparison \
 *     --data BTC-USD-trades.csv [--strategy trend-following] [--rounds 3] [--journal]
 * </pre>
 */
public final class BacktestCsvComparison
{
    private BacktestCsvComparison()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        Path data = null;
        String strategy = "trend-following";
        int rounds = 3;
        boolean journal = false;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--data": data = Path.of(args[++i]); break;
                case "--strategy": strategy = args[++i]; break;
                case "--rounds": rounds = Integer.parseInt(args[++i]); break;
                case "--journal": journal = true; break;
                default: throw new IllegalArgumentException("unknown option " + args[i] + " (--data, --strategy, --rounds, --journal)");
            }
        }
        if (data == null)
        {
            throw new IllegalArgumentException("--data FILE is required (a trades CSV: timestamp,price,quantity[,side])");
        }
        final BacktestRequest request = new BacktestRequest(VenueRegistry.standard().catalog(), data, null, null,
            StrategySpec.parse(strategy, strategy.split(":")[0]), TimeWindow.ALL, BacktestRequest.DEFAULT_ORDER_NOTIONAL,
            PaperVenueSettings.DEFAULT.withFillModel(FillModel.VOLUME, PaperVenueSettings.DEFAULT_PARTICIPATION,
                PaperVenueSettings.DEFAULT_FILL_WINDOW_NANOS, PaperVenueSettings.DEFAULT_SLIPPAGE_BPS));
        System.out.printf(Locale.ROOT, "file: %s (%,d bytes), strategy %s, %d rounds after a warm-up round, cores %d%n",
            data, Files.size(data), strategy, rounds, Runtime.getRuntime().availableProcessors());
        double bestRead = 0;
        double bestParse = 0;
        double bestEnd = 0;
        double bestOneThread = 0;
        double bestJournal = 0;
        String digest = null;
        for (int round = 0; round <= rounds; round++)
        {
            final long readNanos = read(data);
            long cpu = cpuNanos();
            final long[] parsed = parse(request);
            final long parseCpu = cpuNanos() - cpu;
            final long trades = parsed[0];
            cpu = cpuNanos();
            long started = System.nanoTime();
            final BacktestResult end = Backtest.run(Backtest.plan(request), null, null, null);
            final long endNanos = System.nanoTime() - started;
            final long endCpu = cpuNanos() - cpu;
            digest = check(digest, end);
            cpu = cpuNanos();
            started = System.nanoTime();
            digest = check(digest, Backtest.run(Backtest.plan(request), null, null, null, false));
            final long oneNanos = System.nanoTime() - started;
            final long oneCpu = cpuNanos() - cpu;
            double journalRate = Double.NaN;
            if (journal)
            {
                final Path dir = Files.createTempDirectory("peregrine-bench-journal-");
                try
                {
                    started = System.nanoTime();
                    final BacktestResult kept = Backtest.run(Backtest.plan(request), dir.resolve("journal"), null, null);
                    journalRate = rate(trades, System.nanoTime() - started);
                    check(digest, kept);
                }
                finally
                {
                    delete(dir);
                }
            }
            final String label = round == 0 ? "warm-up" : "round " + round;
            System.out.printf(Locale.ROOT, "%-8s trades %,d: read %,.0f/s, parse (floor) %,.0f/s, end to end %,.0f/s, " +
                    "one thread %,.0f/s%s, ratio end-to-end / floor %.2f; cpu ns/trade: parse %.0f, end to end %.0f, " +
                    "one thread %.0f%n", label, trades, rate(trades, readNanos), rate(trades, parsed[1]), rate(trades, endNanos),
                rate(trades, oneNanos), journal ? String.format(Locale.ROOT, ", with journal %,.0f/s", journalRate) : "",
                (double)parsed[1] / endNanos, (double)parseCpu / trades, (double)endCpu / trades, (double)oneCpu / trades);
            if (round > 0)
            {
                bestRead = Math.max(bestRead, rate(trades, readNanos));
                bestParse = Math.max(bestParse, rate(trades, parsed[1]));
                bestEnd = Math.max(bestEnd, rate(trades, endNanos));
                bestOneThread = Math.max(bestOneThread, rate(trades, oneNanos));
                bestJournal = journal ? Math.max(bestJournal, journalRate) : Double.NaN;
            }
        }
        System.out.printf(Locale.ROOT, "best: read %,.0f trades/s, parse (floor) %,.0f trades/s, end to end %,.0f trades/s, " +
            "one thread %,.0f trades/s%s%n", bestRead, bestParse, bestEnd, bestOneThread, journal ? String.format(Locale.ROOT, ", with journal %,.0f trades/s", bestJournal) : "");
        System.out.printf(Locale.ROOT, "ratio end-to-end / floor: %.2f%n", bestEnd / bestParse);
        System.out.println("output-digest: " + digest + " (the same in every round and on one thread" +
            (journal ? " and with the journal)" : ")"));
    }

    private static long read(final Path data) throws IOException
    {
        final long started = System.nanoTime();
        final byte[] buffer = new byte[1 << 16];
        long sum = 0;
        try (InputStream in = Files.newInputStream(data))
        {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer))
            {
                sum += buffer[n - 1];
            }
        }
        if (sum == 42)
        {
            System.out.print(""); // keeps the loop's reads from being removed
        }
        return System.nanoTime() - started;
    }

    /** Trades and nanoseconds of the importer drained with no core. */
    private static long[] parse(final BacktestRequest request)
    {
        final long started = System.nanoTime();
        final BacktestPlan plan = Backtest.plan(request);
        long trades = 0;
        try (EventSource source = Importers.open(request.data(), plan.format(), plan.instrumentId(), plan.priceIncrement(),
            TimeWindow.ALL))
        {
            final InboundEvent event = new InboundEvent();
            while (source.next(event))
            {
                if (event.type == EventType.TRADE)
                {
                    trades++;
                }
            }
        }
        return new long[] {trades, System.nanoTime() - started};
    }

    private static String check(final String digest, final BacktestResult result)
    {
        if (digest != null && !digest.equals(result.outputDigestHex()))
        {
            throw new IllegalStateException("digest changed between runs: " + digest + " then " + result.outputDigestHex());
        }
        return result.outputDigestHex();
    }

    /** CPU time of every thread of this process so far. */
    private static long cpuNanos()
    {
        return ((com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double rate(final long count, final long nanos)
    {
        return count * 1e9 / nanos;
    }

    private static void delete(final Path dir) throws IOException
    {
        try (Stream<Path> walk = Files.walk(dir))
        {
            for (final Path p : walk.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
    }
}
