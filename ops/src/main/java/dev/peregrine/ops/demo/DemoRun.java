package dev.peregrine.ops.demo;

import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.MarketDataFeed;
import dev.peregrine.gateway.venue.ReplayCapture;
import dev.peregrine.gateway.venue.VenueRegistry;
import com.lmax.disruptor.WaitStrategy;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.journal.JournalException;
import dev.peregrine.journal.statistics.StatisticsLines;
import dev.peregrine.journal.snapshot.SnapshotPolicy;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.cli.UsageException;
import dev.peregrine.ops.config.SettingsChangeLines;
import dev.peregrine.ops.engine.JournalFailureNotice;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.engine.WaitStrategies;
import dev.peregrine.ops.http.AdminToken;
import dev.peregrine.ops.http.HealthEndpoint;
import dev.peregrine.ops.http.MetricsEndpoint;
import dev.peregrine.ops.metrics.LatencySidecar;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One demo run: simulated exchange, live engine, metrics and health endpoints, a status line a
 * second, and a summary with the digest lines at the end. Everything that can be wrong with the
 * user's request (ports, journal folder) is checked before the engine starts, and whatever was
 * started is stopped again on every path out.
 */
public final class DemoRun
{
    private static final long CLOCK_INTERVAL_MILLIS = 1000;
    private static final long READ_ALL_TIMEOUT_SECONDS = 60;

    private final DemoOptions options;
    private final PrintWriter out;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    /** What {@code peregrine run} changes; the demo's own behaviour when not set. */
    private DaemonMode daemon;
    /** JSON lines of order events and the engine's lifecycle ({@code run}, {@code demo --log-orders}); null for none. */
    private dev.peregrine.ops.logging.JsonLog jsonLog;
    private SnapshotPolicy snapshots = SnapshotPolicy.DEFAULT;
    /** The code {@link #execute} returns, for a shutdown hook that ends the JVM with it. */
    private volatile int exitCode = ExitCodes.RUNTIME_FAILURE;

    public DemoRun(final DemoOptions options, final PrintWriter out)
    {
        this.options = options;
        this.out = out;
    }

    /**
     * How {@code peregrine run} differs from the demo: its own market-data feed (a real venue) or none (the
     * simulated exchange), an optional live venue, the admin token from the configuration, and shutdown.
     *
     * @param label            the command name in the start-up line.
     * @param feed             market data from a real venue, or null to start the simulated exchange.
     * @param liveVenue        where orders go on the live profile, or null for the paper venue.
     * @param adminToken       the configured token, or null for the demo's resolution (file, variable, generated).
     * @param shutdownTimeout  how long a SIGTERM may take before the JVM is halted regardless.
     * @param cancelOnShutdown publish STOP (cancel every open order, like a kill, but the next start trades again)
     *                         through the ring before stopping.
     */
    public record DaemonMode(String label, MarketDataFeed feed,
        LiveVenue liveVenue, String adminToken, String adminTokenSource,
        java.time.Duration shutdownTimeout, boolean cancelOnShutdown)
    {
    }

    public DemoRun daemon(final DaemonMode mode)
    {
        this.daemon = mode;
        return this;
    }

    /** Writes the order log and the engine's lifecycle as JSON lines to {@code log} (see ops README, "Logs"). */
    public DemoRun jsonLog(final dev.peregrine.ops.logging.JsonLog log)
    {
        this.jsonLog = log;
        return this;
    }

    /** When the engine snapshots its state (default {@link SnapshotPolicy#DEFAULT}). */
    public DemoRun snapshots(final SnapshotPolicy policy)
    {
        this.snapshots = policy;
        return this;
    }

    /** Asks a running demo to stop early (what Ctrl-C does). */
    public void requestStop()
    {
        stopSignal.countDown();
    }

