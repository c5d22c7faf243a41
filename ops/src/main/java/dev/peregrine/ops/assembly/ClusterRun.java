package dev.peregrine.ops.assembly;

import dev.peregrine.cluster.ClusterMembers;
import dev.peregrine.cluster.ClusterStatus;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.config.ClusterConfig;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code run} with a {@code cluster:} section: one member ({@link ClusterMember}) until SIGTERM. Start-up lines name
 * the member, the topology and the ports; a line for each leadership change the member sees (and the member's own
 * lines: leading, reconciling, no longer leading); on SIGTERM the member closes, and once its core is quiet, the
 * {@code state-hash:} and {@code applied-events:} lines that every member of a quiet cluster prints alike. A member
 * stopping does not stop trading: the others elect a leader, so no cancel-all is sent.
 */
public final class ClusterRun
{
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final EngineOptions options;
    private final ClusterConfig cluster;
    private final PrintWriter out;
    private final ClusterSignal signal;

    public ClusterRun(final EngineOptions options, final ClusterConfig cluster, final PrintWriter out)
    {
        this.options = options;
        this.cluster = cluster;
        this.out = out;
        // Before the member starts: from then on Aeron owns SIGTERM (ClusterSignal says why).
        this.signal = new ClusterSignal(options.isDaemon() ? options.shutdownTimeout() : Duration.ofSeconds(30), out);
    }

    /** Asks the running member to stop, as SIGTERM does. */
    public void requestStop()
    {
        signal.requestStop();
    }

    /** Runs the member until a signal comes; the exit code. */
    public int execute() throws InterruptedException
    {
        try (signal)
        {
            printTopology();
            final ClusterMember member = ClusterMember.start(options, cluster, this::line);
            try
            {
                printEndpoints(member);
                followLeadership(member);
            }
            finally
            {
                member.close();
            }
            printFinalLines(member);
            return ExitCodes.OK;
        }
    }

    private void printTopology()
    {
        final ClusterMembers members = cluster.members();
        final List<String> each = new ArrayList<>();
        for (int i = 0; i < members.size(); i++)
        {
            final int first = ClusterConfig.firstPort(members, i);
            each.add(i + "=" + members.hosts().get(i) + ":" + first + "-" + (first + ClusterConfig.PORTS_USED - 1));
        }
        out.printf("peregrine run: cluster member %d of %d (%s), %s, %s venue%n", cluster.memberId(), members.size(),
            String.join(" ", each), String.join(",", options.settings().products()),
            options.settings().liveVenue() ? "live" : "paper");
        out.printf("cluster: member folder %s (kept across restarts), media driver %s, leader heartbeat timeout %d ms, " +
            "clock every %d ms%n", cluster.memberDir(), cluster.memberAeronDir(), cluster.leaderHeartbeatTimeout().toMillis(),
            cluster.clockInterval().toMillis());
        if (!cluster.ignored().isEmpty())
        {
            out.println("cluster: ignored by a cluster member: " + String.join(", ", cluster.ignored()));
        }
        cluster.ephemeralPortWarning().ifPresent(warning -> out.println("cluster: warning: " + warning));
        out.flush();
    }

    private void printEndpoints(final ClusterMember member)
    {
        out.printf("metrics: http://%s:%d/metrics  health: http://%s:%d/health%n",
            options.bindAddress(), member.metricsPort(), options.bindAddress(), member.healthPort());
        out.printf("admin: http://%s:%d/admin/ (POST pause|resume|reduce|flatten|kill, put on the cluster's log; GET status; " +
            "bearer token from %s)%n", options.bindAddress(), member.healthPort(), member.adminTokenSource());
        out.flush();
    }

    /** A line each time the member sees a new leader or term, until a signal comes. */
    private void followLeadership(final ClusterMember member) throws InterruptedException
    {
        int leader = -1;
        long term = Long.MIN_VALUE;
        while (!signal.awaitStop(POLL_NANOS))
        {
            final ClusterStatus status = member.status();
            if (status.leaderMemberId() >= 0 && (status.leaderMemberId() != leader || status.leadershipTermId() != term))
            {
                leader = status.leaderMemberId();
                term = status.leadershipTermId();
                line("term " + term + ": leader is member " + leader + " (this member, " + status.memberId() + ", is " +
                    status.role() + ")");
            }
        }
        line("stopping (signal): the other members go on; this member's log and snapshots stay in " + cluster.memberDir());
    }

    /** After close: the service thread has stopped, so the core is quiet and its hash final ({@link ClusterMember#close()}). */
    private void printFinalLines(final ClusterMember member)
    {
        final ClusterStatus status = member.status();
        out.println("applied-events: " + status.appliedEvents());
        out.println("state-hash: " + status.stateHash());
        out.println("orders-sent: " + status.ordersSent() + " (orders and cancels this member handed to the venue while it led)");
        out.flush();
    }

    private void line(final String text)
    {
        out.println("cluster: " + text);
        out.flush();
    }
}
