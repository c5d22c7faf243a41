package dev.peregrine.ops;

import dev.peregrine.gateway.venue.BaseTierFees;
import dev.peregrine.gateway.venue.ReplayCapture;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.execution.FillModel;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.journal.RetentionPolicy;
import dev.peregrine.journal.snapshot.SnapshotPolicy;
import dev.peregrine.ops.assembly.EngineOptions;
import dev.peregrine.ops.assembly.EngineRun;
import dev.peregrine.ops.cli.AcceptTruncatedOption;
import dev.peregrine.ops.cli.ByteSizes;
import dev.peregrine.ops.cli.Durations;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.cli.StrategyListing;
import dev.peregrine.ops.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code peregrine demo}: the engine against its embedded simulated exchange, over real loopback sockets. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the simulated exchange and the engine in one process: market data over a real WebSocket,",
        "the Disruptor core trading a moving-average crossover on the paper venue, every input journaled.",
        "Prints a status line every second and, at exit, a summary with output-digest and state-hash",
        "lines that 'peregrine replay --journal DIR' reproduces. Ctrl-C stops it cleanly.",
        "With --replay FILE the simulated exchange serves a recorded Coinbase capture instead, and the run",
        "ends when the capture does."})
public final class DemoCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    private static final String DEFAULT_DURATION = "30s";

    @Option(names = "--duration", paramLabel = "TIME",
        description = "How long to run, e.g. 30s, 5m, 2h (default: 30s; with --replay: until the capture ends).")
    private String duration;

    @Option(names = "--products", split = ",", paramLabel = "LIST",
        description = "Comma-separated products to simulate and trade (default: BTC-USD,ETH-USD; with --replay: " +
            "those of the capture).")
    private List<String> products;

    @Option(names = "--venue", defaultValue = "coinbase", paramLabel = "NAME",
        description = "Venue the generated market simulates: coinbase, binance or binance-usdm (default: ${DEFAULT-VALUE}; " +
            "with --replay the capture decides). Perpetuals: --venue binance-usdm --products BTCUSDT, or --venue " +
            "coinbase --products BTC-PERP-INTX.")
    private String venue;

    @Option(names = "--order-type", defaultValue = "market", paramLabel = "TYPE",
        description = "How the strategy trades: market (cross, taker) or limit (join the touch, maker) " +
            "(default: ${DEFAULT-VALUE}).")
    private String orderType;

    @Option(names = "--strategy", paramLabel = "SPEC",
        description = {"A strategy to run, repeatable: TYPE[:key=value,...], e.g. " +
            "market-maker:instrument=BTC-USD,spread-bps=10 (name=... names the instance). Replaces the default " +
            "ma-crossover (perp-trend where a product is a perpetual). List the types and their parameters with " +
            "--list-strategies."})
    private List<String> strategies;

    @Option(names = "--list-strategies", description = "Print the built-in strategy types and their parameters, then exit.")
    private boolean listStrategies;

    @Option(names = "--journal-max-age", paramLabel = "TIME",
        description = "Journal retention: delete roll-cycle files that ended longer ago than this, e.g. 7d or 36h. " +
            "Never the file being written, the newest two, or one a reader still reads.")
    private String journalMaxAge;

    @Option(names = "--journal-max-size", paramLabel = "BYTES",
        description = "Journal retention: delete the oldest files until the rest fit, e.g. 500m, 20g (same protections).")
    private String journalMaxSize;

    @Option(names = "--snapshot-every", defaultValue = "1000000", paramLabel = "EVENTS",
        description = "Snapshot the engine's state every EVENTS journal events (and every 10 minutes of event time, and " +
            "at a graceful stop), so a restart replays only the journal's tail; 0 = never (default: ${DEFAULT-VALUE}).")
    private long snapshotEvery;

    @Option(names = "--journal-disk-alert", defaultValue = "0.10", paramLabel = "RATIO",
        description = "Free fraction of the journal's volume below which the disk alert fires, exported as " +
            "peregrine_journal_disk_free_alert_threshold_ratio (default: ${DEFAULT-VALUE}).")
    private double journalDiskAlert;

    @Option(names = "--stage-sample-every", defaultValue = "1", paramLabel = "N",
        description = "Time ring wait and strategy (peregrine_stage_latency_seconds) on one live input in N, a power " +
            "of two; risk and execution are timed on every order (default: ${DEFAULT-VALUE}, every input).")
    private int stageSampleEvery;

    @Option(names = "--paper-order-latency", defaultValue = "20ms", paramLabel = "TIME",
        description = "Paper venue: time for an order to reach the venue, in event time (default: ${DEFAULT-VALUE}).")
    private String paperOrderLatency;

    @Option(names = "--paper-cancel-latency", defaultValue = "20ms", paramLabel = "TIME",
        description = "Paper venue: time for a cancel to reach the venue (default: ${DEFAULT-VALUE}).")
    private String paperCancelLatency;

    @Option(names = "--paper-fill-latency", defaultValue = "5ms", paramLabel = "TIME",
        description = "Paper venue: time for a report (fill, cancel) to come back (default: ${DEFAULT-VALUE}).")
    private String paperFillLatency;

    @Option(names = "--maker-fee-bps", paramLabel = "BPS",
        description = "Paper venue maker fee in basis points (default: the venue's base tier: coinbase 40, " +
            "coinbase perpetuals 2, binance 10, binance-usdm 2).")
    private Double makerFeeBps;

    @Option(names = "--taker-fee-bps", paramLabel = "BPS",
        description = "Paper venue taker fee in basis points (default: the venue's base tier: coinbase 60, " +
            "coinbase perpetuals 4, binance 10, binance-usdm 5).")
    private Double takerFeeBps;

    @Option(names = "--fill-model", defaultValue = "touch", paramLabel = "MODEL",
        description = "Paper venue fill model for market orders beyond the displayed size: touch, volume or unlimited " +
            "(default: ${DEFAULT-VALUE}; the demo's markets have a book, see 'backtest --help').")
    private String fillModel;

    @Option(names = "--admin-token-file", paramLabel = "FILE",
        description = "File holding the bearer token of /admin/ (default: PEREGRINE_ADMIN_TOKEN, else a " +
            "random token written to <journal>.admin-token).")
    private Path adminTokenFile;

    @Option(names = "--replay", paramLabel = "FILE",
        description = "Replay a recorded Coinbase Advanced Trade capture (cryptofeed JSON lines, gzip or plain) " +
            "through the gateway and core instead of the generated market; exits when it ends.")
    private Path replay;

    @Option(names = "--speed", paramLabel = "1|10|max",
        description = "Replay pace: 1 as recorded, 10 ten times faster, max as fast as the engine takes it (default: 1).")
    private String speed;

    @Option(names = "--summary-json", paramLabel = "PATH",
        description = "Write a JSON summary at exit: per product trades, ticker and L2 updates, final top of book; " +
            "per connection heartbeats, sequence gaps and drops.")
    private Path summaryJson;

    @Option(names = "--log-orders", paramLabel = "FILE",
        description = "Append a JSON line per order event (order id, strategy, product, ...) and per engine start, " +
            "recovery, feed change and stop to FILE; the human output is unchanged.")
    private Path logOrders;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "Journal folder (default: peregrine-data/journal-demo-<time> in the current folder).")
    private Path journal;

    @Option(names = "--metrics-port", defaultValue = "9090", paramLabel = "PORT",
        description = "Port of /metrics (Prometheus text format), 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int metricsPort;

    @Option(names = "--health-port", defaultValue = "8080", paramLabel = "PORT",
        description = "Port of /health (JSON), 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int healthPort;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
        description = "Address the HTTP endpoints bind to (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated market (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--trades-per-second", defaultValue = "100", paramLabel = "N",
        description = "Simulated trades per second per product (default: ${DEFAULT-VALUE}).")
    private int tradesPerSecond;

    @Option(names = "--order-notional", defaultValue = "1000", paramLabel = "QUOTE",
        description = "Size of one order in quote currency; limits are 2x (order) and 4x (position) (default: ${DEFAULT-VALUE}).")
    private double orderNotional;

    @Option(names = "--wait-strategy", defaultValue = "yielding", paramLabel = "NAME",
        description = "Ring wait strategy: busy-spin, yielding, sleeping, blocking (default: ${DEFAULT-VALUE}).")
    private String waitStrategy;

    @Option(names = "--ring-size", defaultValue = "16384", paramLabel = "N",
        description = "Inbound ring slots, a power of two (default: ${DEFAULT-VALUE}).")
    private int ringSize;

    @Option(names = "--cluster", paramLabel = "N",
        description = "Runs N cluster members (3: one may die) as separate processes, trading live against the " +
            "simulated Coinbase; prints the failover and each member's state hash (docs/cluster.md).")
    private Integer cluster;

    @Option(names = "--kill-leader-at", paramLabel = "TIME",
        description = "With --cluster: SIGKILLs the leader this long after trading starts, e.g. 20s, and restarts it.")
    private String killLeaderAt;

    @Option(names = "--cluster-port-base", defaultValue = "28100", paramLabel = "PORT",
        description = "With --cluster: member i listens on PORT + 10 i + 0..4 (UDP; default: ${DEFAULT-VALUE}).")
    private int clusterPortBase;

    @Mixin
    private AcceptTruncatedOption acceptTruncated;

    @Override
    public Integer call() throws Exception
    {
        acceptTruncated.apply(spec.commandLine().getErr());
        if (listStrategies)
        {
            StrategyListing.print(spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        if (cluster != null)
        {
            return clusterDemo();
        }
        if (killLeaderAt != null)
        {
            throw new UsageException("--kill-leader-at applies to --cluster only");
        }
        if (speed != null && replay == null)
        {
            throw new UsageException("--speed applies to --replay only");
        }
        // Checked before the settings: the products may come from the capture.
        final ReplayCapture capture = replay == null ? null : ReplayCapture.inspect(replay, speed == null ? "1" : speed);
        checkSummaryPath();
        if (VenueRegistry.standard().find(venue) == null)
        {
            throw new UsageException("--venue must be " + String.join(" or ", VenueRegistry.standard().names()) +
                ", was '" + venue + "'");
        }
        final String effectiveVenue = capture != null ? capture.venue() : venue;
        final List<String> defaults = VenueRegistry.standard().venue(effectiveVenue).defaultProducts();
        final List<String> chosen = products != null ? products : capture != null ? capture.products() : defaults;
        // Fees the user does not name are the venue's base tier for these products (Coinbase spot: 40/60 as ever).
        final BaseTierFees baseFees = VenueRegistry.standard().venue(effectiveVenue).baseTierFees(chosen);
        final EngineSettings settings;
        try
        {
            if (orderNotional <= 0 || !Double.isFinite(orderNotional))
            {
                throw new IllegalArgumentException("--order-notional must be a positive number, was " + orderNotional);
            }
            if (!"market".equals(orderType) && !"limit".equals(orderType))
            {
                throw new IllegalArgumentException("--order-type must be market or limit, was '" + orderType + "'");
            }
            settings = EngineSettings.defaults(VenueRegistry.standard().catalog(effectiveVenue), chosen, orderNotional)
                .withPassiveOrders("limit".equals(orderType))
                .withPaperVenue(new PaperVenueSettings(
                    latency("--paper-order-latency", paperOrderLatency),
                    latency("--paper-cancel-latency", paperCancelLatency),
                    latency("--paper-fill-latency", paperFillLatency),
                    makerFeeBps != null ? makerFeeBps : baseFees.makerBps(),
                    takerFeeBps != null ? takerFeeBps : baseFees.takerBps()).withFillModel(fillModel(), PaperVenueSettings.DEFAULT_PARTICIPATION,
                    PaperVenueSettings.DEFAULT_FILL_WINDOW_NANOS, PaperVenueSettings.DEFAULT_SLIPPAGE_BPS))
                .withStrategies(StrategyListing.parseSpecs(strategies != null ? strategies :
                    anyPerpetual(chosen, effectiveVenue) ? List.of(PERPETUAL_STRATEGY) : null));
            // Every strategy problem, all at once, before anything connects.
            BuiltInStrategies.configure(settings.strategies(), settings.products(), settings.orderQuantity());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException(ex.getMessage());
        }
        final EngineOptions options;
        try
        {
            options = new EngineOptions()
                .label("demo")
                .settings(settings)
                .duration(duration != null ? Durations.parse(duration) : capture != null ? null : Durations.parse(DEFAULT_DURATION))
                .journalDir(journal != null ? journal : defaultJournal())
                .bindAddress(bind)
                .metricsPort(checkPort("--metrics-port", metricsPort))
                .healthPort(checkPort("--health-port", healthPort))
                .seed(seed)
                .tradesPerSecond(tradesPerSecond)
                .waitStrategy(waitStrategy)
                .ringSize(ringSize)
                .replay(capture)
                .summaryJson(summaryJson)
                .venue(effectiveVenue, null, null)
                .adminTokenFile(adminTokenFile)
                .retention(retention())
                .diskAlertRatio(diskAlert())
                .stageSampleEvery(stageSampleEvery());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException(ex.getMessage());
        }
        options.snapshots(snapshots());
        if (logOrders == null)
        {
            final int code = new EngineRun(options, spec.commandLine().getOut()).execute();
            return code == ExitCodes.OK ? ExitCodes.OK : code;
        }
        final java.io.PrintWriter logFile;
        try
        {
            logFile = new java.io.PrintWriter(Files.newBufferedWriter(logOrders, java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND));
        }
        catch (final java.io.IOException ex)
        {
            throw new UsageException("--log-orders " + logOrders + ": cannot write there (" + ex.getClass().getSimpleName() + ")");
        }
        try (logFile)
        {
            final int code = new EngineRun(options.jsonLog(new dev.peregrine.ops.logging.JsonLog(logFile)),
                spec.commandLine().getOut()).execute();
            return code == ExitCodes.OK ? ExitCodes.OK : code;
        }
    }

    /** The default strategy of a demo that trades a perpetual: trend following with a funding filter, on leverage. */
    static final String PERPETUAL_STRATEGY = dev.peregrine.core.strategy.builtin.PerpetualTrend.NAME;

    /** Whether one of {@code products} is a perpetual future in {@code venue}'s catalog. */
    private static boolean anyPerpetual(final List<String> products, final String venue)
    {
        final dev.peregrine.core.instrument.ProductCatalog catalog = VenueRegistry.standard().catalog(venue);
        for (final String product : products)
        {
            final dev.peregrine.core.instrument.ProductCatalog.Product p = catalog.find(product);
            if (p != null && p.isPerpetual())
            {
                return true;
            }
        }
        return false;
    }

    private SnapshotPolicy snapshots()
    {
        if (snapshotEvery < 0)
        {
            throw new UsageException("--snapshot-every must be >= 0 (0 = no snapshots), was " + snapshotEvery);
        }
        return snapshotEvery == 0 ? SnapshotPolicy.OFF : new SnapshotPolicy(snapshotEvery,
            SnapshotPolicy.DEFAULT_EVERY_EVENT_NANOS, SnapshotPolicy.DEFAULT.keep());
    }

    /** {@code demo --cluster N}: the members are {@code run} processes; the options that shape one engine do not apply. */
    private int clusterDemo() throws Exception
    {
        if (cluster < 1 || cluster > 7)
        {
            throw new UsageException("--cluster must be 1 to 7 members (3 survives the loss of one), was " + cluster);
        }
        if (replay != null || !"coinbase".equals(venue))
        {
            throw new UsageException("--cluster trades live against the simulated Coinbase: --replay and --venue do not apply");
        }
        if (clusterPortBase < 1024 || clusterPortBase + 10 * cluster > 65_535)
        {
            throw new UsageException("--cluster-port-base must leave room for " + cluster + " members (PORT + 10 i + 4 " +
                "up to 65535) and be 1024 or more, was " + clusterPortBase);
        }
        final java.time.Duration kill = killLeaderAt == null ? null : Durations.parse(killLeaderAt);
        final java.time.Duration runFor = duration != null ? Durations.parse(duration) :
            kill != null ? kill.plusSeconds(15) : Durations.parse(DEFAULT_DURATION);
        if (kill != null && kill.compareTo(runFor) >= 0)
        {
            throw new UsageException("--kill-leader-at (" + killLeaderAt + ") must come before the end of --duration (" +
                duration + ")");
        }
        final Path dir = journal != null ? journal :
            Files.createTempDirectory("peregrine-cluster-demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-");
        return dev.peregrine.ops.clusterdemo.ClusterDemo.run(new dev.peregrine.ops.clusterdemo.ClusterDemo.Options(cluster,
            kill, runFor, products != null ? products : VenueRegistry.standard().venue("coinbase").defaultProducts(), seed,
            tradesPerSecond, clusterPortBase, dir), spec.commandLine().getOut());
    }

    private void checkSummaryPath()
    {
        if (summaryJson == null)
        {
            return;
        }
        final Path parent = summaryJson.toAbsolutePath().getParent();
        if (Files.isDirectory(summaryJson) || parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent))
        {
            throw new UsageException("--summary-json " + summaryJson + ": not a file in a writable folder");
        }
    }

    /** A latency may be zero, unlike a run's duration. */
    private static long latency(final String option, final String text)
    {
        if (text.trim().equals("0"))
        {
            return 0;
        }
        try
        {
            return Durations.parse(text).toNanos();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(option + ": " + ex.getMessage());
        }
    }

    private static int checkPort(final String option, final int port)
    {
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException(option + " " + port + " is not a port number (0-65535)");
        }
        return port;
    }

    private static Path defaultJournal()
    {
        return Path.of("peregrine-data", "journal-demo-" +
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    private RetentionPolicy retention()
    {
        if (journalMaxAge == null && journalMaxSize == null)
        {
            return null;
        }
        final java.time.Duration age = journalMaxAge == null ? null : Durations.parse(journalMaxAge);
        final long bytes = journalMaxSize == null ? 0 : ByteSizes.parse("--journal-max-size", journalMaxSize);
        return new RetentionPolicy(age, bytes, RetentionPolicy.DEFAULT_KEEP_NEWEST_FILES);
    }

    private double diskAlert()
    {
        if (!(journalDiskAlert >= 0 && journalDiskAlert < 1))
        {
            throw new IllegalArgumentException("--journal-disk-alert must be a fraction in [0, 1), was " + journalDiskAlert);
        }
        return journalDiskAlert;
    }

    private int stageSampleEvery()
    {
        if (stageSampleEvery < 1 || stageSampleEvery > 1024 || Integer.bitCount(stageSampleEvery) != 1)
        {
            throw new IllegalArgumentException("--stage-sample-every must be a power of two from 1 to 1024, was " +
                stageSampleEvery);
        }
        return stageSampleEvery;
    }

    private FillModel fillModel()
    {
        final FillModel model = FillModel.parse(fillModel);
        if (model == null)
        {
            throw new IllegalArgumentException("--fill-model must be one of " + FillModel.names() + ", was '" + fillModel + "'");
        }
        return model;
    }
}
