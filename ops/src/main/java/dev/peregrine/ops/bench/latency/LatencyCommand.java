package dev.peregrine.ops.bench.latency;

import dev.peregrine.core.engine.OrderPathWarmup;
import dev.peregrine.ops.cli.Durations;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.cli.UsageException;
import dev.peregrine.ops.engine.WaitStrategies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code peregrine bench latency}: wire to wire, a market-data frame written by the simulated Coinbase venue to the
 * order request it causes arriving back at the venue, for the engine as {@code run} assembles it and for a bare
 * responder on the same sockets (the floor), interleaved in one run. Prints both histograms, {@code p50 ratio} and
 * {@code p99 ratio} (engine / floor), the engine's stage histograms, the thread layout and wait strategy, and the
 * collections during the measurement. See {@link WireLatencyRun} for the steps. The run's journal and key live in a
 * temporary folder removed at the end; {@code -Dperegrine.bench.keep=true} keeps it (its path is printed) to look
 * at the engine's decisions with {@code peregrine decisions --journal DIR/journal}.
 */
@Command(
    name = "latency",
    mixinStandardHelpOptions = true,
    description = {
        "Wire-to-wire latency: frame written by the simulated venue -> order request arriving",
        "at it, for the engine (gateway, ring, journal, core, outbound, order client, as 'run'",
        "assembles it) and for a bare WebSocket client that orders at once (the floor), in one run."})
public final class LatencyCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--duration", defaultValue = "30s", paramLabel = "TIME", description = "Measurement (default: ${DEFAULT-VALUE}).")
    private String duration;

    @Option(names = "--warmup", defaultValue = "5s", paramLabel = "TIME", description = "Warm-up before it, not recorded (default: ${DEFAULT-VALUE}).")
    private String warmup;

    @Option(names = "--rate", defaultValue = "400", paramLabel = "FRAMES", description = "Frames the venue writes a second (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--trigger-every", defaultValue = "20", paramLabel = "N",
        description = "One frame in N is a trade that causes an order, alternately the engine's and the floor's; " +
            "the rest are tickers (default: ${DEFAULT-VALUE}; orders stay under the order client's 30 a second).")
    private int triggerEvery;

    @Option(names = "--wait-strategy", defaultValue = "yielding", paramLabel = "NAME",
        description = "The ring's wait strategy: " + WaitStrategies.NAMES + " (default: ${DEFAULT-VALUE}).")
    private String waitStrategy;

    @Option(names = "--warmup-orders", paramLabel = "N",
        description = "Synthetic orders through a scratch core's order path before the engine starts, as run's "
            + "startup.warmup_orders (default: run's default, " + OrderPathWarmup.DEFAULT_ORDERS + "; 0 for none).")
    private int warmupOrders = OrderPathWarmup.DEFAULT_ORDERS;

    @Option(names = "--venue", defaultValue = "coinbase", paramLabel = "coinbase", description = "Venue simulated (default: ${DEFAULT-VALUE}).")
    private String venue;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final LatencySettings settings = settings();
        out.println("bench latency: venue coinbase (simulated, loopback), " + settings.rate() + " frames/s, 1 in " +
            settings.triggerEvery() + " a trade that causes an order (engine and floor alternate), warm-up " + warmup +
            ", measuring " + duration + ", wait strategy " + settings.waitStrategy());
        out.flush();
        final Path work = Files.createTempDirectory("peregrine-bench-latency");
        try
        {
            new WireLatencyRun(settings).run(work).print(out);
        }
        finally
        {
            if (!Boolean.getBoolean("peregrine.bench.keep")) { delete(work); } else { out.println("kept: " + work); }
        }
        return ExitCodes.OK;
    }

    private LatencySettings settings()
    {
        if (!"coinbase".equals(venue))
        {
            throw new UsageException("--venue " + venue + ": the latency bench runs against the Coinbase simulator only " +
                "(its frames are stamped as written and its order emulator stamps each request; the Binance simulator has no such hooks)");
        }
        if (rate < 1 || rate > 100_000)
        {
            throw new UsageException("--rate " + rate + ": frames a second must be 1 to 100000");
        }
        if (triggerEvery < 1)
        {
            throw new UsageException("--trigger-every " + triggerEvery + ": must be 1 or more");
        }
        if (warmupOrders < 0)
        {
            throw new UsageException("--warmup-orders " + warmupOrders + ": must be 0 or more");
        }
        try
        {
            WaitStrategies.byName(waitStrategy);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("--wait-strategy: " + ex.getMessage());
        }
        return new LatencySettings(duration("--duration", duration), duration("--warmup", warmup), rate, triggerEvery, waitStrategy,
            warmupOrders);
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

    private static void delete(final Path dir)
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final java.io.IOException ignored)
        {
            // a temporary folder left behind is harmless
        }
    }
}
