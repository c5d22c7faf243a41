package dev.peregrine.ops;

import dev.peregrine.ops.assembly.ClusterRun;
import dev.peregrine.ops.assembly.EngineOptions;
import dev.peregrine.ops.assembly.EngineRun;
import dev.peregrine.ops.cli.AcceptTruncatedOption;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.config.ConfigException;
import dev.peregrine.ops.config.DaemonConfig;
import dev.peregrine.ops.config.DaemonConfigLoader;
import dev.peregrine.ops.logging.JsonLine;
import dev.peregrine.ops.logging.JsonLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code peregrine run --config FILE}: the daemon. The same engine, endpoints and status line as the demo,
 * configured by one YAML file (plus {@code PEREGRINE_*} overrides and secrets from the environment or files),
 * all of it validated before anything connects. Runs until SIGTERM (or Ctrl-C), then shuts down within
 * {@code shutdown.timeout}: cancels open orders if configured, stops market data, flushes the journal,
 * prints the summary, exits 0.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the engine as a daemon from a YAML configuration (see ops/README.md, 'Configuration file';",
        "examples in ops/config/). Every configuration problem is listed at once, with exit code 2, before",
        "anything connects. SIGTERM stops it gracefully and prints the summary with output-digest and state-hash.",
        "With a cluster section, the process is one member of a cluster (--member N); see docs/cluster.md."})
public final class RunCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML configuration file.")
    private Path config;

    @Option(names = "--profile", paramLabel = "paper|live",
        description = "Overrides the file's profile: paper (paper venue) or live (orders to the venue, Coinbase or Binance; strong secrets required).")
    private String profile;

    @Option(names = "--member", paramLabel = "N",
        description = "With a cluster section: run as member N (0-based, in cluster.members' order); wins over cluster.member_id.")
    private Integer member;

    @Mixin
    private AcceptTruncatedOption acceptTruncated;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter err = spec.commandLine().getErr();
        acceptTruncated.apply(err);
        final DaemonConfig cfg;
        try
        {
            cfg = DaemonConfigLoader.load(config, profile, System.getenv(), true, member);
        }
        catch (final ConfigException ex)
        {
            err.println("peregrine run: " + config + ": " + ex.getMessage());
            err.println("nothing was started");
            return ExitCodes.USAGE;
        }
        // JSON lines on stdout (what a container's log collector reads); the human lines then go to stderr.
        final PrintWriter stdout = spec.commandLine().getOut();
        final JsonLog log = cfg.jsonLogs() ? new JsonLog(stdout) : null;
        final PrintWriter out = log != null ? err : stdout;
        if (log != null)
        {
            log.write(JsonLine.now(JsonLine.INFO, "config_loaded").field("config", cfg.file().toString())
                .field("profile", cfg.profile()).field("venue", cfg.venue()).field("products", cfg.settings().products())
                .field("journal", cfg.journalDir().toString()).field("bind", cfg.bindAddress())
                .field("health_port", cfg.healthPort()).field("metrics_port", cfg.metricsPort())
                .field("overrides", cfg.overrides()).field("admin_token_source", cfg.adminTokenSource())
                .field("cluster_member", cfg.clustered() ? cfg.cluster().memberId() : -1));
        }
        out.println("config: " + cfg.file() + " (profile " + cfg.profile() + ", venue " + cfg.venue() + ")" +
            (cfg.overrides().isEmpty() ? "" : "; overridden by the environment: " + String.join(", ", cfg.overrides())));
        for (final String line : cfg.catalog().lines())
        {
            out.println(line);
        }
        final EngineOptions options = new EngineOptions()
            .label("run")
            .settings(cfg.settings())
            .journalDir(cfg.journalDir())
            .bindAddress(cfg.bindAddress())
            .metricsPort(cfg.metricsPort())
            .healthPort(cfg.healthPort())
            .seed(cfg.simulatedSeed())
            .tradesPerSecond(cfg.simulatedTradesPerSecond())
            .waitStrategy(cfg.waitStrategy())
            .ringSize(cfg.ringSize())
            // The simulated exchange speaks Coinbase's protocol.
            .venue("simulated".equals(cfg.venue()) ? "coinbase" : cfg.venue(), cfg.marketDataUrl(), cfg.restUrl())
            .catalog(cfg.catalog().catalog())
            .liveVenue(cfg.userChannelUrl(), cfg.apiKey(), cfg.apiSecret())
            .keyFiles(cfg.keyFiles())
            .perpetualTerms(cfg.perpetual().accountTerms(cfg.settings()))
            .adminToken(cfg.adminToken(), cfg.adminTokenSource())
            .retention(cfg.retention())
            .diskAlertRatio(cfg.diskAlertRatio())
            .stageSampleEvery(cfg.stageSampleEvery())
            .warmupOrders(cfg.warmupOrders())
            .snapshots(cfg.snapshots())
            .jsonLog(log)
            .daemon(cfg.shutdownTimeout(), cfg.cancelOpenOrdersOnShutdown());
        // Same file, same options: a cluster member builds its core settings exactly as a single node does.
        return cfg.clustered() ? new ClusterRun(options, cfg.cluster(), out).execute() : new EngineRun(options, out).execute();
    }
}
