package dev.peregrine.ops.assembly;

import dev.peregrine.core.event.CommandCode;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.engine.CommandPublication;
import dev.peregrine.ops.engine.LiveEngine;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a run ends on a signal (SIGTERM, Ctrl-C): the JVM's shutdown hook asks the run to stop and waits for it
 * to finish (journal closed, summary printed). A daemon then halts the JVM with the run's own exit code
 * (a SIGTERM would make it 143), or with a failure once {@link EngineOptions#shutdownTimeout()} has passed;
 * it may first cancel every open order ({@link #cancelOpenOrders}).
 */
final class GracefulShutdown
{
    /** How long the demo's hook waits for the run to finish. */
    private static final long DEMO_BOUND_MILLIS = 45_000;

    private final EngineOptions options;
    private final PrintWriter out;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "peregrine-shutdown");
    /** The code the run returns, for a hook that ends the JVM with it. */
    private volatile int exitCode = ExitCodes.RUNTIME_FAILURE;

    GracefulShutdown(final EngineOptions options, final PrintWriter out)
    {
        this.options = options;
        this.out = out;
    }

    void install()
    {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The run has finished: a waiting hook may end the JVM; a later signal needs no hook. */
    void finished()
    {
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

    /** Asks the run to stop early (what a signal does). */
    void requestStop()
    {
        stopSignal.countDown();
    }

    /** Waits at most {@code nanos} for a stop request; true if one came. */
    boolean awaitStop(final long nanos) throws InterruptedException
    {
        return stopSignal.await(nanos, TimeUnit.NANOSECONDS);
    }

    int exitCode(final int code)
    {
        exitCode = code;
        return code;
    }

    /**
     * {@code shutdown.cancel_open_orders}: STOP through the ring while market data still flows (the paper
     * venue needs later events to complete its cancels), then a bounded wait for the cancels to go out.
     * STOP halts and cancels like a kill, but it is not an operator's kill: the next start on this journal
     * publishes START and trades in the state from before the stop. True when the STOP was published, so
     * the halt it causes is not reported as a failure.
     */
    boolean cancelOpenOrders(final LiveEngine engine) throws InterruptedException
    {
        if (!options.isDaemon() || !options.cancelOpenOrdersOnShutdown())
        {
            return false;
        }
        final CommandPublication published = engine.publishCommand(CommandCode.STOP);
        if (published != CommandPublication.ACCEPTED)
        {
            out.println("shutdown: could not publish the cancel-all command (" + published + ")");
            return false;
        }
        final long waitMillis = Math.min(2_000, options.shutdownTimeout().toMillis() / 4);
        Thread.sleep(waitMillis / 2); // paper cancels complete in event time: let the next events arrive
        final boolean idle = engine.awaitIdle(waitMillis / 2, TimeUnit.MILLISECONDS);
        out.println("shutdown: open orders cancelled; the next start on this journal trades in the state from before the stop" +
            (idle ? "" : "; the ring was still busy after the wait"));
        return true;
    }

    private void onSignal()
    {
        stopSignal.countDown();
        final long bound = options.isDaemon() ? options.shutdownTimeout().toMillis() : DEMO_BOUND_MILLIS;
        boolean done = false;
        try
        {
            done = finished.await(bound, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (options.isDaemon())
        {
            // A SIGTERM makes the JVM exit with 143 whatever main returns; halting from the hook once the
            // run has finished (journal closed, summary printed) makes the exit code the run's own.
            if (!done)
            {
                out.println("shutdown: not finished within " + options.shutdownTimeout().toMillis() + " ms; halting");
            }
            out.flush();
            System.out.flush();
            Runtime.getRuntime().halt(done ? exitCode : ExitCodes.RUNTIME_FAILURE);
        }
    }
}
