package dev.peregrine.ops.assembly;

import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.config.SettingsChangeLines;
import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.ReplayCapture;
import dev.peregrine.ops.engine.JournalFailureNotice;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.summary.RunSummary;
import dev.peregrine.ops.summary.StatusLine;
import dev.peregrine.ops.summary.SummaryLines;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * One run of the engine, the daemon's ({@code run}) and the demo's: assembled ({@link EngineAssembly}), a status
 * line a second, and at the end a summary with the digest lines. Everything that can be wrong with the user's
 * request (ports, journal folder) is checked before the engine starts, and whatever was started is stopped
 * again on every path out.
 */
public final class EngineRun
{
    private static final long READ_ALL_TIMEOUT_SECONDS = 60;

    private final EngineOptions options;
    private final PrintWriter out;
    private final GracefulShutdown shutdown;

    public EngineRun(final EngineOptions options, final PrintWriter out)
    {
        this.options = options;
        this.out = out;
        this.shutdown = new GracefulShutdown(options, out);
    }

    /** Asks a running engine to stop early (what Ctrl-C does). */
    public void requestStop()
    {
        shutdown.requestStop();
    }

    /** Runs until the duration is over, a signal comes, the replayed capture ends or the journal fails; the exit code. */
    public int execute() throws Exception
    {
        shutdown.install();
        try (EngineAssembly assembly = EngineAssembly.assemble(options))
        {
            final LiveEngine engine = assembly.engine();
            printStartup(assembly);
            final boolean replayFailed = !runUntilDone(assembly);

            // After a failed journal append no cancel-all: it could not be journaled (JournalFailureNotice).
            final boolean journalFailed = JournalFailureNotice.failed(engine);
            final boolean killedForShutdown = !journalFailed && shutdown.cancelOpenOrders(engine);
            engine.stop();
            assembly.sidecar().close();
            final JournalFailureNotice journalFailure = JournalFailureNotice.of(engine);
            if (journalFailure != null)
            {
                out.println(journalFailure.coverage());
            }
            SummaryLines.print(out, engine, assembly.sidecar());
            final boolean summaryFailed = !writeSummaryJson(assembly);
            if (journalFailure != null)
            {
                reportJournalFailure(engine, journalFailure);
                return shutdown.exitCode(ExitCodes.RUNTIME_FAILURE); // even when the failure came during a stop's own STOP
            }
            // A halt the shutdown's own STOP caused is no failure; one with a core error still is.
            final boolean haltFailed = engine.tradingSwitch().isHalted() &&
                (!killedForShutdown || engine.core().lastError() != null);
            return shutdown.exitCode(haltFailed || replayFailed || summaryFailed ? ExitCodes.RUNTIME_FAILURE : ExitCodes.OK);
        }
        finally
        {
            shutdown.finished();
        }
    }

    private void printStartup(final EngineAssembly assembly)
    {
        final LiveEngine engine = assembly.engine();
        final DemoExchange exchange = assembly.exchange();
        final ReplayCapture replay = options.replay();
        final String products = String.join(",", options.settings().products());
        if (exchange == null)
        {
            out.printf("peregrine %s: %s from %s (%s venue), journal %s%n", options.label(), products,
                engine.feed().endpoint(), options.settings().liveVenue() ? "live" : "paper", options.journalDir());
        }
        else if (replay != null)
        {
            out.printf("peregrine demo: replaying %s (speed %s) for %s on simulated exchange %s, journal %s%n",
                replay.file(), replay.speedLabel(), products, exchange.endpoint(), options.journalDir());
        }
        else
        {
            out.printf("peregrine %s: %s on simulated exchange %s, journal %s%n", options.label(), products,
                exchange.endpoint(), options.journalDir());
        }
        if (assembly.warmup() != null)
        {
            out.println(assembly.warmup().describe());
        }
        if (engine.startup().tornTailRepaired() != null)
        {
            out.println("journal: " + engine.startup().tornTailRepaired() + "; marked, appending after it");
        }
        SettingsChangeLines.print(out, engine.startup().settingsContinuation());
        if (engine.recoveredEvents() > 0)
        {
            out.printf("continuing from the journal: %,d earlier events recovered into the core%n", engine.recoveredEvents());
            out.println(engine.startup().tradingState().startupLine());
        }
        for (final String skipped : engine.startup().recovery().skipped())
        {
            out.println("recovery: " + skipped);
        }
        if (engine.recoveredEvents() > 0)
        {
            out.println("recovery: " + engine.startup().recovery().describe());
        }
        out.printf("metrics: http://%s:%d/metrics  health: http://%s:%d/health%n",
            options.bindAddress(), assembly.metrics().port(), options.bindAddress(), assembly.health().port());
        out.printf("admin: http://%s:%d/admin/ (POST pause|resume|reduce|flatten|kill, GET status|positions|orders|decisions; bearer token from %s)%n",
            options.bindAddress(), assembly.health().port(), assembly.adminTokenSource());
        out.printf("status page: http://%s:%d/ui/%n", options.bindAddress(), assembly.health().port());
        out.flush();
    }

    /** Runs until the duration is over, a signal comes or the replayed capture ends; false if the replay failed. */
    private boolean runUntilDone(final EngineAssembly assembly) throws InterruptedException
    {
        final LiveEngine engine = assembly.engine();
        final StatusLine status = new StatusLine(engine, assembly.sidecar(), assembly.tickToDecision());
        final long start = System.nanoTime();
        final long end = options.duration() == null ? Long.MAX_VALUE : start + options.duration().toNanos();
        long nextStatus = start + TimeUnit.SECONDS.toNanos(1);
        while (true)
        {
            final long now = System.nanoTime();
            // Wake at least every 50 ms so the end of a replay is noticed promptly.
            final long wait = Math.min(Math.min(nextStatus, end) - now, TimeUnit.MILLISECONDS.toNanos(50));
            if (wait > 0 && shutdown.awaitStop(wait))
            {
                out.println("stopping (signal)");
                return true;
            }
            final DemoExchange exchange = assembly.exchange();
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
            !shutdown.awaitStop(TimeUnit.MILLISECONDS.toNanos(10)))
        {
            // Bounded: a connection lost mid-replay must not hang the command.
        }
        final long seen = engine.feed().framesSeen();
        out.printf("capture ended: %,d frames replayed, %,d read by the gateway%n", sent, seen);
        out.flush();
        return seen >= sent;
    }

    /** Writes {@code --summary-json} when asked; false if it could not be written. */
    private boolean writeSummaryJson(final EngineAssembly assembly)
    {
        if (options.summaryJson() == null)
        {
            return true;
        }
        boolean written = true;
        try
        {
            RunSummary.write(options.summaryJson(),
                RunSummary.toJson(assembly.engine(), options.replay(), assembly.exchange().framesReplayed()));
            out.println("summary: " + options.summaryJson());
        }
        catch (final IOException | RuntimeException ex)
        {
            out.println("summary: cannot write " + options.summaryJson() + ": " + ex);
            written = false;
        }
        out.flush();
        return written;
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
        if (options.jsonLog() != null)
        {
            options.jsonLog().write(notice.jsonLine(openOrders));
        }
        out.println(notice.line());
        out.flush();
    }
}
