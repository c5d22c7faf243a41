package dev.peregrine.bench.cluster;

import dev.peregrine.cluster.ClusterIngress;
import dev.peregrine.core.event.InboundEvent;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One failover on a fresh three-member cluster, as {@code LeaderFailoverTest} does it: {@code before} events applied
 * everywhere, the leader stopped ({@code close()}: its container, consensus module, archive and driver), and the client
 * goes on offering the stream at a steady pace (one event per {@code intervalNanos}, a modest feed). Measured from the
 * moment the stop begins:
 * <ul>
 *   <li><b>elected</b>: a survivor's service is told it leads (polled every 0.1 ms by a watcher thread);</li>
 *   <li><b>committed</b>: the new leader applied its first event offered after the stop (the service applies only
 *   committed entries, so the stream flows again; timestamped on the service thread).</li>
 * </ul>
 * Events offered to the dead leader before the client heard of the new one are lost (the ingress does not resend
 * yet: cluster README, "Not done yet"); their count is reported beside the times.
 */
final class FailoverTrial
{
    /** What one trial measured; times in nanoseconds from the start of the stop. */
    record Result(int oldLeader, int newLeader, long stopNanos, long electedNanos, long committedNanos,
        long offeredBeforeCommit, long lost)
    {
        String row(final int trial)
        {
            return String.format(Locale.ROOT, "trial %d: leader %d stopped (close took %.1f ms); member %d elected after " +
                    "%.1f ms; first event committed through it after %.1f ms; %d events offered before that, %d lost",
                trial, oldLeader, stopNanos / 1e6, newLeader, electedNanos / 1e6, committedNanos / 1e6,
                offeredBeforeCommit, lost);
        }
    }

    private static final long TRIAL_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);

    private FailoverTrial()
    {
    }

    static Result run(final List<InboundEvent> events, final int before, final int portBase,
        final long heartbeatTimeoutNs, final long intervalNanos, final ClusterIdle idle) throws Exception
    {
        try (BenchCluster cluster = new BenchCluster(3, portBase, heartbeatTimeoutNs, events.size(), idle))
        {
            cluster.start();
            final ClusterIngress ingress = cluster.ingress();
            for (int i = 0; i < before; i++)
            {
                ingress.offer(events.get(i), BenchCluster.OFFER_TIMEOUT_NS);
            }
            cluster.awaitAppliedEverywhere(before);
            final int oldLeader = cluster.leader();
            final RoleWatcher watcher = new RoleWatcher(cluster, oldLeader);
            watcher.start();
            try
            {
                final long stopAt = System.nanoTime();
                cluster.stop(oldLeader);
                final long stopped = System.nanoTime() - stopAt;

                int next = before;
                long due = System.nanoTime();
                int committedBy = -1;
                while (committedBy < 0)
                {
                    if (System.nanoTime() - stopAt > TRIAL_TIMEOUT_NS)
                    {
                        throw new IllegalStateException("no event committed " + TRIAL_TIMEOUT_NS / 1_000_000_000L +
                            " s after the leader stopped; applied " + cluster.applied());
                    }
                    if (next == events.size())
                    {
                        throw new IllegalStateException("the stream ran out (" + events.size() + " events) before the " +
                            "new leader committed one: give the trial more events");
                    }
                    ingress.offer(events.get(next++), BenchCluster.OFFER_TIMEOUT_NS);
                    committedBy = survivorPast(cluster, oldLeader, before);
                    due += intervalNanos;
                    final long wait = due - System.nanoTime();
                    if (wait > 0)
                    {
                        LockSupport.parkNanos(wait);
                    }
                }
                final long offeredBeforeCommit = next - before;
                final int newLeader = watcher.awaitLeader(TRIAL_TIMEOUT_NS);
                // A follower may apply the entry before the leader does; the time is taken on the new leader.
                final AppliedTimes leaderTimes = cluster.times(newLeader);
                AppliedWait.await(leaderTimes::applied, before + 1, BenchCluster.OFFER_TIMEOUT_NS, "new leader");
                final long committedNanos = leaderTimes.appliedAt(before) - stopAt;

                // The loss: wait until the last event offered is applied on the new leader, then count the gap.
                final long lastOffered = next - 1;
                cluster.await("the last offered event on the new leader",
                    () -> leaderTimes.applied() > before && leaderTimes.lastVenueSequence() == lastOffered);
                final long appliedAfterStop = leaderTimes.applied() - before;
                return new Result(oldLeader, newLeader, stopped, watcher.electedAt() - stopAt, committedNanos,
                    offeredBeforeCommit, (next - before) - appliedAfterStop);
            }
            finally
            {
                watcher.interrupt();
                watcher.join(1_000);
            }
        }
    }

    /** A survivor that applied more than {@code before} events, or -1. */
    private static int survivorPast(final BenchCluster cluster, final int stopped, final long before)
    {
        for (int i = 0; i < cluster.size(); i++)
        {
            if (i != stopped && cluster.service(i).appliedEvents() > before)
            {
                return i;
            }
        }
        return -1;
    }

    /** Polls the survivors' roles every 0.1 ms; the first to lead, and when. */
    private static final class RoleWatcher extends Thread
    {
        private final BenchCluster cluster;
        private final int stopped;
        private volatile int leader = -1;
        private volatile long electedAt;

        RoleWatcher(final BenchCluster cluster, final int stopped)
        {
            super("cluster-bench-role-watcher");
            setDaemon(true);
            this.cluster = cluster;
            this.stopped = stopped;
        }

        @Override
        public void run()
        {
            while (!isInterrupted())
            {
                for (int i = 0; i < cluster.size(); i++)
                {
                    if (i != stopped && cluster.service(i).role() == io.aeron.cluster.service.Cluster.Role.LEADER)
                    {
                        electedAt = System.nanoTime();
                        leader = i;
                        return;
                    }
                }
                LockSupport.parkNanos(100_000);
            }
        }

        int awaitLeader(final long timeoutNanos) throws InterruptedException
        {
            join(TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
            if (leader < 0)
            {
                throw new IllegalStateException("no survivor was told it leads within " +
                    TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
            }
            return leader;
        }

        long electedAt()
        {
            return electedAt;
        }
    }
}
