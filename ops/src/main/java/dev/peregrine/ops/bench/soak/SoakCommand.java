package dev.peregrine.ops.bench.soak;

import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.ops.cli.Durations;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code peregrine bench soak}: the daemon ({@code peregrine run}, live profile) against {@code peregrine sim}, two
 * processes, with several strategies, for as long as asked. Every interval it samples the daemon's anonymous RSS,
 * old generation after GC, threads, open fds, GC collections, errors and the interval's tick-to-decision
 * percentiles (JMX by the attach API, /proc, /metrics) into {@code soak.csv}, draws {@code soak.html}, and ends with
 * the growth lines and each thread's allocation over the warm part.
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the daemon (peregrine run, live profile) against peregrine sim, two processes, with",
        "several strategies; samples anonymous RSS, old generation after GC, threads, fds, GC",
        "collections, errors and tick-to-decision p50/p99 every --interval into DIR/soak.csv and",
        "DIR/soak.html; ends with growth figures after warm-up and allocation per thread."})
public final class SoakCommand implements Callable<Integer>
{
    /** How long a sample waits for the daemon's /metrics before the soak gives up (one line, exit 1). */
    private static final Duration SCRAPE_PATIENCE = Duration.ofSeconds(120);

    @Spec
    private CommandSpec spec;

    @Option(names = "--duration", defaultValue = "2h", paramLabel = "DURATION",
        description = "How long the daemon runs, warm-up included (default: ${DEFAULT-VALUE}).")
    private String duration;

    @Option(names = "--interval", defaultValue = "1m", paramLabel = "DURATION",
        description = "Time between samples (default: ${DEFAULT-VALUE}).")
    private String interval;

    @Option(names = "--warmup", defaultValue = "2m", paramLabel = "DURATION",
        description = "Time before growth is measured: JIT, first collections, caches (default: ${DEFAULT-VALUE}).")
    private String warmup;

    @Option(names = "--live-set-every", defaultValue = "10m", paramLabel = "DURATION",
        description = "How often the soak asks the daemon for a full collection and reads the old generation's live "
            + "set; also at the end of warm-up and at the end (default: ${DEFAULT-VALUE}).")
    private String liveSetEvery;

    @Option(names = "--strategies", arity = "1..*", paramLabel = "SPEC",
        description = "Strategies as TYPE[:key=value,...], space separated (default: market-maker, ma-crossover, "
            + "trend-following and mean-reversion over BTC-USD and ETH-USD).")
    private List<String> strategies;

    @Option(names = "--trades-per-second", defaultValue = "100", paramLabel = "N",
        description = "The simulator's trades per product per second (default: ${DEFAULT-VALUE}).")
    private int tradesPerSecond;