    public int execute() throws Exception
    {
        final WaitStrategy waitStrategy;
        final InetAddress bindAddress;
        try
        {
            waitStrategy = WaitStrategies.byName(options.waitStrategy());
            bindAddress = InetAddress.getByName(options.bindAddress());
        }
        catch (final IllegalArgumentException | UnknownHostException ex)
        {
            throw new UsageException(ex.getMessage());
        }

        DemoExchange exchange = null;
        LatencySidecar sidecar = null;
        MetricsEndpoint metrics = null;
        HealthEndpoint health = null;
        LiveEngine engine = null;
        final Thread hook = new Thread(this::onShutdownSignal, "peregrine-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try
        {
            // The exchange's address is only known once it listens, but the engine needs it: bind the
            // exchange first (loopback, any free port), then everything the user configured.
            final ReplayCapture replay = options.replay();
            final List<String> products = options.settings().products();
            if (daemon != null && daemon.feed() != null)
            {
                exchange = null;
            }
            else if (replay != null)
            {
                exchange = replay.serve();
            }
            else
            {
                exchange = VenueRegistry.standard().venue(options.venue())
                    .generated(products, options.seed(), options.tradesPerSecond());
            }
            if (exchange != null)
            {
                exchange.start();
            }

            engine = new LiveEngine(options.settings(), exchange != null ? exchange.feed(products) : daemon.feed(),
                options.journalDir(), options.ringSize(), waitStrategy, CLOCK_INTERVAL_MILLIS,
                daemon == null ? null : daemon.liveVenue());
            engine.retention(options.retention());
            engine.snapshots(snapshots);
            engine.orderLog().sink(jsonLog);
            engine.journalDiskFreeAlertRatio(options.diskAlertRatio());
            sidecar = new LatencySidecar(1000, engine.agentErrors());
            final LatencySidecar.Series tickToDecision =
                sidecar.track("tick_to_decision", engine.coreMetrics().tickToDecisionNanos, CoreMetrics.MAX_TRACKABLE_NANOS);
            sidecar.track("tick_to_order", engine.coreMetrics().tickToOrderNanos, CoreMetrics.MAX_TRACKABLE_NANOS);
            final dev.peregrine.core.metrics.StageLatencies stages = engine.coreMetrics().stages;
            stages.sampleEvery(options.stageSampleEvery());
            sidecar.trackStage("ring_wait", stages.ringWaitNanos);
            sidecar.trackStage("strategy", stages.strategyNanos);
            sidecar.trackStage("risk", stages.riskNanos);
            sidecar.trackStage("execution", stages.executionNanos);
            sidecar.trackStage("journal_append", engine.journalAppendNanos());
            for (final java.util.Map.Entry<String, org.HdrHistogram.SingleWriterRecorder> recorder :
                engine.feed().recorders().entrySet())
            {
                sidecar.track(recorder.getKey(), recorder.getValue(), CoreMetrics.MAX_TRACKABLE_NANOS);
            }

            final LiveEngine liveEngine = engine;
            final LatencySidecar latencySidecar = sidecar;
            metrics = bind("--metrics-port", () -> MetricsEndpoint.bind(
                new InetSocketAddress(bindAddress, options.metricsPort()), liveEngine, latencySidecar));
            health = bind("--health-port", () -> HealthEndpoint.bind(
                new InetSocketAddress(bindAddress, options.healthPort()), liveEngine));
            final String adminTokenSource;
            if (daemon != null && daemon.adminToken() != null)
            {
                health.installAdmin(daemon.adminToken());
                adminTokenSource = daemon.adminTokenSource();
            }
            else
            {
                final AdminToken adminToken = AdminToken.resolve(options.adminTokenFile(), System.getenv(),
                    options.journalDir().resolveSibling(options.journalDir().getFileName() + ".admin-token"));
                health.installAdmin(adminToken.token());
                adminTokenSource = adminToken.source();
            }
            try
            {
                engine.openJournal();
            }
            catch (final JournalException ex)
            {
                // A journal cut short is damaged data (exit 1, PeregrineCli); the rest is the folder or the settings given.
                throw ex.damaged() ? ex : new UsageException(ex.getMessage());
            }

            health.start();
            sidecar.start();
            try
            {
                engine.start();
            }
            catch (final dev.peregrine.journal.SettingsRefusedException ex)
            {
                throw new UsageException(ex.getMessage() + "\nnothing was started");
            }
            final String label = daemon == null ? "demo" : daemon.label();
            if (exchange == null)
            {
                out.printf("peregrine %s: %s from %s (%s venue), journal %s%n", label,
                    String.join(",", options.settings().products()), engine.feed().endpoint(),
                    options.settings().liveVenue() ? "live" : "paper", options.journalDir());
            }
            else if (replay != null)
            {
                out.printf("peregrine demo: replaying %s (speed %s) for %s on simulated exchange %s, journal %s%n",
                    replay.file(), replay.speedLabel(), String.join(",", options.settings().products()), exchange.endpoint(),
                    options.journalDir());
            }
            else
            {
                out.printf("peregrine %s: %s on simulated exchange %s, journal %s%n", label,
                    String.join(",", options.settings().products()), exchange.endpoint(), options.journalDir());
            }
            if (engine.tornTailRepaired() != null)
            {
                out.println("journal: " + engine.tornTailRepaired() + "; marked, appending after it");
            }
            SettingsChangeLines.print(out, engine.settingsContinuation());
            if (engine.recoveredEvents() > 0)
            {
                out.printf("continuing from the journal: %,d earlier events recovered into the core%n",
                    engine.recoveredEvents());
                out.println(engine.startupTradingState().startupLine());
            }
            for (final String skipped : engine.recovery().skipped())
            {
                out.println("recovery: " + skipped);
            }
            if (engine.recoveredEvents() > 0)
            {
                out.println("recovery: " + engine.recovery().describe());
            }
            out.printf("metrics: http://%s:%d/metrics  health: http://%s:%d/health%n",
                options.bindAddress(), metrics.port(), options.bindAddress(), health.port());
            out.printf("admin: http://%s:%d/admin/ (POST pause|resume|reduce|flatten|kill, GET status|positions|orders|decisions; bearer token from %s)%n",
                options.bindAddress(), health.port(), adminTokenSource);
            out.flush();

            final boolean replayFailed = !runUntilDone(engine, sidecar, tickToDecision, exchange);

            // After a failed journal append no cancel-all: it could not be journaled (JournalFailureNotice).
            final boolean journalFailed = JournalFailureNotice.failed(engine);
            final boolean killedForShutdown = !journalFailed && cancelOpenOrders(engine);
            engine.stop();
            sidecar.close();
            final JournalFailureNotice journalFailure = JournalFailureNotice.of(engine);
            if (journalFailure != null)
            {
                out.println(journalFailure.coverage());
            }
            printSummary(engine, sidecar);
            boolean summaryFailed = false;
            if (options.summaryJson() != null)
            {
                try
                {
                    RunSummary.write(options.summaryJson(),
                        RunSummary.toJson(engine, replay, exchange.framesReplayed()));
                    out.println("summary: " + options.summaryJson());
                }
                catch (final IOException | RuntimeException ex)
                {
                    out.println("summary: cannot write " + options.summaryJson() + ": " + ex);
                    summaryFailed = true;
                }
                out.flush();
            }
            if (journalFailure != null)
            {
                reportJournalFailure(engine, journalFailure);
                exitCode = ExitCodes.RUNTIME_FAILURE; // even when the failure came during a stop's own STOP
                return exitCode;
            }
            // A halt the shutdown's own STOP caused is no failure; one with a core error still is.
            final boolean haltFailed = engine.tradingSwitch().isHalted() &&
                (!killedForShutdown || engine.core().lastError() != null);
            exitCode = haltFailed || replayFailed || summaryFailed ? ExitCodes.RUNTIME_FAILURE : ExitCodes.OK;
            return exitCode;
        }
        finally
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
            finished.countDown();
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException shutdownInProgress)
            {
                // The JVM is already shutting down (Ctrl-C); the hook waits for 'finished' instead.
            }
        }
    }

    /** Runs until the duration is over, a signal comes or the replayed capture ends; false if the replay failed. */
    private boolean runUntilDone(final LiveEngine engine, final LatencySidecar sidecar,
        final LatencySidecar.Series tickToDecision, final DemoExchange exchange) throws InterruptedException
    {
        final StatusLine status = new StatusLine(engine, sidecar, tickToDecision);
        final long start = System.nanoTime();
        final long end = options.duration() == null ? Long.MAX_VALUE : start + options.duration().toNanos();
        long nextStatus = start + TimeUnit.SECONDS.toNanos(1);
        while (true)
        {
            final long now = System.nanoTime();
            // Wake at least every 50 ms so the end of a replay is noticed promptly.
            final long wait = Math.min(Math.min(nextStatus, end) - now, TimeUnit.MILLISECONDS.toNanos(50));
            if (wait > 0 && stopSignal.await(wait, TimeUnit.NANOSECONDS))
            {
                out.println("stopping (signal)");
                return true;
            }
            if (options.replay() != null && (exchange.finished() || exchange.failure() != null))
            {
                return replayEnded(engine, exchange);
            }
            if (System.nanoTime() >= end)
            {
                return true;
            }
            if (JournalFailureNotice.failed(engine))
            {
                out.println("stopping (the journal failed: the core takes no more inputs)");
                return true;
            }
            if (System.nanoTime() < nextStatus)
            {
                continue;
            }
            out.println(status.next(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
            out.flush();
            nextStatus += TimeUnit.SECONDS.toNanos(1);
        }
    }

    /** The last lines of a run whose journal failed: the open orders at a live venue, then the one clear line. */
    private void reportJournalFailure(final LiveEngine engine, final JournalFailureNotice notice)
    {
        final int openOrders = engine.orderLog().openOrders().size();
        final String live = notice.liveOrders(openOrders);
        if (live != null)
        {
            out.println(live);
        }
        if (jsonLog != null)
        {
            jsonLog.write(notice.jsonLine(openOrders));
        }
        out.println(notice.line());
        out.flush();
    }

    /**
     * The simulator has written the last recorded frame; the run may stop once the gateway has read them
     * all (then {@link LiveEngine#stop()} drains the ring, so the core sees every event they carried).
     */
    private boolean replayEnded(final LiveEngine engine, final DemoExchange exchange) throws InterruptedException
    {
        final String failure = exchange.failure();
        if (failure != null)
        {
            out.println("replay failed: " + failure);
            return false;
        }
        final long sent = exchange.framesReplayed();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READ_ALL_TIMEOUT_SECONDS);
        while (engine.feed().framesSeen() < sent && System.nanoTime() < deadline &&
            !stopSignal.await(10, TimeUnit.MILLISECONDS))
        {
            // Bounded: a connection lost mid-replay must not hang the command.
        }
        final long seen = engine.feed().framesSeen();
        out.printf("capture ended: %,d frames replayed, %,d read by the gateway%n", sent, seen);
        out.flush();
        return seen >= sent;
    }


    /**
     * {@code shutdown.cancel_open_orders}: STOP through the ring while market data still flows (the paper
     * venue needs later events to complete its cancels), then a bounded wait for the cancels to go out.
     * STOP halts and cancels like a kill, but it is not an operator's kill: the next start on this journal
     * publishes START and trades in the state from before the stop. True when the STOP was published, so
     * the halt it causes is not reported as a failure.
     */
    private boolean cancelOpenOrders(final LiveEngine engine) throws InterruptedException
    {
        if (daemon == null || !daemon.cancelOnShutdown())
        {
            return false;
        }
        final LiveEngine.CommandPublication published = engine.publishCommand(dev.peregrine.core.event.CommandCode.STOP);
        if (published != LiveEngine.CommandPublication.ACCEPTED)
        {
            out.println("shutdown: could not publish the cancel-all command (" + published + ")");
            return false;
        }
        final long waitMillis = Math.min(2_000, daemon.shutdownTimeout().toMillis() / 4);
        Thread.sleep(waitMillis / 2); // paper cancels complete in event time: let the next events arrive
        final boolean idle = engine.awaitIdle(waitMillis / 2, TimeUnit.MILLISECONDS);
        out.println("shutdown: open orders cancelled; the next start on this journal trades in the state from before the stop" +
            (idle ? "" : "; the ring was still busy after the wait"));
        return true;
    }

    private void onShutdownSignal()
    {
        stopSignal.countDown();
        final long bound = daemon == null ? 45_000 : daemon.shutdownTimeout().toMillis();
        boolean done = false;
        try
        {
            done = finished.await(bound, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (daemon != null)
        {
            // A SIGTERM makes the JVM exit with 143 whatever main returns; halting from the hook once the
            // run has finished (journal closed, summary printed) makes the exit code the run's own.
            if (!done)
            {
                out.println("shutdown: not finished within " + daemon.shutdownTimeout().toMillis() + " ms; halting");
            }
            out.flush();
            System.out.flush();
            Runtime.getRuntime().halt(done ? exitCode : ExitCodes.RUNTIME_FAILURE);
        }
    }

    /**
     * {@code market data dropped as impossible: 8 (out_of_range 4, outside_band 3, crossed_quote 1)}, from the
     * counters {@code /metrics} exports; null when nothing was dropped.
     */
    static String marketDataDropped(final CoreMetrics m)
    {
        long total = 0;
        final StringBuilder reasons = new StringBuilder();
        for (final dev.peregrine.core.market.ImplausibleReason reason : dev.peregrine.core.market.ImplausibleReason.values())
        {
            final long count = m.marketDataDropped[reason.ordinal()].get();
            if (count > 0)
            {
                total += count;
                reasons.append(reasons.length() == 0 ? "" : ", ").append(reason.label()).append(' ').append(count);
            }
        }
        return total == 0 ? null : String.format(Locale.ROOT,
            "market data dropped as impossible: %,d (%s); never traded on (risk.market_data)", total, reasons);
    }

    private void printSummary(final LiveEngine engine, final LatencySidecar sidecar)
    {
        final CoreMetrics m = engine.coreMetrics();
        final PositionBook positions = engine.core().positions();
        final List<String> products = engine.settings().products();
        out.println("--- summary ---");
        out.printf(Locale.ROOT, "events %,d (trades %,d live + %,d snapshot, quotes %,d, clocks %,d); journal %,d events in %s%n",
            m.events.get(), m.trades.get(), m.snapshotTrades.get(), m.quotes.get(), m.clocks.get(), engine.journalEvents(),
            engine.journalDir());
        final StringBuilder rejects = new StringBuilder();
        for (final RejectReason reason : RejectReason.values())
        {
            final long count = m.rejects[reason.ordinal()].get();
            if (count > 0)
            {
                rejects.append(rejects.length() == 0 ? " (" : ", ").append(reason.label()).append(' ').append(count);
            }
        }
        if (rejects.length() > 0)
        {
            rejects.append(')');
        }
        out.printf(Locale.ROOT, "orders %d, fills %d, cancels %d, rejects %d%s, released after journaling %d%n",
            m.orders.get(), m.fills.get(), m.cancels.get(), m.totalRejects(), rejects, m.ordersReleased.get());
        final String dropped = marketDataDropped(m);
        if (dropped != null)
        {
            out.println(dropped);
        }
        for (int i = 0; i < products.size(); i++)
        {
            out.printf(Locale.ROOT, "position %s %s (avg %.2f), realized before fees %+.2f, fees %.2f, unrealized %+.2f%n",
                products.get(i), FixedPoint.toString(positions.quantity(i)), positions.averagePrice(i),
                positions.realizedPnl(i), positions.fees(i), positions.unrealizedPnl(i, engine.core().market().markPrice(i)));
        }
        engine.finalPnlTable().lines().forEach(out::println);
        StatisticsLines.of(engine.finalStatistics()).forEach(out::println);
        out.printf(Locale.ROOT, "pnl total %+.2f (realized %+.2f after %.2f fees, unrealized %+.2f)%n",
            positions.totalRealizedPnl() + engine.core().totalUnrealizedPnl(), positions.totalRealizedPnl(),
            positions.totalFees(), engine.core().totalUnrealizedPnl());
        for (final LatencySidecar.Series s : sidecar.series())
        {
            out.printf(Locale.ROOT, "%s: p50 %s p99 %s p99.9 %s max %s%n", s.displayName().replace('_', '-'),
                StatusLine.micros(sidecar.cumulativePercentile(s, 50)),
                StatusLine.micros(sidecar.cumulativePercentile(s, 99)),
                StatusLine.micros(sidecar.cumulativePercentile(s, 99.9)),
                StatusLine.micros(sidecar.cumulativePercentile(s, 100)));
        }
        if (engine.tradingSwitch().isHalted())
        {
            out.println("trading HALTED: " + engine.tradingSwitch().reason());
        }
        printFailure("core error (trading halted)", engine.core().lastError());
        for (int i = 0; i < engine.core().strategies().count(); i++)
        {
            final dev.peregrine.core.strategy.StrategyRunner runner = engine.core().strategies().get(i);
            printFailure("strategy '" + runner.name() + "' DISABLED, its orders cancelled, after", runner.failure());
        }
        out.println(engine.settings().paperVenue().describe());
        out.println("output-digest: " + engine.outputDigestHex());
        out.println("state-hash: " + engine.stateHashHex());
        out.println("replay it: ./peregrine replay --journal " + engine.journalDir());
        out.flush();
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

    /** An exception the core contained, with its stack: printed here, never on the core thread. */
    private void printFailure(final String what, final Throwable failure)
    {
        if (failure != null)
        {
            out.println(what + ": " + failure);
            final java.io.StringWriter trace = new java.io.StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            out.print(trace);
        }
    }
}
