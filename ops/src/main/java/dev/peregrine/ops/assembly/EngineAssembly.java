package dev.peregrine.ops.assembly;

import dev.peregrine.gateway.venue.Venue;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.OrderPathWarmup;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.metrics.StageLatencies;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.journal.JournalException;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.ReplayResult;
import dev.peregrine.journal.SettingsRefusedException;
import dev.peregrine.journal.backtest.Backtest;
import dev.peregrine.journal.backtest.BacktestPlan;
import dev.peregrine.journal.backtest.BacktestProgress;
import dev.peregrine.journal.backtest.BacktestResult;
import dev.peregrine.ops.cli.UsageException;
import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.SimulatorSettings;
import dev.peregrine.gateway.venue.VenueSimulator;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.gateway.venue.MarketDataFeed;
import dev.peregrine.ops.http.AdminToken;
import dev.peregrine.ops.http.HealthEndpoint;
import dev.peregrine.ops.http.MetricsEndpoint;
import dev.peregrine.ops.metrics.LatencySidecar;
import dev.peregrine.ops.report.Report;
import dev.peregrine.ops.report.ReportReplay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one composition root: builds the engine of every command, in numbered steps, from one concluded
 * {@link EngineOptions}.
 *
 * <p>A running engine ({@code demo}, {@code run}; {@link #assemble}):
 * <ol>
 *   <li>settings concluded ({@link EngineOptions#conclude()});</li>
 *   <li>venue: the simulated exchange (bound and started first: the engine needs its address) or the real
 *       venue's market-data feed, and the live venue when the settings say live ({@link VenueWiring});</li>
 *   <li>core: built by {@link #core}, inside the engine, from the journal's first settings;</li>
 *   <li>journal, ring and outbound: the {@link LiveEngine} around the core, with retention, snapshots and the
 *       order log;</li>
 *   <li>metrics: the latency sidecar tracking the core's, the journal's and the feed's recorders;</li>
 *   <li>HTTP: {@code /metrics}, {@code /health} and {@code /admin/} with its token;</li>
 *   <li>the journal opened (a bad journal folder fails before anything else runs); with a live venue, the order
 *       path warmed on a scratch core ({@link OrderPathWarmup});</li>
 *   <li>agents started: HTTP, sidecar, then the engine (recovery, ring threads, timer, housekeeper, feed).</li>
 * </ol>
 * Whatever was built is closed again, in reverse, by {@link #close()}, also when a step fails.
 *
 * <p>The journal-driven commands build their core from a journal, not from options: {@link #replay}
 * ({@code replay}), {@link #backtest} ({@code backtest}) and {@link #report} ({@code report}) are their entries;
 * {@link #simulator} builds the {@code sim} command's simulated exchange, which runs no engine.
 */
public final class EngineAssembly implements AutoCloseable
{
    private final EngineOptions options;
    private DemoExchange exchange;
    private LiveEngine engine;
    private LatencySidecar sidecar;
    private LatencySidecar.Series tickToDecision;
    private MetricsEndpoint metrics;
    private HealthEndpoint health;
    private String adminTokenSource;
    private OrderPathWarmup.Result warmup;

    private EngineAssembly(final EngineOptions options)
    {
        this.options = options;
    }

    /**
     * Builds and starts the engine. Problems the user can fix (a port in use, a bad journal folder, settings
     * the journal refuses) are {@link UsageException}s; everything built so far is closed before it is thrown.
     */
    public static EngineAssembly assemble(final EngineOptions options) throws InterruptedException
    {
        // 1. settings concluded
        try
        {
            options.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException(ex.getMessage());
        }
        final EngineAssembly assembly = new EngineAssembly(options);
        boolean built = false;
        try
        {
            assembly.build();
            built = true;
            return assembly;
        }
        finally
        {
            if (!built)
            {
                assembly.close();
            }
        }
    }

    private void build()
    {
        // 2. venue
        exchange = VenueWiring.simulatedExchange(options);
        final MarketDataFeed feed;
        final ProductCatalog catalog;
        if (exchange != null)
        {
            exchange.start();
            feed = exchange.feed(options.settings().products());
            // The simulated venues' own lists (a configuration's catalog is the same for them).
            catalog = options.catalog() != null ? options.catalog() : builtInCatalog(options);
        }
        else
        {
            catalog = options.catalog() != null ? options.catalog() : venueCatalog(options);
            feed = VenueWiring.feed(options);
        }
        // 3 and 4. core, journal, ring and outbound
        engine = new LiveEngine(catalog, options.settings(), feed, options.journalDir(), options.ringSize(),
            options.waitStrategy(), CLOCK_INTERVAL_MILLIS, VenueWiring.liveVenue(options));
        engine.journal().retention(options.retention());
        engine.snapshots(options.snapshots());
        engine.perpetualTerms(options.perpetualTerms());
        engine.orderLog().sink(options.jsonLog());
        engine.journal().diskFreeAlertRatio(options.diskAlertRatio());
        // 5. metrics
        sidecar = new LatencySidecar(1000);
        tickToDecision = trackLatencies(sidecar, engine, options.stageSampleEvery());
        // 6. HTTP
        final LiveEngine liveEngine = engine;
        final LatencySidecar latencySidecar = sidecar;
        metrics = bind("--metrics-port", () -> MetricsEndpoint.bind(
            new InetSocketAddress(options.bindInetAddress(), options.metricsPort()), liveEngine, latencySidecar));
        health = bind("--health-port", () -> HealthEndpoint.bind(
            new InetSocketAddress(options.bindInetAddress(), options.healthPort()), liveEngine));
        if (options.adminToken() != null)
        {
            health.installStatusPage(health.installAdmin(options.adminToken()), options.adminToken(), sidecar);
            adminTokenSource = options.adminTokenSource();
        }
        else
        {
            final Path journalDir = options.journalDir();
            final AdminToken adminToken = AdminToken.resolve(options.adminTokenFile(), System.getenv(),
                journalDir.resolveSibling(journalDir.getFileName() + ".admin-token"));
            health.installStatusPage(health.installAdmin(adminToken.token()), adminToken.token(), sidecar);
            adminTokenSource = adminToken.source();
        }
        // 7. journal opened
        try
        {
            engine.openJournal();
        }
        catch (final JournalException ex)
        {
            // A journal cut short is damaged data (exit 1, PeregrineCli); the rest is the folder or the settings given.
            throw ex.damaged() ? ex : new UsageException(ex.getMessage());
        }
        // 7b. live venue: the order path warmed on a scratch core (never journaled or sent), so that the first real
        // order runs compiled code rather than the interpreter (OrderPathWarmup says why)
        if (options.settings().liveVenue() && options.warmupOrders() > 0)
        {
            warmup = OrderPathWarmup.run(catalog, options.settings(), options.warmupOrders(),
                System.currentTimeMillis() * 1_000_000L);
        }
        // 8. agents started
        health.start();
        sidecar.start();
        try
        {
            engine.start();
        }
        catch (final SettingsRefusedException ex)
        {
            throw new UsageException(ex.getMessage() + "\nnothing was started");
        }
    }

    /**
     * Step 2, a run against a real venue (live or paper) whose options carry no catalog (run's configuration loads
     * it and passes it on): its catalog as its REST API lists it now, cached beside
     * the journal ({@code <journal>.<venue>-catalog}) for an offline start, which uses the copy with a warning line.
     */
    private static ProductCatalog venueCatalog(final EngineOptions options)
    {
        final Venue venue = VenueRegistry.standard().venue(options.venue());
        URI restUrl = options.restUrl();
        if (restUrl == null)
        {
            if (!venue.defaultMarketDataUrl().equals(options.marketDataUrl()))
            {
                // Market data from elsewhere (a simulated market) and no REST URL: nowhere to ask for its listing.
                System.err.println("catalog: the built-in lists (no REST URL for the market at " +
                    options.marketDataUrl() + "; set venue.rest_url to load the catalog from it)");
                return builtInCatalog(options);
            }
            restUrl = venue.defaultRestUrl();
        }
        final Path cache = dev.peregrine.ops.config.ConfiguredCatalog.cachePath(options.journalDir(), options.venue());
        try
        {
            return VenueRegistry.standard().loadCatalog(options.venue(), restUrl,
                options.settings().products(), cache, dev.peregrine.ops.config.ConfiguredCatalog.TIMEOUT, System.err::println);
        }
        catch (final IllegalStateException ex)
        {
            throw new UsageException(ex.getMessage());
        }
    }

    /**
     * The built-in lists as the run's venue sees them: its own product where two venues list a symbol (a
     * {@code binance-usdm} run's {@code BTCUSDT} is the perpetual).
     */
    private static ProductCatalog builtInCatalog(final EngineOptions options)
    {
        return options.venue() != null && VenueRegistry.standard().find(options.venue()) != null ?
            VenueRegistry.standard().catalog(options.venue()) : VenueRegistry.standard().catalog();
    }

    /** The timer's clock event period. */
    static final long CLOCK_INTERVAL_MILLIS = 1000;

    /** Has the sidecar track every latency recorder of the engine; returns the tick-to-decision series. */
    private static LatencySidecar.Series trackLatencies(final LatencySidecar sidecar, final LiveEngine engine,
        final int stageSampleEvery)
    {
        final LatencySidecar.Series tickToDecision =
            sidecar.track("tick_to_decision", engine.coreMetrics().tickToDecisionNanos, CoreMetrics.MAX_TRACKABLE_NANOS);
        sidecar.track("tick_to_order", engine.coreMetrics().tickToOrderNanos, CoreMetrics.MAX_TRACKABLE_NANOS);
        final StageLatencies stages = engine.coreMetrics().stages;
        stages.sampleEvery(stageSampleEvery);
        sidecar.trackStage("ring_wait", stages.ringWaitNanos);
        sidecar.trackStage("strategy", stages.strategyNanos);
        sidecar.trackStage("risk", stages.riskNanos);
        sidecar.trackStage("execution", stages.executionNanos);
        sidecar.trackStage("journal_append", engine.journal().appendNanos());
        for (final Map.Entry<String, org.HdrHistogram.SingleWriterRecorder> recorder : engine.feed().recorders().entrySet())
        {
            sidecar.track(recorder.getKey(), recorder.getValue(), CoreMetrics.MAX_TRACKABLE_NANOS);
        }
        // Perpetuals: the lag of the venue's marks, per product (none in a spot run).
        final dev.peregrine.core.metrics.MarkLagRecorders perpetual = engine.coreMetrics().markLags();
        final List<String> symbols = engine.core().instruments().symbols();
        for (int i = 0; i < perpetual.instrumentCount(); i++)
        {
            if (perpetual.isPerpetual(i))
            {
                sidecar.trackLabelled(LatencySidecar.MARK_LAG, "product", symbols.get(i), perpetual.markLagNanos[i]);
            }
        }
        return tickToDecision;
    }

    /**
     * Step 3: the one place ops builds a {@link TradingCore}. Every part of the core is handed to it here; the
     * core library's own assembly replaces this body once it exists.
     */
    public static TradingCore core(final EngineSettings settings, final OutputListener outputs, final CoreMetrics metrics,
        final TradingSwitch tradingSwitch)
    {
        return core(VenueRegistry.standard().catalog(), settings, outputs, metrics, tradingSwitch);
    }

    /** As {@link #core(EngineSettings, OutputListener, CoreMetrics, TradingSwitch)}, on {@code catalog}'s products. */
    public static TradingCore core(final ProductCatalog catalog, final EngineSettings settings, final OutputListener outputs,
        final CoreMetrics metrics, final TradingSwitch tradingSwitch)
    {
        return CoreAssembly.build(catalog, settings, outputs, metrics, tradingSwitch);
    }

    /** {@code replay}: the journal fed through a core built from its own settings (journal's {@link Replay}). */
    public static ReplayResult replay(final Path journal)
    {
        return Replay.run(VenueRegistry.standard().catalog(), journal);
    }

    /** {@code backtest}: market data fed through a core whose paper venue answers, journaled to {@code journalDir}. */
    public static BacktestResult backtest(final BacktestPlan plan, final Path journalDir, final BacktestProgress progress)
    {
        return Backtest.run(plan, journalDir, progress, null);
    }

    /** {@code report} (and {@code backtest --report}): the journal replayed into the report's recorder. */
    public static Report report(final Path journal, final double capital)
    {
        return ReportReplay.run(journal, capital);
    }

    /**
     * {@code sim}: the venue's simulated exchange on its own (market data, order REST API and user channel), not
     * started; no engine.
     *
     * @param venue the venue's name in the {@link dev.peregrine.gateway.venue.VenueRegistry}.
     */
    public static VenueSimulator simulator(final String venue, final SimulatorSettings settings)
    {
        return VenueWiring.simulator(venue, settings);
    }

    public EngineOptions options()
    {
        return options;
    }

    /** The simulated exchange the engine trades against; null with a real venue. */
    /** What the order path's warm-up did, or null when there was none (paper venue, or none asked for). */
    public OrderPathWarmup.Result warmup()
    {
        return warmup;
    }

    public DemoExchange exchange()
    {
        return exchange;
    }

    public LiveEngine engine()
    {
        return engine;
    }

    public LatencySidecar sidecar()
    {
        return sidecar;
    }

    /** The sidecar's tick-to-decision series, for the status line. */
    public LatencySidecar.Series tickToDecision()
    {
        return tickToDecision;
    }

    public MetricsEndpoint metrics()
    {
        return metrics;
    }

    public HealthEndpoint health()
    {
        return health;
    }

    /** Where the admin token came from, for the start-up line. */
    public String adminTokenSource()
    {
        return adminTokenSource;
    }

    /** Stops the engine (a drain: see {@link LiveEngine#stop()}), then closes the rest in reverse. Idempotent. */
    @Override
    public void close() throws InterruptedException
    {
        if (engine != null)
        {
            engine.stop();
        }
        closeQuietly(health);
        closeQuietly(metrics);
        if (sidecar != null)
        {
            sidecar.close();
        }
        closeQuietly(exchange);
    }

    private interface Binder<T>
    {
        T bind() throws IOException;
    }

    private static <T> T bind(final String option, final Binder<T> binder)
    {
        try
        {
            return binder.bind();
        }
        catch (final IOException ex)
        {
            throw new UsageException(option + ": cannot listen there: " + ex.getMessage());
        }
    }

    private static void closeQuietly(final AutoCloseable closeable)
    {
        if (closeable == null)
        {
            return;
        }
        try
        {
            closeable.close();
        }
        catch (final Exception ignored)
        {
            // Best effort on the way out: the first failure has already been reported.
        }
    }
}
