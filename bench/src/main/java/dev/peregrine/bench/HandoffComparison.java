package dev.peregrine.bench;

import dev.peregrine.bench.handoff.HandoffBenchmark;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Runs {@link HandoffBenchmark} (Disruptor ring against {@code ArrayBlockingQueue}) in one JMH run, with
 * the same forks, iterations and capacity for every benchmark, and prints throughput, the
 * Disruptor/queue ratio, allocation per event and round-trip latency percentiles.
 *
 * <pre>
 *   java @jvm.options -cp bench/target/benchmarks.jar dev.peregrine.bench.HandoffComparison \
 *       [--forks 1] [--warmup 3] [--iterations 5] [--time 1] [--capacity 1024] \
 *       [--wait-strategies YIELDING,BUSY_SPIN] [--no-gc]
 * </pre>
 *
 * <p>No JVM arguments are set on the forks, so JMH gives them this JVM's own input arguments: start it
 * with {@code @jvm.options} and the forks get the same flags.
 */
public final class HandoffComparison
{
    private static final String THROUGHPUT_SUFFIX = "Throughput";
    private static final String ROUND_TRIP_SUFFIX = "RoundTrip";

    private HandoffComparison()
    {
    }

    public static void main(final String[] args) throws RunnerException
    {
        final ComparisonSettings settings = ComparisonSettings.parse(args);
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include("^" + Pattern.quote(HandoffBenchmark.class.getName()) + "\\.")
            .forks(settings.forks)
            .warmupIterations(settings.warmupIterations)
            .warmupTime(TimeValue.seconds(settings.iterationSeconds))
            .measurementIterations(settings.measurementIterations)
            .measurementTime(TimeValue.seconds(settings.iterationSeconds))
            .param("capacity", Integer.toString(settings.capacity))
            .param("waitStrategy", settings.waitStrategies);
        if (settings.gcProfiler)
        {
            options.addProfiler(GCProfiler.class);
        }

        System.out.println("Fork JVM arguments (inherited from this JVM): " +
            ManagementFactory.getRuntimeMXBean().getInputArguments());
        final Collection<RunResult> results = new Runner(options.build()).run();
        printReport(settings, results);
    }

    private static void printReport(final ComparisonSettings settings, final Collection<RunResult> results)
    {
        final List<Row> throughput = new ArrayList<>();
        final List<Row> roundTrip = new ArrayList<>();
        for (final RunResult result : results)
        {
            final Row row = Row.of(result);
            if (row.method.endsWith(THROUGHPUT_SUFFIX))
            {
                throughput.add(row);
            }
            else if (row.method.endsWith(ROUND_TRIP_SUFFIX))
            {
                roundTrip.add(row);
            }
        }

        final PrintTable out = new PrintTable();
        out.line("");
        out.line("Hand-off comparison: 1 producer (JMH thread) -> 1 consumer thread, capacity %d, " +
            "%d fork(s), %d x %d s warm-up, %d x %d s measurement",
            settings.capacity, settings.forks, settings.warmupIterations, settings.iterationSeconds,
            settings.measurementIterations, settings.iterationSeconds);
        out.line("");
        out.line("Throughput (events/s; mean +- 99.9%% CI over measurement iterations)");
        out.line("  %-34s %16s %14s %14s", "hand-off", "events/s", "+-", "alloc B/event");
        final Row queue = find(throughput, "queue");
        for (final Row row : throughput)
        {
            out.line("  %-34s %,16.0f %,14.0f %14s", row.label, row.score, row.error, row.allocationPerOp());
        }
        if (queue != null)
        {
            for (final Row row : throughput)
            {
                if (row != queue)
                {
                    out.line("  ratio %-28s %.2fx the queue's throughput", row.label, row.score / queue.score);
                }
            }
        }

        out.line("");
        out.line("Round trip: publish one event, wait for the consumer's ack (ns; JMH SampleTime)");
        out.line("  %-34s %10s %10s %10s %10s %12s %12s", "hand-off", "p50", "p90", "p99", "p99.9", "max", "samples");
        for (final Row row : roundTrip)
        {
            final Statistics statistics = row.statistics;
            out.line("  %-34s %,10.0f %,10.0f %,10.0f %,10.0f %,12.0f %,12d", row.label,
                statistics.getPercentile(50), statistics.getPercentile(90), statistics.getPercentile(99),
                statistics.getPercentile(99.9), statistics.getMax(), statistics.getN());
        }
        final Row queueRoundTrip = find(roundTrip, "queue");
        if (queueRoundTrip != null)
        {
            for (final Row row : roundTrip)
            {
                if (row != queueRoundTrip)
                {
                    out.line("  ratio queue/%-22s p50 %.1fx, p99 %.1fx (how many times slower the queue is)",
                        row.label,
                        queueRoundTrip.statistics.getPercentile(50) / row.statistics.getPercentile(50),
                        queueRoundTrip.statistics.getPercentile(99) / row.statistics.getPercentile(99));
                }
            }
        }
    }

    private static Row find(final List<Row> rows, final String prefix)
    {
        for (final Row row : rows)
        {
            if (row.method.startsWith(prefix))
            {
                return row;
            }
        }
        return null;
    }

    /** One benchmark's result, reduced to what the report prints. */
    private static final class Row
    {
        final String method;
        final String label;
        final double score;
        final double error;
        final Statistics statistics;
        final Result<?> allocation;

        private Row(final String method, final String label, final Result<?> primary, final Result<?> allocation)
        {
            this.method = method;
            this.label = label;
            this.score = primary.getScore();
            this.error = primary.getScoreError();
            this.statistics = primary.getStatistics();
            this.allocation = allocation;
        }

        static Row of(final RunResult result)
        {
            final String benchmark = result.getParams().getBenchmark();
            final String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            final String waitStrategy = result.getParams().getParam("waitStrategy");
            final String label = method.startsWith("queue") ?
                "ArrayBlockingQueue (put/take)" :
                "Disruptor " + waitStrategy;
            Result<?> allocation = null;
            for (final var entry : result.getSecondaryResults().entrySet())
            {
                if (entry.getKey().endsWith("gc.alloc.rate.norm"))
                {
                    allocation = entry.getValue();
                }
            }
            return new Row(method, label, result.getPrimaryResult(), allocation);
        }

        String allocationPerOp()
        {
            return allocation == null ? "n/a" : String.format(Locale.ROOT, "%.1f", allocation.getScore());
        }
    }

    /** Prints formatted lines in a fixed locale, so the report reads the same on every machine. */
    private static final class PrintTable
    {
        void line(final String format, final Object... values)
        {
            System.out.println(String.format(Locale.ROOT, format, values));
        }
    }
}