    @Option(names = "--heap", defaultValue = "512m", paramLabel = "SIZE",
        description = "The daemon's heap, fixed (-Xms = -Xmx) and touched at start (default: ${DEFAULT-VALUE}).")
    private String heap;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Folder for the CSV, the chart, the configuration, the journal and both processes' output "
            + "(default: peregrine-data/soak-<time>).")
    private Path out;

    @Override
    public Integer call() throws Exception
    {
        final Duration total = duration("--duration", duration);
        final Duration every = duration("--interval", interval);
        final Duration warm = duration("--warmup", warmup);
        final Duration liveEvery = duration("--live-set-every", liveSetEvery);
        if (warm.compareTo(total) >= 0)
        {
            throw new UsageException("--warmup " + warmup + " must be shorter than --duration " + duration);
        }
        if (tradesPerSecond <= 0)
        {
            throw new UsageException("--trades-per-second " + tradesPerSecond + " must be at least 1");
        }
        if (!heap.matches("[1-9][0-9]*[kKmMgG]"))
        {
            throw new UsageException("--heap " + heap + ": expected a size such as 512m or 2g");
        }
        final List<StrategySpec> specs = strategySpecs();
        final Path dir = out != null ? out
            : Path.of("peregrine-data", "soak-" + Instant.now().toString().replace(':', '-').substring(0, 19));
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UsageException("--out " + dir + ": cannot create the folder (" + ex.getMessage() + ")");
        }
        final PrintWriter outWriter = spec.commandLine().getOut();
        try (SoakProcesses processes = new SoakProcesses(dir, heap))
        {
            // SIGTERM or Ctrl-C on the soak stops its two processes too (the daemon prints its summary to daemon.err).
            final Thread stopChildren = new Thread(() ->
            {
                try
                {
                    processes.close();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }, "peregrine-soak-stop");
            Runtime.getRuntime().addShutdownHook(stopChildren);
            try
            {
                final String ready = processes.startSim(tradesPerSecond);
                outWriter.println("soak: " + ready);
                processes.startDaemon(ready, specs);
                outWriter.printf("soak: daemon pid %d, %d strategies, %s (warm-up %s, a sample every %s), output in %s%n",
                    processes.daemonPid(), specs.size(), duration, warmup, interval, dir.toAbsolutePath());
                outWriter.flush();
                try
                {
                    return measure(processes, dir, total, every, warm, liveEvery, outWriter);
                }
                catch (final IOException ex)
                {
                    // The daemon's /metrics or its process could not be read: one line, what was measured stays in the CSV.
                    spec.commandLine().getErr().println("peregrine: bench soak: " + ex.getMessage()
                        + " (samples so far in " + dir.resolve("soak.csv") + ")");
                    return ExitCodes.RUNTIME_FAILURE;
                }
            }
            finally
            {
                try
                {
                    Runtime.getRuntime().removeShutdownHook(stopChildren);
                }
                catch (final IllegalStateException shuttingDown)
                {
                    // The hook is running or about to: it stops the processes.
                }
            }
        }
    }

    private int measure(final SoakProcesses processes, final Path dir, final Duration total, final Duration every,
        final Duration warm, final Duration liveEvery, final PrintWriter outWriter) throws Exception
    {
        final List<SoakSample> samples = new ArrayList<>();
        final Path csv = dir.resolve("soak.csv");
        Files.writeString(csv, SoakSample.HEADER + "\n");
        final HttpClient http = HttpClient.newHttpClient();
        try (DaemonProbe probe = new DaemonProbe(processes.daemonPid()))
        {
            final long start = System.nanoTime();
            final long end = start + total.toNanos();
            long next = start;
            MetricsScrape previous = MetricsScrape.fetchPatiently(http, processes.metrics(), SCRAPE_PATIENCE);
            Map<String, Long> warmAllocation = null;
            long warmEvents = 0;
            double warmSeconds = 0;
            Map<String, Long> lastAllocation = null;
            double nextLiveSet = 0;
            while (true)
            {
                next += every.toNanos();
                final long wake = Math.min(next, end);
                while (System.nanoTime() < wake)
                {
                    final String ended = processes.ended();
                    if (ended != null)
                    {
                        spec.commandLine().getErr().println("peregrine: bench soak: " + ended);
                        return ExitCodes.RUNTIME_FAILURE;
                    }
                    TimeUnit.NANOSECONDS.sleep(Math.min(wake - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(200)));
                }
                final double seconds = (System.nanoTime() - start) / 1e9;
                final boolean isWarm = seconds >= warm.toMillis() / 1000.0;
                final MetricsScrape now = MetricsScrape.fetchPatiently(http, processes.metrics(), SCRAPE_PATIENCE);
                final Map<String, Long> allocation = probe.allocatedBytesByThread();
                // The live set at the first warm sample, every --live-set-every after it, and at the last sample.
                final boolean liveSet = isWarm && (warmAllocation == null || seconds >= nextLiveSet || wake == end);
                if (liveSet)
                {
                    nextLiveSet = seconds + liveEvery.toMillis() / 1000.0;
                }
                final SoakSample sample = sample(probe, now, previous, seconds, isWarm, liveSet);
                if (isWarm && warmAllocation == null)
                {
                    warmAllocation = allocation;
                    warmEvents = sample.events();
                    warmSeconds = seconds;
                }
                lastAllocation = allocation;
                samples.add(sample);
                Files.writeString(csv, sample.csv() + "\n", java.nio.file.StandardOpenOption.APPEND);
                outWriter.printf("sample %s%n", sample.csv());
                outWriter.flush();
                previous = now;
                if (wake == end)
                {
                    break;
                }
            }
            final List<String> summary = new ArrayList<>(SoakGrowth.lines(samples));
            if (warmAllocation != null)
            {
                final SoakSample last = samples.get(samples.size() - 1);
                summary.addAll(ThreadAllocationReport.lines(warmAllocation, lastAllocation, last.seconds() - warmSeconds,
                    last.events() - warmEvents));
            }
            Files.writeString(dir.resolve("soak.html"),
                SoakChart.html("peregrine bench soak, " + duration + " (" + strategies().size() + " strategies)", samples, summary));
            summary.forEach(outWriter::println);
            outWriter.println("csv: " + csv.toAbsolutePath());
            outWriter.println("chart: " + dir.resolve("soak.html").toAbsolutePath());
            return ExitCodes.OK;
        }
    }

    private static SoakSample sample(final DaemonProbe probe, final MetricsScrape now, final MetricsScrape previous,
        final double seconds, final boolean warm, final boolean liveSet) throws IOException
    {
        final TreeMap<Double, Double> before = previous.buckets("peregrine_tick_to_decision_seconds");
        final TreeMap<Double, Double> after = now.buckets("peregrine_tick_to_decision_seconds");
        return new SoakSample(seconds, warm, probe.anonRssKib(), probe.oldGenAfterGcBytes(),
            liveSet ? probe.oldGenLiveBytes() : -1, probe.threadCount(),
            probe.openFds(), probe.gcCollections(), (long)now.sum("peregrine_errors_total"),
            (long)now.sum("peregrine_events_total"), (long)now.sum("peregrine_orders_total"),
            MetricsScrape.quantile(before, after, 0.50) * 1e6, MetricsScrape.quantile(before, after, 0.99) * 1e6);
    }

    private List<String> strategies()
    {
        return strategies == null || strategies.isEmpty() ? SoakConfig.DEFAULT_STRATEGIES : strategies;
    }

    private List<StrategySpec> strategySpecs()
    {
        final List<StrategySpec> specs = new ArrayList<>();
        for (final String text : strategies())
        {
            try
            {
                specs.add(StrategySpec.parse(text, "s" + (specs.size() + 1)));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new UsageException("--strategies: " + ex.getMessage());
            }
        }
        return specs;
    }

    private static Duration duration(final String option, final String text)
    {
        try
        {
            return Durations.parse(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException(option + ": " + ex.getMessage());
        }
    }
}
