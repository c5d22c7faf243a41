package dev.peregrine.ops.assembly;

import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.shaded.agrona.concurrent.ShutdownSignalBarrier;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM and SIGINT in a process that runs a cluster member. Aeron's contexts load Agrona's
 * {@link ShutdownSignalBarrier}, whose class initializer takes SIGINT and SIGTERM over: the JVM's own handlers, and
 * with them its shutdown hooks ({@link GracefulShutdown}), no longer run. So a member's run waits on a barrier of its
 * own, made before the member starts, and the process answers a signal the same way from its first line on. Once
 * signalled, the run has {@code shutdown.timeout} to finish; past it the process halts with a failure, as a single
 * node's does.
 */
final class ClusterSignal implements AutoCloseable
{
    private final ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
    private final CountDownLatch signalled = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    ClusterSignal(final Duration bound, final PrintWriter out)
    {
        final Thread watcher = new Thread(() ->
        {
            barrier.await();
            signalled.countDown();
            try
            {
                if (!finished.await(bound.toMillis(), TimeUnit.MILLISECONDS))
                {
                    out.println("shutdown: not finished within " + bound.toMillis() + " ms; halting");
                    out.flush();
                    Runtime.getRuntime().halt(ExitCodes.RUNTIME_FAILURE);
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, "peregrine-cluster-signal");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Waits at most {@code nanos} for a signal (or {@link #requestStop()}); true if one came. */
    boolean awaitStop(final long nanos) throws InterruptedException
    {
        return signalled.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops the run as a signal would (in-process callers). */
    void requestStop()
    {
        signalled.countDown();
    }

    /** The run has finished: the watcher's bound no longer applies. */
    @Override
    public void close()
    {
        finished.countDown();
        barrier.remove();
    }
}
